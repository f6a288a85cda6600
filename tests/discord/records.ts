// What the stand-in keeps and hands to tests: route keys, the records of interactions and posts,
// its options, and Discord's shard rule. Shared by the stand-in's parts; the test API re-exports it.
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIAttachment,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayGuildCreateDispatchData,
  InteractionResponseType,
  Locale,
} from "discord-api-types/v10";
import type { Place } from "./places.js";
import type { RequestRecord, UploadedFile } from "./rest.js";

/** Route keys for the fault hooks (`injectRestFault`, `rateLimitNext`, `failNext`, `requestsOn`). */
export const ROUTES = {
  gateway: "GET /gateway",
  gatewayBot: "GET /gateway/bot",
  currentUser: "GET /users/@me",
  globalCommands: "PUT /applications/:app/commands",
  guildCommands: "PUT /applications/:app/guilds/:guild/commands",
  callback: "POST /interactions/:id/:token/callback",
  getMessage: "GET /webhooks/:app/:token/messages/:message",
  editMessage: "PATCH /webhooks/:app/:token/messages/:message",
  deleteMessage: "DELETE /webhooks/:app/:token/messages/:message",
  followUp: "POST /webhooks/:app/:token",
  getChannel: "GET /channels/:channel",
  channelMessage: "POST /channels/:channel/messages",
  editChannelMessage: "PATCH /channels/:channel/messages/:message",
  deleteChannelMessage: "DELETE /channels/:channel/messages/:message",
} as const;

export type InteractionKind = "command" | "autocomplete" | "component";

/** The data of an interaction callback, whatever its type. */
export interface CallbackData {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  attachments?: { id: string | number; filename?: string; description?: string }[];
  choices?: APIApplicationCommandOptionChoice[];
  custom_id?: string;
  title?: string;
  tts?: boolean;
}

export interface CallbackRecord {
  interactionId: string;
  type: InteractionResponseType;
  data: CallbackData | undefined;
  files: Omit<UploadedFile, "data">[];
  /** Milliseconds from dispatch to the callback's arrival. */
  ms: number;
  /** performance.now() at arrival. */
  at: number;
  withResponse: boolean;
}

export interface AttemptRecord {
  at: number;
  ms: number;
  status: number;
  type?: number;
  injected?: RequestRecord["injected"];
}

export interface EditRecord {
  at: number;
  ms: number;
  messageId: string;
  data: CallbackData;
}

export interface InteractionRecord {
  interaction: APIInteraction;
  kind: InteractionKind;
  /** performance.now() when the interaction was created (dispatched). */
  createdAt: number;
  callback: CallbackRecord | null;
  /**
   * Callback requests that failed (including injected 429/5xx, 10062, 40060 and 400s); an
   * `apply-then-5xx` fault's answer is here too, though the callback it answered was taken.
   */
  attempts: AttemptRecord[];
  /** The message `@original` refers to. */
  original: APIMessage | null;
  originalDeleted: boolean;
  edits: EditRecord[];
  followUps: APIMessage[];
  deletions: string[];
}

/** An option's value in the builders: a string, number or boolean, or an uploaded file. */
export type OptionInput = string | number | boolean | APIAttachment;

export interface Actor {
  user?: APIUser;
  locale?: Locale;
  /** The member's permissions in the channel (defaults to an ordinary member's). */
  permissions?: bigint;
  /** Where it happens (default: the test server, which installed the app). See places.ts. */
  where?: Place;
  /** Which of the stand-in's servers (default: the first); see the `guildCount` option. */
  guild?: GatewayGuildCreateDispatchData;
}

/** A message the bot posted to a channel itself (not through an interaction), or was refused. */
export interface ChannelPost {
  channelId: string;
  status: number;
  message: APIMessage | null;
  /** The post repeated an earlier one's nonce with `enforce_nonce`: `message` is that earlier one. */
  deduplicated?: true;
}

export interface FakeDiscordOptions {
  /** HELLO's heartbeat_interval; Discord's is 41,250 ms. */
  heartbeatIntervalMs?: number;
  /** How long an interaction waits for its initial response (Discord: 3 s). */
  callbackWindowMs?: number;
  /** How long the interaction token works for webhooks (Discord: 15 min). */
  webhookLifetimeMs?: number;
  botName?: string;
  identifyRateLimit?: boolean;
  /** GET /gateway/bot's recommended shard count (default 1). */
  shards?: number;
  /** GET /gateway/bot's session_start_limit.max_concurrency (default 1). */
  maxConcurrency?: number;
  /** How many servers installed the app (default 1); server i lands on shard i % `shards`. */
  guildCount?: number;
  /**
   * The stand-in's clock in milliseconds (default performance.now): it times the nonce window of
   * channel posts and the `forMs` windows of REST faults, so a test can move it instead of waiting.
   */
  clock?: () => number;
  /** READY (and the servers) wait for this after each IDENTIFY; by default they follow at once. */
  readyGate?: () => Promise<void>;
  log?: (line: string) => void;
}

/** Discord's rule: a server's events go to shard (guild_id >> 22) % count; everything else to 0. */
export function shardOf(guildId: string | undefined, count: number): number {
  return guildId && count > 1 ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

// A local stand-in for Discord's API v10 (REST under /api/v10 and the gateway), for end-to-end
// tests and benchmarks that run the real bot process against it. It implements what Apparat
// uses, with Discord's documented payloads, limits, errors and timing rules:
//   - GET /gateway, /gateway/bot, /users/@me (bot token required, 401 otherwise)
//   - GET|PUT /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands
//   - POST /interactions/{id}/{token}/callback (3 s to answer, one answer, types 1 4 5 6 7 8 9)
//   - GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{@original|id}, POST /webhooks/{app}/{token}
//   - the gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay,
//     RECONNECT, INVALID_SESSION, close codes
// and a test API to dispatch interactions and await the bot's answers, and to inject faults.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import {
  type APIActionRowComponent,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentGuildInteraction,
  type APIMessageTopLevelComponent,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationFlags,
  ApplicationIntegrationType,
  ComponentType,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type RESTGetAPIGatewayBotResult,
  RESTJSONErrorCodes,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from "discord-api-types/v10";
import {
  alreadyAcknowledged,
  answer,
  apiError,
  emptyMessage,
  FormErrors,
  type HttpAnswer,
  invalidWebhookToken,
  missingAccess,
  notFound,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from "./errors.js";
import {
  BOT_PERMISSIONS,
  isoTime,
  MEMBER_PERMISSIONS,
  makeBotUser,
  makeGuild,
  makeInteractionMember,
  makeMessage,
  makeToken,
  makeUser,
  normaliseEmbeds,
  numberComponents,
} from "./fixtures.js";
import { type CloseRecord, GatewayServer, type IdentifyRecord, type ResumeRecord } from "./gateway.js";
import {
  makePrivateChannels,
  type Place,
  type PrivateChannels,
  privateChannelOf,
  privatePlaceFields,
  USER_INSTALL_APP_PERMISSIONS,
} from "./places.js";
import {
  type RateLimitHook,
  type RequestRecord,
  type RestRequest,
  RestServer,
  type RouteDefinition,
  type UploadedFile,
} from "./rest.js";
import { DISCORD_EPOCH, SnowflakeGenerator } from "./snowflake.js";
import { isObject, validateChoices, validateCommands, validateMessage, validateModal } from "./validate.js";

/** Route keys for the fault hooks (`rateLimitNext`, `failNext`). */
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
  /** Callback requests that failed (including injected 429/5xx, 10062, 40060 and 400s). */
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
  log?: (line: string) => void;
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

const OPTION_TYPE_NAMES: Record<number, string> = {
  [ApplicationCommandOptionType.String]: "string",
  [ApplicationCommandOptionType.Integer]: "integer",
  [ApplicationCommandOptionType.Boolean]: "boolean",
  [ApplicationCommandOptionType.Number]: "number",
  [ApplicationCommandOptionType.Attachment]: "attachment",
};

export class FakeDiscord {
  readonly ids = new SnowflakeGenerator();
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly token: string;
  /** The user who runs commands unless a test says otherwise. */
  readonly asker: APIUser;
  readonly guilds: GatewayGuildCreateDispatchData[];
  readonly rest: RestServer;
  readonly gateway: GatewayServer;
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** DMs and a group DM of the test user: the bot is a member of its own DM only. */
  readonly privateChannels: PrivateChannels;
  /** Files users attached to commands, served at their CDN-like URL. */
  private readonly uploads = new Map<string, { data: Uint8Array; filename: string }>();
  /** Every POST to /channels/:channel/messages, allowed or refused. */
  readonly channelPosts: ChannelPost[] = [];
  /** How long the CDN takes to serve an uploaded file (0: at once). */
  attachmentDelayMs = 0;
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly messages = new Map<string, { message: APIMessage; interactionId: string }>();
  private readonly events = new EventEmitter();
  private readonly waiters = new Set<Waiter>();
  private readonly options: Required<Omit<FakeDiscordOptions, "log">> & Pick<FakeDiscordOptions, "log">;
  private sessionStarts = 0;
  private apiPort = 0;

  private constructor(options: FakeDiscordOptions) {
    this.options = {
      heartbeatIntervalMs: 41_250,
      callbackWindowMs: 3000,
      webhookLifetimeMs: 15 * 60_000,
      botName: "Apparat",
      identifyRateLimit: true,
      shards: 1,
      maxConcurrency: 1,
      guildCount: 1,
      ...options,
    };
    this.applicationId = this.ids.next();
    this.bot = makeBotUser(this.applicationId, this.options.botName);
    this.token = makeToken(this.bot.id);
    this.asker = makeUser(this.ids.next(), "comrade_tester", { global_name: "Comrade Tester" });
    // Discord sends a server's events to shard (guild_id >> 22) % count: the id's creation time
    // decides, so each server is made at a millisecond that puts it on the shard wanted.
    const count = this.options.shards;
    this.guilds = Array.from({ length: this.options.guildCount }, (_, i) => {
      let at = Date.now() - 60_000 * i;
      while ((BigInt(at) - DISCORD_EPOCH) % BigInt(count) !== BigInt(i % count)) at -= 1;
      const name = i === 0 ? "Apparat test server" : `Apparat test server ${i + 1}`;
      return makeGuild(this.ids, name, this.bot, this.asker.id, at);
    });
    this.privateChannels = makePrivateChannels(this.ids, this.asker, this.bot, [
      makeUser(this.ids.next(), "study_friend"),
      makeUser(this.ids.next(), "another_friend"),
    ]);
    this.events.setMaxListeners(0);
    this.rest = new RestServer(this.routes(), () => this.token, options.log);
    this.rest.onInjected = (route, params, status, at) => {
      const record = route === ROUTES.callback ? this.interactions.get(params.id ?? "") : undefined;
      if (!record) return;
      const injected = status === 429 ? "rate-limit" : "failure";
      record.attempts.push({ at, ms: at - record.createdAt, status, injected });
      this.changed();
    };
    this.gateway = new GatewayServer({
      token: () => this.token,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      identifyRateLimit: this.options.identifyRateLimit,
      maxConcurrency: this.options.maxConcurrency,
      guilds: ([id, count]) => this.guilds.filter((g) => shardOf(g.id, count) === id),
      ready: (s) => this.ready(s),
      ...(options.log ? { log: options.log } : {}),
    });
    this.gateway.on("change", () => this.changed());
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.apiPort = await fake.rest.listen();
    await fake.gateway.listen();
    return fake;
  }

  async stop(): Promise<void> {
    await Promise.all([this.rest.close(), this.gateway.close()]);
  }

  /** DISCORD_API_BASE for the bot. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.apiPort}/api`;
  }

  get guild(): GatewayGuildCreateDispatchData {
    return this.guilds[0] as GatewayGuildCreateDispatchData;
  }

  get channel() {
    const channel = this.guild.channels[0];
    if (!channel) throw new Error("the test guild has no channel");
    return channel;
  }

  /** The environment the bot needs to talk to this stand-in. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DISCORD_TOKEN: this.token,
      DISCORD_CLIENT_ID: this.applicationId,
      DISCORD_API_BASE: this.apiBase,
      ...extra,
    };
  }

  /** Another member of the test server. */
  makeUser(name: string): APIUser {
    return makeUser(this.ids.next(), name);
  }

  // -------------------------------------------------------------------------------------------
  // Waiting

  private changed(): void {
    this.events.emit("change");
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves with `probe()`'s first truthy value, re-checked on every change in the stand-in. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
    const first = probe();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      let value: T | undefined;
      const waiter: Waiter = {
        check: () => {
          const v = probe();
          if (v) value = v;
          return Boolean(v);
        },
        resolve: () => {
          clearTimeout(timer);
          resolve(value as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  get identifyCount(): number {
    return this.gateway.identifies.length;
  }

  get resumeCount(): number {
    return this.gateway.resumes.length;
  }

  /** Resolves once `count` IDENTIFYs have arrived in all (READY and GUILD_CREATE are sent at once). */
  waitForIdentify(count = 1, timeoutMs = 30_000): Promise<IdentifyRecord> {
    return this.waitFor(() => this.gateway.identifies[count - 1], timeoutMs, `IDENTIFY #${count}`);
  }

  waitForResume(count = 1, timeoutMs = 30_000): Promise<ResumeRecord> {
    return this.waitFor(() => this.gateway.resumes[count - 1], timeoutMs, `RESUME #${count}`);
  }

  /** Resolves once `count` gateway connections have closed in all. */
  waitForGatewayClose(count = 1, timeoutMs = 30_000): Promise<CloseRecord> {
    return this.waitFor(() => this.gateway.closes[count - 1], timeoutMs, `gateway close #${count}`);
  }

  waitForHeartbeats(count: number, timeoutMs = 30_000): Promise<number> {
    return this.waitFor(
      () => this.gateway.heartbeats >= count && this.gateway.heartbeats,
      timeoutMs,
      `${count} heartbeats`,
    );
  }

  waitForEdit(interactionId: string, count = 1, timeoutMs = 10_000): Promise<EditRecord> {
    return this.waitFor(
      () => this.interactions.get(interactionId)?.edits[count - 1],
      timeoutMs,
      `edit #${count} of interaction ${interactionId}`,
    );
  }

  waitForFollowUp(interactionId: string, count = 1, timeoutMs = 10_000): Promise<APIMessage> {
    return this.waitFor(
      () => this.interactions.get(interactionId)?.followUps[count - 1],
      timeoutMs,
      `follow-up #${count} of interaction ${interactionId}`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Gateway faults

  /** Closes the bot's gateway socket with `code` (default 4000, Unknown error: it should resume). */
  closeGateway(code = 4000, reason = "Stand-in closed the connection"): void {
    if (!this.gateway.closeCurrent(code, reason)) throw new Error("No open gateway connection to close");
  }

  /** Drops the bot's gateway TCP connection without a close frame (the bot sees 1006). */
  terminateGateway(): void {
    if (!this.gateway.terminateCurrent()) throw new Error("No gateway connection to drop");
  }

  sendReconnect(): void {
    if (!this.gateway.sendReconnect()) throw new Error("No open gateway connection");
  }

  sendInvalidSession(resumable = false): void {
    if (!this.gateway.sendInvalidSession(resumable)) throw new Error("No open gateway connection");
  }

  // -------------------------------------------------------------------------------------------
  // REST faults

  /** The next `count` requests on `route` (see ROUTES) answer 429 with Discord's headers and body. */
  rateLimitNext(route: string, count = 1, options: Partial<RateLimitHook> = {}): void {
    this.rest.rateLimitNext(route, count, options);
  }

  /** The next `count` requests on `route` answer `status` (500 by default). */
  failNext(route: string, count = 1, status = 500): void {
    this.rest.failNext(route, count, status);
  }

  /** Requests the stand-in has seen on `route` (see ROUTES). */
  requestsOn(route: string): RequestRecord[] {
    return this.rest.requests.filter((r) => r.route === route);
  }

  // -------------------------------------------------------------------------------------------
  // Interactions: builders

  /** The registered command named `name`: guild commands first, then global ones. */
  command(name: string): APIApplicationCommand {
    const found =
      (this.guildCommands.get(this.guild.id) ?? []).find((c) => c.name === name) ??
      this.globalCommands.find((c) => c.name === name);
    if (!found) throw new Error(`/${name} is not registered with the stand-in (run the deploy script first)`);
    return found;
  }

  private base(as: Actor) {
    const user = as.user ?? this.asker;
    const where = as.where ?? "guild";
    if (where !== "guild" && where !== "guild-user-install") {
      return {
        id: this.ids.next(),
        application_id: this.applicationId,
        token: `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`,
        version: 1 as const,
        ...privatePlaceFields(where, this.privateChannels, user),
        locale: as.locale ?? Locale.EnglishUS,
        entitlements: [],
        attachment_size_limit: 10 * 1024 * 1024,
      };
    }
    const guild = as.guild ?? this.guild;
    const channel = guild.channels[0];
    if (!channel) throw new Error(`the test server ${guild.name} has no channel`);
    const userInstall = where === "guild-user-install";
    return {
      id: this.ids.next(),
      application_id: this.applicationId,
      token: `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`,
      version: 1 as const,
      guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
      guild_id: guild.id,
      channel: {
        id: channel.id,
        type: channel.type,
        guild_id: guild.id,
        name: channel.name,
        position: channel.position,
        flags: 0,
        parent_id: null,
        permissions: (as.permissions ?? MEMBER_PERMISSIONS).toString(),
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
      channel_id: channel.id,
      member: makeInteractionMember(user, as.permissions ?? MEMBER_PERMISSIONS, Date.now() - 3_600_000),
      locale: as.locale ?? Locale.EnglishUS,
      guild_locale: guild.preferred_locale,
      app_permissions: (userInstall ? USER_INSTALL_APP_PERMISSIONS : BOT_PERMISSIONS).toString(),
      entitlements: [],
      authorizing_integration_owners: userInstall
        ? { [ApplicationIntegrationType.UserInstall]: user.id }
        : { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private optionValues(
    command: APIApplicationCommand,
    values: Record<string, OptionInput>,
    focused?: string,
  ): APIApplicationCommandInteractionDataOption[] {
    const defs = new Map<string, APIApplicationCommandOption>(
      (command.options ?? []).map((o) => [o.name, o]),
    );
    const out: APIApplicationCommandInteractionDataOption[] = [];
    for (const [name, value] of Object.entries(values)) {
      const def = defs.get(name);
      if (!def) throw new Error(`/${command.name} has no option "${name}"`);
      const typeName = OPTION_TYPE_NAMES[def.type];
      if (!typeName)
        throw new Error(
          `option type ${def.type} of /${command.name} ${name} is not supported by the builder`,
        );
      const isFocused = name === focused;
      if (def.type === ApplicationCommandOptionType.Attachment) {
        // A file: its id in the option, the file itself in resolved.attachments (see chatInput).
        if (typeof value !== "object") throw new Error(`/${command.name} ${name} takes an uploaded file`);
        out.push({ name, type: def.type, value: value.id } as APIApplicationCommandInteractionDataOption);
        continue;
      }
      if (typeof value === "object") throw new Error(`/${command.name} ${name} does not take a file`);
      if (!isFocused) {
        // Discord's client enforces these before it sends anything.
        if (def.type === ApplicationCommandOptionType.String) {
          if (typeof value !== "string") throw new Error(`/${command.name} ${name} takes a string`);
          if ("max_length" in def && def.max_length !== undefined && [...value].length > def.max_length)
            throw new Error(`/${command.name} ${name} takes at most ${def.max_length} characters`);
        }
        if ("choices" in def && def.choices?.length && !def.choices.some((c) => c.value === value))
          throw new Error(`/${command.name} ${name}: ${JSON.stringify(value)} is not one of its choices`);
      } else if (!("autocomplete" in def) || !def.autocomplete) {
        throw new Error(`/${command.name} ${name} does not autocomplete`);
      }
      out.push({
        name,
        type: def.type,
        value: isFocused ? String(value) : value,
        ...(isFocused ? { focused: true } : {}),
      } as APIApplicationCommandInteractionDataOption);
    }
    for (const def of command.options ?? []) {
      if ("required" in def && def.required && !(def.name in values) && focused === undefined)
        throw new Error(`/${command.name} needs the option "${def.name}"`);
    }
    return out;
  }

  /** A slash-command interaction (type 2) for a registered command; "trivia start" for a subcommand. */
  chatInput(
    name: string,
    values: Record<string, OptionInput> = {},
    as: Actor = {},
  ): APIChatInputApplicationCommandGuildInteraction {
    const [commandName = name, subcommandName] = name.split(" ");
    const command = this.command(commandName);
    let options: APIApplicationCommandInteractionDataOption[];
    if (subcommandName) {
      const def = (command.options ?? []).find(
        (o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommandName,
      );
      if (!def || def.type !== ApplicationCommandOptionType.Subcommand)
        throw new Error(`/${commandName} has no subcommand "${subcommandName}"`);
      const inner = this.optionValues({ ...command, name, options: def.options ?? [] }, values);
      options = [
        { name: subcommandName, type: ApplicationCommandOptionType.Subcommand, options: inner },
      ] as APIApplicationCommandInteractionDataOption[];
    } else {
      options = this.optionValues(command, values);
    }
    const files = Object.values(values).filter((v): v is APIAttachment => typeof v === "object");
    return this.commandInteraction(command, as, {
      type: ApplicationCommandType.ChatInput,
      options,
      ...(files.length ? { resolved: { attachments: Object.fromEntries(files.map((f) => [f.id, f])) } } : {}),
    }) as APIChatInputApplicationCommandGuildInteraction;
  }

  /** An application-command interaction (type 2) for `command`, with the data its type carries. */
  private commandInteraction(
    command: APIApplicationCommand,
    as: Actor,
    data: Record<string, unknown>,
  ): unknown {
    return {
      ...this.base(as),
      type: InteractionType.ApplicationCommand,
      data: {
        id: command.id,
        name: command.name,
        ...(command.guild_id ? { guild_id: command.guild_id } : {}),
        ...data,
      },
    };
  }

  /**
   * A message command (type 2, command type 3) used on `message`: `target_id` and the message in
   * `resolved.messages`, as Discord sends them (with its content, whatever the bot's intents).
   */
  messageCommand(name: string, message: APIMessage, as: Actor = {}): APIMessageApplicationCommandInteraction {
    const command = this.command(name);
    if (command.type !== ApplicationCommandType.Message) throw new Error(`${name} is not a message command`);
    return this.commandInteraction(command, as, {
      type: ApplicationCommandType.Message,
      target_id: message.id,
      resolved: { messages: { [message.id]: message } },
    }) as APIMessageApplicationCommandInteraction;
  }

  /**
   * A file a user attaches to a command option, as Discord describes it in `resolved.attachments`:
   * its URL serves the bytes (GET, no token), as Discord's CDN does.
   */
  upload(filename: string, data: Uint8Array, contentType = "text/csv"): APIAttachment {
    const id = this.ids.next();
    this.uploads.set(id, { data, filename });
    const url = `${this.apiBase}/v10/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: data.byteLength, url, proxy_url: url, content_type: contentType };
  }

  /** A message someone else wrote in the channel of `where` (for message commands). */
  userMessage(content: string, as: Actor = {}): APIMessage {
    const where = as.where ?? "guild";
    const channelId =
      where === "guild" || where === "guild-user-install"
        ? this.channel.id
        : privateChannelOf(where, this.privateChannels).id;
    const message = makeMessage({
      id: this.ids.next(),
      channelId,
      author: as.user ?? this.makeUser("someone_else"),
      applicationId: "",
      type: MessageType.Default,
      content,
    });
    // A person's message, not an app's.
    delete message.webhook_id;
    delete message.application_id;
    return message;
  }

  /** An autocomplete interaction (type 4): the user typed `value` into `option`. */
  autocomplete(
    name: string,
    option: string,
    value: string,
    others: Record<string, string | number | boolean> = {},
    as: Actor = {},
  ): APIApplicationCommandAutocompleteGuildInteraction {
    const command = this.command(name);
    return {
      ...this.base(as),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.ChatInput,
        ...(command.guild_id ? { guild_id: command.guild_id } : {}),
        options: this.optionValues(command, { ...others, [option]: value }, option),
      },
    } as APIApplicationCommandAutocompleteGuildInteraction;
  }

  /** The current state of a message the bot sent (as Discord would put it in a component interaction). */
  message(id: string): APIMessage {
    const stored = this.messages.get(id);
    if (!stored) throw new Error(`Unknown message ${id}`);
    return structuredClone(stored.message);
  }

  private findComponent(message: APIMessage, customId: string) {
    for (const row of message.components ?? []) {
      if (row.type !== ComponentType.ActionRow) continue;
      for (const c of row.components) if ("custom_id" in c && c.custom_id === customId) return c;
    }
    return undefined;
  }

  /** A button press (type 3) on a message the bot sent. */
  button(
    message: APIMessage | string,
    customId: string,
    as: Actor = {},
  ): APIMessageComponentGuildInteraction {
    const msg = typeof message === "string" ? this.message(message) : this.message(message.id);
    const component = this.findComponent(msg, customId);
    if (!component || component.type !== ComponentType.Button)
      throw new Error(`Message ${msg.id} has no button with custom id ${customId}`);
    if (component.disabled) throw new Error(`The button ${customId} is disabled`);
    return {
      ...this.base(as),
      type: InteractionType.MessageComponent,
      data: { custom_id: customId, component_type: ComponentType.Button },
      message: msg,
    } as APIMessageComponentGuildInteraction;
  }

  /** A string-select choice (type 3) on a message the bot sent. */
  stringSelect(
    message: APIMessage | string,
    customId: string,
    values: string[],
    as: Actor = {},
  ): APIMessageComponentGuildInteraction {
    const msg = typeof message === "string" ? this.message(message) : this.message(message.id);
    const component = this.findComponent(msg, customId);
    if (!component || component.type !== ComponentType.StringSelect)
      throw new Error(`Message ${msg.id} has no string select with custom id ${customId}`);
    const allowed = new Set(component.options.map((o) => o.value));
    for (const v of values) if (!allowed.has(v)) throw new Error(`${v} is not an option of ${customId}`);
    const min = component.min_values ?? 1;
    const max = component.max_values ?? 1;
    if (values.length < min || values.length > max) throw new Error(`${customId} takes ${min}–${max} values`);
    return {
      ...this.base(as),
      type: InteractionType.MessageComponent,
      data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
      message: msg,
    } as APIMessageComponentGuildInteraction;
  }

  // -------------------------------------------------------------------------------------------
  // Interactions: dispatch

  /**
   * Sends INTERACTION_CREATE to the bot and resolves with its initial response (the first
   * callback Discord accepted). Rejects after `timeoutMs` without one.
   */
  dispatchInteraction(interaction: APIInteraction, { timeoutMs = 10_000 } = {}): Promise<CallbackRecord> {
    const record = this.register(interaction);
    return this.waitFor(
      () => record.callback,
      timeoutMs,
      `the bot's response to ${describe(interaction)} (failed attempts: ${JSON.stringify(record.attempts)})`,
    );
  }

  /** Sends INTERACTION_CREATE and returns its record at once (the bench and fault tests watch it). */
  register(interaction: APIInteraction): InteractionRecord {
    const kind: InteractionKind =
      interaction.type === InteractionType.ApplicationCommandAutocomplete
        ? "autocomplete"
        : interaction.type === InteractionType.MessageComponent
          ? "component"
          : "command";
    const record: InteractionRecord = {
      interaction,
      kind,
      createdAt: performance.now(),
      callback: null,
      attempts: [],
      original: null,
      originalDeleted: false,
      edits: [],
      followUps: [],
      deletions: [],
    };
    this.interactions.set(interaction.id, record);
    this.byToken.set(interaction.token, record);
    // To the shard that receives the server's events (outside a server, shard 0), as Discord does.
    const shard = shardOf(interaction.guild_id, this.gateway.shardCount);
    const seq = this.gateway.dispatch(
      { t: GatewayDispatchEvents.InteractionCreate, d: interaction } as Omit<
        GatewayDispatchPayload,
        "s" | "op"
      >,
      this.gateway.shardCount > 1 ? shard : undefined,
    );
    if (seq === null)
      throw new Error(`The bot has no gateway session (shard ${shard}) to send the interaction to`);
    return record;
  }

  /** Drops what the stand-in remembers of an interaction (long benchmarks). */
  forget(interactionId: string): void {
    const r = this.interactions.get(interactionId);
    if (!r) return;
    this.interactions.delete(interactionId);
    this.byToken.delete(r.interaction.token);
    // Only messages this interaction created: a button's update leaves its card to the one that sent it.
    const own = (id: string) => this.messages.get(id)?.interactionId === interactionId;
    if (r.original && own(r.original.id)) this.messages.delete(r.original.id);
    for (const m of r.followUps) if (own(m.id)) this.messages.delete(m.id);
  }

  // -------------------------------------------------------------------------------------------
  // REST routes

  private routes(): RouteDefinition[] {
    const webhookBucket = { limit: 5, windowMs: 2000 };
    const botBucket = { limit: 50, windowMs: 1000 };
    return [
      {
        method: "GET",
        template: "/gateway",
        auth: false,
        handler: () => answer(200, { url: this.gateway.url }),
      },
      {
        method: "GET",
        template: "/gateway/bot",
        auth: true,
        bucket: botBucket,
        handler: () => this.gatewayBot(),
      },
      {
        method: "GET",
        template: "/users/@me",
        auth: true,
        bucket: botBucket,
        handler: () => answer(200, this.bot),
      },
      {
        method: "GET",
        template: "/applications/:app/commands",
        auth: true,
        bucket: botBucket,
        handler: (r) => this.getCommands(r),
      },
      {
        method: "PUT",
        template: "/applications/:app/commands",
        auth: true,
        bucket: botBucket,
        handler: (r) => this.putCommands(r),
      },
      {
        method: "GET",
        template: "/applications/:app/guilds/:guild/commands",
        auth: true,
        bucket: botBucket,
        handler: (r) => this.getCommands(r),
      },
      {
        method: "PUT",
        template: "/applications/:app/guilds/:guild/commands",
        auth: true,
        bucket: botBucket,
        handler: (r) => this.putCommands(r),
      },
      {
        method: "POST",
        template: "/interactions/:id/:token/callback",
        auth: false,
        handler: (r) => this.callback(r),
      },
      {
        method: "GET",
        template: "/webhooks/:app/:token/messages/:message",
        auth: false,
        bucket: webhookBucket,
        handler: (r) => this.getMessage(r),
      },
      {
        method: "PATCH",
        template: "/webhooks/:app/:token/messages/:message",
        auth: false,
        bucket: webhookBucket,
        handler: (r) => this.editMessage(r),
      },
      {
        method: "DELETE",
        template: "/webhooks/:app/:token/messages/:message",
        auth: false,
        bucket: webhookBucket,
        handler: (r) => this.deleteMessage(r),
      },
      {
        method: "POST",
        template: "/webhooks/:app/:token",
        auth: false,
        bucket: webhookBucket,
        handler: (r) => this.followUp(r),
      },
      {
        method: "GET",
        template: "/attachments/:id/:file",
        auth: false,
        handler: async (r) => {
          const file = this.uploads.get(r.params.id ?? "");
          // A slow CDN, when a test asks for one (to see a handler deferred past Discord's 3 s).
          if (this.attachmentDelayMs > 0)
            await new Promise((resolve) => setTimeout(resolve, this.attachmentDelayMs));
          return file ? answer(200, file.data) : notFound();
        },
      },
      {
        method: "GET",
        template: "/channels/:channel",
        auth: true,
        bucket: botBucket,
        handler: (r) => this.getChannel(r),
      },
      {
        method: "POST",
        template: "/channels/:channel/messages",
        auth: true,
        bucket: { limit: 5, windowMs: 5000 },
        handler: (r) => this.postChannelMessage(r),
      },
    ];
  }

  /** The bot sees the test server's channels and its own DM; anything else is not its to read. */
  private visibleChannel(id: string | undefined) {
    const guildChannel = this.guilds.flatMap((g) => g.channels).find((c) => c.id === id);
    if (guildChannel) return guildChannel;
    if (id === this.privateChannels.botDm.id) return this.privateChannels.botDm;
    return undefined;
  }

  /** A message body checked as Discord checks it: the error to answer, or its flags. */
  private checkedMessage(r: RestRequest): HttpAnswer | { flags: number } {
    const errors = new FormErrors();
    const check = validateMessage(errors, r.json, [], r.files.length);
    const bad = errors.answer();
    if (bad) return bad;
    if (check.empty) return emptyMessage();
    return { flags: check.flags };
  }

  private getChannel(r: RestRequest): HttpAnswer {
    const channel = this.visibleChannel(r.params.channel);
    const known =
      channel ??
      [this.privateChannels.dm, this.privateChannels.groupDm].find((c) => c.id === r.params.channel);
    if (!known) return apiError(404, RESTJSONErrorCodes.UnknownChannel, "Unknown Channel");
    return channel ? answer(200, channel) : missingAccess();
  }

  /**
   * The bot posting by itself: allowed in the server's channels and its own DM, refused with
   * 403 50001 Missing Access in DMs and group DMs of other people, where it is not a member.
   */
  private postChannelMessage(r: RestRequest): HttpAnswer {
    const channelId = r.params.channel ?? "";
    const channel = this.visibleChannel(channelId);
    if (!channel) {
      this.channelPosts.push({ channelId, status: 403, message: null });
      this.changed();
      return missingAccess();
    }
    const check = this.checkedMessage(r);
    if ("status" in check) return check;
    const data = r.json as CallbackData;
    const message = makeMessage({
      id: this.ids.next(),
      channelId,
      ...("guild_id" in channel && channel.guild_id ? { guildId: channel.guild_id } : {}),
      author: this.bot,
      applicationId: this.applicationId,
      type: MessageType.Default,
      content: data.content ?? "",
      embeds: data.embeds ?? [],
      components: (data.components ?? []) as APIMessageTopLevelComponent[],
      attachments: this.attachments(r.files, data, channelId, false),
      flags: check.flags,
    });
    delete message.webhook_id;
    this.messages.set(message.id, { message, interactionId: "" });
    this.channelPosts.push({ channelId, status: 200, message });
    this.changed();
    return answer(200, message);
  }

  private gatewayBot(): HttpAnswer {
    const body: RESTGetAPIGatewayBotResult = {
      url: this.gateway.url,
      shards: this.options.shards,
      session_start_limit: {
        total: 1000,
        remaining: 1000 - this.sessionStarts,
        reset_after: 86_400_000,
        max_concurrency: this.options.maxConcurrency,
      },
    };
    return answer(200, body);
  }

  private ready(s: { id: string; shard: [number, number]; resumeUrl: string }): GatewayReadyDispatchData {
    this.sessionStarts += 1;
    return {
      v: 10,
      user: this.bot,
      guilds: this.guilds
        .filter((g) => shardOf(g.id, s.shard[1]) === s.shard[0])
        .map((g) => ({ id: g.id, unavailable: true })),
      session_id: s.id,
      resume_gateway_url: s.resumeUrl,
      shard: s.shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
      // Sent by Discord to bots, not typed by discord-api-types.
      ...({
        session_type: "normal",
        user_settings: {},
        private_channels: [],
        presences: [],
        relationships: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ["stand-in"],
        auth: {},
        _trace: ['["gateway-prd-stand-in",{"micros":0}]'],
      } as object),
    };
  }

  private commandList(r: RestRequest): APIApplicationCommand[] | HttpAnswer {
    if (r.params.app !== this.applicationId) return missingAccess();
    const guildId = r.params.guild;
    if (guildId === undefined) return this.globalCommands;
    if (!this.guilds.some((g) => g.id === guildId)) return missingAccess();
    let list = this.guildCommands.get(guildId);
    if (!list) {
      list = [];
      this.guildCommands.set(guildId, list);
    }
    return list;
  }

  private getCommands(r: RestRequest): HttpAnswer {
    const list = this.commandList(r);
    return Array.isArray(list) ? answer(200, list) : list;
  }

  private putCommands(r: RestRequest): HttpAnswer {
    const list = this.commandList(r);
    if (!Array.isArray(list)) return list;
    const errors = new FormErrors();
    validateCommands(errors, r.json);
    const bad = errors.answer();
    if (bad) return bad;
    const guildId = r.params.guild;
    const body = r.json as Record<string, unknown>[];
    const next: APIApplicationCommand[] = body.map((c) => {
      const type = (c.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      const definition = {
        type,
        name: c.name as string,
        name_localizations: (c.name_localizations as Record<string, string> | undefined) ?? null,
        description: (c.description as string | undefined) ?? "",
        description_localizations:
          (c.description_localizations as Record<string, string> | undefined) ?? null,
        ...(Array.isArray(c.options) && c.options.length > 0
          ? { options: c.options as APIApplicationCommandOption[] }
          : {}),
        default_member_permissions: (c.default_member_permissions as string | null | undefined) ?? null,
        ...(guildId ? {} : { dm_permission: (c.dm_permission as boolean | undefined) ?? true }),
        nsfw: (c.nsfw as boolean | undefined) ?? false,
        integration_types: (c.integration_types as ApplicationIntegrationType[] | undefined) ?? [
          ApplicationIntegrationType.GuildInstall,
        ],
        contexts: (c.contexts as InteractionContextType[] | null | undefined) ?? null,
      };
      const previous = list.find((p) => p.name === definition.name && p.type === type);
      const unchanged =
        previous !== undefined &&
        stableJson({ ...previous, id: 0, version: 0, application_id: 0, guild_id: 0 }) ===
          stableJson({ ...definition, id: 0, version: 0, application_id: 0, guild_id: 0 });
      return {
        id: previous?.id ?? this.ids.next(),
        application_id: this.applicationId,
        version: unchanged && previous ? previous.version : this.ids.next(),
        ...(guildId ? { guild_id: guildId } : {}),
        ...definition,
      } as APIApplicationCommand;
    });
    list.splice(0, list.length, ...next);
    this.changed();
    return answer(200, next);
  }

  private attachments(
    files: UploadedFile[],
    body: CallbackData | undefined,
    channelId: string,
    ephemeral: boolean,
  ) {
    return files.map((f, i): APIAttachment => {
      const id = this.ids.next();
      const meta = body?.attachments?.find((a) => String(a.id) === String(i));
      return {
        id,
        filename: meta?.filename ?? f.name,
        size: f.size,
        url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`,
        proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`,
        ...(f.contentType ? { content_type: f.contentType } : {}),
        ...(meta?.description ? { description: meta.description } : {}),
        ...(ephemeral ? { ephemeral: true } : {}),
      };
    });
  }

  private newMessage(
    record: InteractionRecord,
    data: CallbackData | undefined,
    files: UploadedFile[],
    flags: number,
    type: MessageType,
  ): APIMessage {
    const i = record.interaction;
    const user = i.member?.user ?? i.user ?? this.asker;
    const channelId = i.channel_id ?? this.channel.id;
    const message = makeMessage({
      id: this.ids.next(),
      channelId,
      ...(i.guild_id ? { guildId: i.guild_id } : {}),
      author: this.bot,
      applicationId: this.applicationId,
      type,
      content: data?.content ?? "",
      embeds: data?.embeds ?? [],
      components: (data?.components ?? []) as APIMessageTopLevelComponent[],
      attachments: this.attachments(files, data, channelId, (flags & MessageFlags.Ephemeral) !== 0),
      flags,
      interaction: {
        id: i.id,
        type: i.type,
        ...(i.type === InteractionType.ApplicationCommand ? { name: i.data.name } : {}),
        user,
        ...(i.member ? { member: i.member } : {}),
        ...(i.message ? { interactedMessageId: i.message.id } : {}),
        ...(i.guild_id ? { guildId: i.guild_id } : {}),
      },
    });
    this.messages.set(message.id, { message, interactionId: i.id });
    return message;
  }

  /** Applies an edit (PATCH or update callback): given fields replace, absent ones stay. */
  private applyEdit(message: APIMessage, data: CallbackData, files: UploadedFile[], edited: boolean): void {
    if (data.content !== undefined) message.content = data.content ?? "";
    if (data.components !== undefined)
      message.components = numberComponents((data.components ?? []) as APIMessageTopLevelComponent[]);
    const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const uploaded = this.attachments(files, data, message.channel_id, ephemeral);
    if (data.attachments !== undefined) {
      const keep = new Set(data.attachments.map((a) => String(a.id)));
      message.attachments = [...message.attachments.filter((a) => keep.has(a.id)), ...uploaded];
    } else message.attachments = [...message.attachments, ...uploaded];
    if (data.embeds !== undefined) message.embeds = normaliseEmbeds(data.embeds ?? [], message.attachments);
    if (data.flags !== undefined && data.flags !== null) {
      const suppress = MessageFlags.SuppressEmbeds;
      message.flags = ((message.flags ?? 0) & ~suppress) | (data.flags & suppress);
    }
    const loading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (loading) message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    else if (edited) message.edited_timestamp = isoTime();
  }

  private callback(r: RestRequest): HttpAnswer {
    const record = this.interactions.get(r.params.id ?? "");
    const now = performance.now();
    if (!record || record.interaction.token !== r.params.token) return unknownInteraction();
    const fail = (a: HttpAnswer, type?: number): HttpAnswer => {
      record.attempts.push({
        at: now,
        ms: now - record.createdAt,
        status: a.status,
        ...(type ? { type } : {}),
      });
      this.changed();
      return a;
    };
    const body = r.json;
    const type = isObject(body) && typeof body.type === "number" ? body.type : undefined;
    if (record.callback) return fail(alreadyAcknowledged(), type);
    if (now - record.createdAt > this.options.callbackWindowMs) return fail(unknownInteraction(), type);

    const errors = new FormErrors();
    if (!isObject(body) || type === undefined) {
      errors.required(["type"]);
      return fail(errors.answer() as HttpAnswer, type);
    }
    const allowed: Record<InteractionKind, InteractionResponseType[]> = {
      command: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
      ],
      component: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ],
      autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
    };
    if (!allowed[record.kind].includes(type)) {
      errors.add(
        ["type"],
        "INTERACTION_RESPONSE_TYPE_INVALID",
        `Interaction response type ${type} is not valid for this interaction`,
      );
      return fail(errors.answer() as HttpAnswer, type);
    }
    const data = body.data as CallbackData | undefined;
    let flags = 0;
    let empty = false;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.UpdateMessage: {
        const check = validateMessage(errors, data, ["data"], r.files.length);
        flags = check.flags;
        empty = check.empty;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource:
        if (data !== undefined) flags = validateMessage(errors, data, ["data"]).flags;
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const i = record.interaction;
        const focused =
          i.type === InteractionType.ApplicationCommandAutocomplete
            ? i.data.options.flatMap(flatOptions).find((o) => "focused" in o && o.focused)
            : undefined;
        validateChoices(errors, data, ["data"], focused?.type);
        break;
      }
      case InteractionResponseType.Modal:
        validateModal(errors, data, ["data"]);
        break;
    }
    const bad = errors.answer();
    if (bad) return fail(bad, type);
    if (type === InteractionResponseType.ChannelMessageWithSource && empty) return fail(emptyMessage(), type);

    const i = record.interaction;
    const ephemeral = flags & MessageFlags.Ephemeral;
    let message: APIMessage | null = null;
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      const messageType = record.kind === "command" ? MessageType.ChatInputCommand : MessageType.Default;
      message = this.newMessage(record, data, r.files, flags & ~MessageFlags.Loading, messageType);
      record.original = message;
    } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const messageType = record.kind === "command" ? MessageType.ChatInputCommand : MessageType.Default;
      message = this.newMessage(record, undefined, [], MessageFlags.Loading | ephemeral, messageType);
      record.original = message;
    } else if (
      type === InteractionResponseType.DeferredMessageUpdate ||
      type === InteractionResponseType.UpdateMessage
    ) {
      if (i.type !== InteractionType.MessageComponent) return fail(unknownInteraction(), type);
      const stored = this.messages.get(i.message.id);
      message = stored?.message ?? structuredClone(i.message);
      if (!stored) this.messages.set(message.id, { message, interactionId: i.id });
      if (type === InteractionResponseType.UpdateMessage) this.applyEdit(message, data ?? {}, r.files, true);
      record.original = message;
    }
    record.callback = {
      interactionId: i.id,
      type,
      data,
      files: r.files.map(({ data: _bytes, ...f }) => f),
      ms: now - record.createdAt,
      at: now,
      withResponse: r.query.get("with_response") === "true",
    };
    this.changed();
    if (r.query.get("with_response") !== "true") return answer(204);
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: i.id,
        type: i.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: {
        type,
        ...(message && type !== InteractionResponseType.DeferredMessageUpdate ? { message } : {}),
      },
    };
    return answer(200, result);
  }

  /** The interaction behind a webhook route, or the error Discord gives. */
  private webhook(r: RestRequest): InteractionRecord | HttpAnswer {
    const record = this.byToken.get(r.params.token ?? "");
    if (r.params.app !== this.applicationId) return unknownWebhook();
    if (!record || performance.now() - record.createdAt > this.options.webhookLifetimeMs)
      return invalidWebhookToken();
    return record;
  }

  private target(record: InteractionRecord, id: string): APIMessage | null {
    if (id === "@original") return record.originalDeleted ? null : record.original;
    if (record.original?.id === id) return record.originalDeleted ? null : record.original;
    return record.followUps.find((m) => m.id === id && !record.deletions.includes(m.id)) ?? null;
  }

  private getMessage(r: RestRequest): HttpAnswer {
    const record = this.webhook(r);
    if (!("interaction" in record)) return record;
    const message = this.target(record, r.params.message ?? "");
    return message ? answer(200, message) : unknownMessage();
  }

  private editMessage(r: RestRequest): HttpAnswer {
    const record = this.webhook(r);
    if (!("interaction" in record)) return record;
    const message = this.target(record, r.params.message ?? "");
    if (!message) return unknownMessage();
    const errors = new FormErrors();
    validateMessage(errors, r.json ?? {}, [], r.files.length);
    const bad = errors.answer();
    if (bad) return bad;
    const data = (r.json ?? {}) as CallbackData;
    this.applyEdit(message, data, r.files, true);
    const now = performance.now();
    record.edits.push({ at: now, ms: now - record.createdAt, messageId: message.id, data });
    this.changed();
    return answer(200, message);
  }

  private deleteMessage(r: RestRequest): HttpAnswer {
    const record = this.webhook(r);
    if (!("interaction" in record)) return record;
    const message = this.target(record, r.params.message ?? "");
    if (!message) return unknownMessage();
    if (message === record.original) record.originalDeleted = true;
    record.deletions.push(message.id);
    this.messages.delete(message.id);
    this.changed();
    return answer(204);
  }

  private followUp(r: RestRequest): HttpAnswer {
    const record = this.webhook(r);
    if (!("interaction" in record)) return record;
    const acknowledged =
      record.callback !== null &&
      record.callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult &&
      record.callback.type !== InteractionResponseType.Modal;
    if (!acknowledged) return unknownWebhook();
    const check = this.checkedMessage(r);
    if ("status" in check) return check;
    const data = r.json as CallbackData;
    const original = record.original;
    let message: APIMessage;
    if (
      original &&
      !record.originalDeleted &&
      ((original.flags ?? 0) & MessageFlags.Loading) !== 0 &&
      record.callback?.type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      // The first follow-up after a deferral fills in the "thinking…" message, keeping its flags.
      this.applyEdit(original, data, r.files, false);
      message = original;
    } else {
      message = this.newMessage(record, data, r.files, check.flags, MessageType.Default);
    }
    record.followUps.push(message);
    this.changed();
    return r.query.get("wait") === "true" ? answer(200, message) : answer(204);
  }
}

/** JSON with object keys sorted, for comparing definitions whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function flatOptions(
  o: APIApplicationCommandInteractionDataOption,
): APIApplicationCommandInteractionDataOption[] {
  return "options" in o && o.options ? [o, ...o.options.flatMap(flatOptions)] : [o];
}

function describe(i: APIInteraction): string {
  if (i.type === InteractionType.ApplicationCommand) return `/${i.data.name}`;
  if (i.type === InteractionType.ApplicationCommandAutocomplete) return `autocomplete of /${i.data.name}`;
  if (i.type === InteractionType.MessageComponent) return `component ${i.data.custom_id}`;
  return `interaction type ${i.type}`;
}

/** Discord's rule: a server's events go to shard (guild_id >> 22) % count; everything else to 0. */
export function shardOf(guildId: string | undefined, count: number): number {
  return guildId && count > 1 ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

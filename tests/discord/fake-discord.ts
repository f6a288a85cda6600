// A local stand-in for Discord's API v10 (REST under /api/v10 and the gateway), for end-to-end
// tests and benchmarks that run the real bot process against it. It implements what Apparat
// uses, with Discord's documented payloads, limits, errors and timing rules (see README.md):
//   - GET /gateway, /gateway/bot, /users/@me (bot token required, 401 otherwise)
//   - GET|PUT /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands
//   - POST /interactions/{id}/{token}/callback (3 s to answer, one answer, types 1 4 5 6 7 8 9)
//   - GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{@original|id}, POST /webhooks/{app}/{token}
//   - GET /channels/{id}, POST /channels/{id}/messages (nonce, enforce_nonce), PATCH|DELETE its messages
//   - the gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay,
//     RECONNECT, INVALID_SESSION, close codes
// and a test API to dispatch interactions and await the bot's answers, and to inject faults.
// Every request body is checked against Discord's OpenAPI spec (spec.ts).
// This file is the test API; the parts are: state.ts, builders.ts, routes/, messages.ts, rest.ts,
// faults.ts, spec.ts and gateway.ts.
import { performance } from "node:perf_hooks";
import {
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentGuildInteraction,
  type APIUser,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  InteractionType,
} from "discord-api-types/v10";
import * as build from "./builders.js";
import type { RateLimitHook, RestFaultHandle, RestFaultOptions } from "./faults.js";
import { makeUser } from "./fixtures.js";
import { type CloseRecord, GatewayServer, type IdentifyRecord, type ResumeRecord } from "./gateway.js";
import type { PrivateChannels } from "./places.js";
import {
  type Actor,
  type CallbackRecord,
  type ChannelPost,
  type EditRecord,
  type FakeDiscordOptions,
  type InteractionKind,
  type InteractionRecord,
  type OptionInput,
  ROUTES,
  shardOf,
} from "./records.js";
import { type RequestRecord, RestServer } from "./rest.js";
import { routes } from "./routes/index.js";
import { ready } from "./routes/session.js";
import type { SnowflakeGenerator } from "./snowflake.js";
import { loadDiscordSpec, type SpecViolation } from "./spec.js";
import { StandIn } from "./state.js";

export type { RestFaultHandle, RestFaultMode, RestFaultOptions } from "./faults.js";
export type {
  Actor,
  AttemptRecord,
  CallbackData,
  CallbackRecord,
  ChannelPost,
  EditRecord,
  FakeDiscordOptions,
  InteractionKind,
  InteractionRecord,
  OptionInput,
} from "./records.js";
export type { SpecViolation } from "./spec.js";
export { ROUTES, shardOf };

export class FakeDiscord {
  /** Every stand-in started in this process (the e2e harness checks their spec violations). */
  static readonly started = new Set<FakeDiscord>();

  readonly ids: SnowflakeGenerator;
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly token: string;
  /** The user who runs commands unless a test says otherwise. */
  readonly asker: APIUser;
  readonly guilds: GatewayGuildCreateDispatchData[];
  readonly rest: RestServer;
  readonly gateway: GatewayServer;
  readonly globalCommands: APIApplicationCommand[];
  readonly guildCommands: Map<string, APIApplicationCommand[]>;
  readonly interactions: Map<string, InteractionRecord>;
  /** DMs and a group DM of the test user: the bot is a member of its own DM only. */
  readonly privateChannels: PrivateChannels;
  /** Every POST to /channels/:channel/messages, allowed or refused. */
  readonly channelPosts: ChannelPost[];
  /**
   * Request bodies that broke Discord's OpenAPI spec, each answered 400 50035 (see spec.ts). The
   * e2e harness fails a test file that leaves any; a test that sends one on purpose takes it with
   * `takeSpecViolations()`.
   */
  readonly specViolations: SpecViolation[] = [];
  private readonly state: StandIn;
  private apiPort = 0;

  private constructor(options: FakeDiscordOptions) {
    const s = new StandIn(options);
    this.state = s;
    this.ids = s.ids;
    this.applicationId = s.applicationId;
    this.bot = s.bot;
    this.token = s.token;
    this.asker = s.asker;
    this.guilds = s.guilds;
    this.globalCommands = s.globalCommands;
    this.guildCommands = s.guildCommands;
    this.interactions = s.interactions;
    this.privateChannels = s.privateChannels;
    this.channelPosts = s.channelPosts;
    this.rest = new RestServer(
      routes(s, () => this.gateway.url),
      () => this.token,
      { clock: s.options.clock, ...(options.log ? { log: options.log } : {}) },
    );
    this.rest.onInjected = (route, params, status, at, injected) => {
      const record = route === ROUTES.callback ? this.interactions.get(params.id ?? "") : undefined;
      if (!record) return;
      record.attempts.push({ at, ms: at - record.createdAt, status, injected });
      s.changed();
    };
    this.rest.onRecord = () => s.changed();
    this.gateway = new GatewayServer({
      token: () => this.token,
      heartbeatIntervalMs: s.options.heartbeatIntervalMs,
      identifyRateLimit: s.options.identifyRateLimit,
      maxConcurrency: s.options.maxConcurrency,
      ...(s.options.readyGate ? { readyGate: s.options.readyGate } : {}),
      guilds: ([id, count]) => this.guilds.filter((g) => shardOf(g.id, count) === id),
      ready: (session) => ready(s, session),
      ...(options.log ? { log: options.log } : {}),
    });
    this.gateway.on("change", () => s.changed());
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    // Without the spec this throws under CI, and warns once elsewhere (the check is then off).
    const spec = loadDiscordSpec();
    const fake = new FakeDiscord(options);
    if (spec)
      fake.rest.checkBody = (r, multipart) => {
        const found = spec.check(r.method, r.path, multipart, r.json);
        if (!found) return null;
        fake.specViolations.push({
          method: r.method,
          path: r.path,
          route: `${r.method} ${r.template}`,
          operation: found.operation,
          errors: found.errors,
          body: r.json,
        });
        fake.state.changed();
        return found.errors;
      };
    fake.apiPort = await fake.rest.listen();
    fake.state.apiBase = fake.apiBase;
    await fake.gateway.listen();
    FakeDiscord.started.add(fake);
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
    return this.state.guild;
  }

  get channel() {
    return this.state.channel;
  }

  /** How long the CDN takes to serve an uploaded file (0: at once). */
  get attachmentDelayMs(): number {
    return this.state.attachmentDelayMs;
  }

  set attachmentDelayMs(ms: number) {
    this.state.attachmentDelayMs = ms;
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

  /**
   * Every message the bot created in `channelId` (default: the test server's first channel) and
   * has not deleted, in the order it created them, as they are now: its own posts, interaction
   * answers and follow-ups (ephemeral ones too; see `flags`). A post deduplicated by its nonce
   * appears once.
   */
  channelMessages(channelId: string = this.channel.id): APIMessage[] {
    const out: APIMessage[] = [];
    for (const { message } of this.state.messages.values())
      if (message.channel_id === channelId && message.author.id === this.bot.id)
        out.push(structuredClone(message));
    return out;
  }

  /** Returns the spec violations recorded so far and forgets them (for tests that send bad bodies). */
  takeSpecViolations(): SpecViolation[] {
    return this.specViolations.splice(0);
  }

  // -------------------------------------------------------------------------------------------
  // Waiting

  /** Resolves with `probe()`'s first truthy value, re-checked on every change in the stand-in. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
    return this.state.waitFor(probe, timeoutMs, what);
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
  // REST faults (faults.ts)

  /**
   * A fault on a route (see ROUTES): `refuse` (a 5xx, nothing applied), `apply-then-5xx` (applied,
   * then a 5xx) or `slow` (applied, answer held `delayMs`), for the next `times` requests or for
   * `forMs` of the stand-in's clock. The handle clears it and counts the requests it hit.
   */
  injectRestFault(options: RestFaultOptions): RestFaultHandle {
    return this.rest.faults.inject(options);
  }

  /** The next `count` requests on `route` (see ROUTES) answer 429 with Discord's headers and body. */
  rateLimitNext(route: string, count = 1, options: Partial<RateLimitHook> = {}): void {
    this.rest.rateLimitNext(route, count, options);
  }

  /** The next `count` requests on `route` answer `status` (500 by default), not applied. */
  failNext(route: string, count = 1, status = 500): void {
    this.rest.failNext(route, count, status);
  }

  /** Requests the stand-in has seen on `route` (see ROUTES). */
  requestsOn(route: string): RequestRecord[] {
    return this.rest.requests.filter((r) => r.route === route);
  }

  // -------------------------------------------------------------------------------------------
  // Interactions: builders (builders.ts)

  /** The registered command named `name`: guild commands first, then global ones. */
  command(name: string): APIApplicationCommand {
    return build.registeredCommand(this.state, name);
  }

  /** A slash-command interaction (type 2) for a registered command; "trivia start" for a subcommand. */
  chatInput(
    name: string,
    values: Record<string, OptionInput> = {},
    as: Actor = {},
  ): APIChatInputApplicationCommandGuildInteraction {
    return build.chatInput(this.state, name, values, as);
  }

  /** A message command (type 2, command type 3) used on `message`. */
  messageCommand(name: string, message: APIMessage, as: Actor = {}): APIMessageApplicationCommandInteraction {
    return build.messageCommand(this.state, name, message, as);
  }

  /** A file a user attaches to a command option; its URL serves the bytes, as Discord's CDN does. */
  upload(filename: string, data: Uint8Array, contentType = "text/csv"): APIAttachment {
    return build.upload(this.state, filename, data, contentType);
  }

  /** A message someone else wrote in the channel of `where` (for message commands). */
  userMessage(content: string, as: Actor = {}): APIMessage {
    return build.userMessage(this.state, content, as);
  }

  /** An autocomplete interaction (type 4): the user typed `value` into `option`. */
  autocomplete(
    name: string,
    option: string,
    value: string,
    others: Record<string, string | number | boolean> = {},
    as: Actor = {},
  ): APIApplicationCommandAutocompleteGuildInteraction {
    return build.autocomplete(this.state, name, option, value, others, as);
  }

  /** The current state of a message the bot sent (as Discord would put it in a component interaction). */
  message(id: string): APIMessage {
    return build.currentMessage(this.state, id);
  }

  /** A button press (type 3) on a message the bot sent. */
  button(
    message: APIMessage | string,
    customId: string,
    as: Actor = {},
  ): APIMessageComponentGuildInteraction {
    return build.button(this.state, message, customId, as);
  }

  /** A string-select choice (type 3) on a message the bot sent. */
  stringSelect(
    message: APIMessage | string,
    customId: string,
    values: string[],
    as: Actor = {},
  ): APIMessageComponentGuildInteraction {
    return build.stringSelect(this.state, message, customId, values, as);
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
    this.state.byToken.set(interaction.token, record);
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
    this.state.byToken.delete(r.interaction.token);
    // Only messages this interaction created: a button's update leaves its card to the one that sent it.
    const messages = this.state.messages;
    const own = (id: string) => messages.get(id)?.interactionId === interactionId;
    if (r.original && own(r.original.id)) messages.delete(r.original.id);
    for (const m of r.followUps) if (own(m.id)) messages.delete(m.id);
  }
}

function describe(i: APIInteraction): string {
  if (i.type === InteractionType.ApplicationCommand) return `/${i.data.name}`;
  if (i.type === InteractionType.ApplicationCommandAutocomplete) return `autocomplete of /${i.data.name}`;
  if (i.type === InteractionType.MessageComponent) return `component ${i.data.custom_id}`;
  return `interaction type ${i.type}`;
}

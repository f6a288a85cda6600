// The stand-in's state, shared by its REST routes, its interaction builders and the test API: who
// the application is, its servers and channels, registered commands, interactions, the messages
// the bot created, and waiting for any of it to change.
import { performance } from "node:perf_hooks";
import type {
  APIApplicationCommand,
  APIMessage,
  APIUser,
  GatewayGuildCreateDispatchData,
} from "discord-api-types/v10";
import { makeBotUser, makeGuild, makeToken, makeUser } from "./fixtures.js";
import { makePrivateChannels, type PrivateChannels } from "./places.js";
import type { ChannelPost, FakeDiscordOptions, InteractionRecord } from "./records.js";
import { DISCORD_EPOCH, SnowflakeGenerator } from "./snowflake.js";

export type ResolvedOptions = Required<Omit<FakeDiscordOptions, "log" | "readyGate">> &
  Pick<FakeDiscordOptions, "log" | "readyGate">;

/** A message the bot created; `interactionId` is "" for its own channel posts. */
export interface StoredMessage {
  message: APIMessage;
  interactionId: string;
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export class StandIn {
  readonly ids = new SnowflakeGenerator();
  readonly options: ResolvedOptions;
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly token: string;
  /** The user who runs commands unless a test says otherwise. */
  readonly asker: APIUser;
  readonly guilds: GatewayGuildCreateDispatchData[];
  /** DMs and a group DM of the test user: the bot is a member of its own DM only. */
  readonly privateChannels: PrivateChannels;
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly byToken = new Map<string, InteractionRecord>();
  /** Every message the bot created and has not deleted, in the order it created them. */
  readonly messages = new Map<string, StoredMessage>();
  /** Files users attached to commands, served at their CDN-like URL. */
  readonly uploads = new Map<string, { data: Uint8Array; filename: string }>();
  /** Every POST to /channels/:channel/messages, allowed or refused. */
  readonly channelPosts: ChannelPost[] = [];
  /** Nonces of channel posts by channel, author and nonce: the message and when it was made. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  /** How long the CDN takes to serve an uploaded file (0: at once). */
  attachmentDelayMs = 0;
  sessionStarts = 0;
  /** DISCORD_API_BASE, once the REST server listens. */
  apiBase = "";
  private readonly waiters = new Set<Waiter>();

  constructor(options: FakeDiscordOptions) {
    this.options = {
      heartbeatIntervalMs: 41_250,
      callbackWindowMs: 3000,
      webhookLifetimeMs: 15 * 60_000,
      botName: "Apparat",
      identifyRateLimit: true,
      shards: 1,
      maxConcurrency: 1,
      guildCount: 1,
      clock: () => performance.now(),
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
  }

  /** The stand-in's clock (see FakeDiscordOptions.clock). */
  now(): number {
    return this.options.clock();
  }

  get guild(): GatewayGuildCreateDispatchData {
    return this.guilds[0] as GatewayGuildCreateDispatchData;
  }

  get channel() {
    const channel = this.guild.channels[0];
    if (!channel) throw new Error("the test guild has no channel");
    return channel;
  }

  /** The bot sees the test servers' channels and its own DM; anything else is not its to read. */
  visibleChannel(id: string | undefined) {
    const guildChannel = this.guilds.flatMap((g) => g.channels).find((c) => c.id === id);
    if (guildChannel) return guildChannel;
    if (id === this.privateChannels.botDm.id) return this.privateChannels.botDm;
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Waiting

  /** Something changed: waiters whose condition now holds are resolved. */
  changed(): void {
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
}

import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, Routes } from "discord.js";
import type { APIInteraction, GatewayDispatchPayload } from "discord-api-types/v10";
import type { Logger } from "pino";
import { COMMANDS, COMPONENTS } from "../../commands/index.js";
import type { Engine } from "../app.js";
import { type Config, publicBaseUrl } from "../config.js";
import type { Dataset } from "../data/build.js";
import type { BotMetrics } from "../http/metrics.js";
import type { LocalOps } from "../http/ops.js";
import { InteractionResponseType, InteractionType, MessageFlags } from "../interactions/api.js";
import { requestFromApi } from "../interactions/from-api.js";
import { Router } from "../interactions/router.js";
import { shardOfGuild } from "../interactions/shards.js";
import { type ApiFile, callbackOf, isEphemeral, messageRequest } from "../interactions/to-api.js";
import { createTrivia } from "../interactions/trivia.js";
import { observedSql } from "../storage/observed.js";
import { openStorage } from "../storage/open.js";
import type { Sql, Storage } from "../storage/sql.js";
import type { TriviaGame } from "../trivia/game.js";
import { backoffMs } from "../trivia/rounds.js";
import { channelCheck } from "./can-post.js";
import { channelMessenger } from "./messenger.js";
import { checkDiscordReachable } from "./reach.js";

/** Discord gives 3 s to answer; past this the bot defers and edits the reply later. */
const DEFER_AFTER_MS = 2000;

/** Files are fetched from Discord's CDN only when a handler reads them, and never past this. */
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

async function download(url: string, size: number): Promise<Uint8Array> {
  if (size > MAX_ATTACHMENT_BYTES) throw new Error(`attachment of ${size} bytes`);
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok || !response.body) throw new Error(`attachment download failed: HTTP ${response.status}`);
  // The size Discord reported is a claim: the body is read only up to the limit, whatever comes.
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_ATTACHMENT_BYTES) {
      await reader.cancel();
      throw new Error(`attachment larger than its reported ${size} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Answers one interaction, straight from the gateway's JSON: the router's response goes back as
 * the interaction's callback through discord.js's REST client, as raw API JSON (no conversion to
 * discord.js's reply options and back). A slow handler is deferred first, then its answer edits
 * the deferred reply.
 */
async function answer(client: Client, router: Router, raw: APIInteraction, log: Logger): Promise<void> {
  const request = requestFromApi(raw, download, Date.now());
  if (!request) return;
  const callback = (body: unknown, files?: ApiFile[]) =>
    client.rest.post(Routes.interactionCallback(raw.id, raw.token), {
      body,
      auth: false,
      ...(files ? { files } : {}),
    });
  const component = raw.type === InteractionType.MessageComponent;
  if (request.type === "autocomplete") {
    const response = await router.handle(request);
    if (response.type === "choices") await callback(callbackOf(response, false).body);
    return;
  }
  const work = router.handle(request);
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferring = callback({
      type: component
        ? InteractionResponseType.DeferredMessageUpdate
        : InteractionResponseType.DeferredChannelMessageWithSource,
    }).catch((err: unknown) => log.warn({ err }, "defer failed"));
  }, DEFER_AFTER_MS);
  const response = await work.finally(() => clearTimeout(timer));
  if (response.type === "choices") return;
  if (!deferring) {
    const { body, files } = callbackOf(response, component);
    await callback(body, files);
    return;
  }
  await deferring;
  const webhook = Routes.webhook(raw.application_id, raw.token);
  const original = Routes.webhookMessage(raw.application_id, raw.token, "@original");
  if (response.type === "modal") {
    // A form can only be the first answer; a deferred one cannot open it any more.
    await client.rest
      .post(webhook, { body: { content: "…", flags: MessageFlags.Ephemeral }, auth: false })
      .catch(() => undefined);
    return;
  }
  const message = { ...messageRequest(response.payload), auth: false };
  const followUp = () => client.rest.post(webhook, message);
  if (component && response.type !== "update") {
    // A deferred press left its message as it was; an answer of its own (a private "locked in",
    // a copy of a card) is a new message, never a change to the one everybody sees.
    await followUp();
    return;
  }
  if (isEphemeral(response.payload) && !component) {
    // The deferred reply is public; a private answer replaces it with an ephemeral follow-up.
    await client.rest.delete(original, { auth: false }).catch(() => undefined);
    await followUp();
    return;
  }
  await client.rest.patch(original, message);
}

/**
 * What discord.js keeps in memory. Every interaction carries its user and member, and discord.js
 * would otherwise cache each one it sees for as long as the bot runs: on a busy server that grows
 * without bound. Nothing here reads users, members or messages from the cache (the bot's own user
 * and member stay); guilds, channels and roles, which the Guilds intent keeps current, are kept.
 */
const LEAN_CACHES = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  MessageManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  ThreadMemberManager: 0,
});

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

/** The shards this process runs, of how many: under the ShardingManager its own, alone all (one). */
function ownShards(client: Client): { ids: number[]; count: number } {
  const ids = Array.isArray(client.options.shards) ? client.options.shards : [0];
  return { ids, count: client.options.shardCount ?? 1 };
}

/** With HTTP_PORT: what the bot tells the operator's endpoints, and who serves the teacher's page. */
export interface BotObservers {
  ops: LocalOps;
  metrics: BotMetrics;
  /** The database and dataset, once open, for the page (when this process serves it). */
  pageData?: (sql: Sql, dataset: Dataset) => void;
}

/** Rounds running in the servers of this process's shards (and, on shard 0, DMs). */
async function runningRounds(sql: Sql, shards: { ids: number[]; count: number }): Promise<number> {
  const rows = await sql.all<{ guild_id: string | null }>(
    "SELECT guild_id FROM rounds WHERE status = 'running'",
  );
  return rows.filter((r) => shards.ids.includes(shardOfGuild(r.guild_id, shards.count))).length;
}

/** Tells the readiness endpoint which of this process's shards are connected, as the gateway says. */
function watchGateway(client: Client, ops: LocalOps): void {
  const { ids } = ownShards(client);
  ops.runs(ids, (id) => client.ws.shards.get(id)?.ping ?? null);
  client.on(Events.ShardReady, (id) => ops.shardUp(id, true));
  client.on(Events.ShardResume, (id) => ops.shardUp(id, true));
  client.on(Events.ShardDisconnect, (_event, id) => ops.shardUp(id, false));
  client.on(Events.ShardReconnecting, (id) => ops.shardUp(id, false));
  client.once(Events.ClientReady, () => ops.allUp(true));
}

/** Connects to Discord (or to DISCORD_API_BASE) and serves interactions until stopped. */
export async function startBot(
  config: Config,
  loadEngine: () => Promise<Engine>,
  log: Logger,
  observers?: BotObservers,
): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set");
  // A first plain request says clearly, within seconds, when Discord is unreachable or refuses the
  // token (discord.js would retry a dead host for a minute).
  const reachable = checkDiscordReachable(config.DISCORD_TOKEN, config.DISCORD_API_BASE).then(
    () => null,
    (err: unknown) => err,
  );
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache: LEAN_CACHES,
    allowedMentions: { parse: [] },
    rest: {
      timeout: config.DISCORD_REST_TIMEOUT_MS,
      ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}),
    },
  });
  // The gateway connects while the dataset and indexes are built and the database opens: its
  // round trips overlap that work. An interaction that arrives before the router is ready waits.
  let router: Router | undefined;
  let routerReady: (router: Router) => void = () => {};
  const routing = new Promise<Router>((resolve) => {
    routerReady = resolve;
  });
  // Answers still being worked on, so that a shutdown finishes them before it disconnects.
  const inFlight = new Set<Promise<void>>();
  const onPacket = (packet: GatewayDispatchPayload) => {
    if (packet.t !== GatewayDispatchEvents.InteractionCreate) return;
    const answering = (
      router ? answer(client, router, packet.d, log) : routing.then((r) => answer(client, r, packet.d, log))
    )
      .catch((err: unknown) => {
        log.error({ err, interaction: packet.d.id }, "could not answer the interaction");
      })
      .finally(() => inFlight.delete(answering));
    inFlight.add(answering);
  };
  client.on(Events.Raw, onPacket);
  client.on(Events.Error, (err) => log.error({ err }, "client error"));
  if (observers) watchGateway(client, observers.ops);
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, "gateway disconnected"),
  );
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  const loggingIn = client.login(config.DISCORD_TOKEN).then(
    () => null,
    (err: unknown) => err,
  );
  let storage: Storage | undefined;
  let trivia: TriviaGame;
  try {
    const engine = await loadEngine();
    storage = await openStorage(config);
    const metrics = observers?.metrics;
    const sql = metrics ? observedSql(storage.sql, () => metrics.databaseError()) : storage.sql;
    trivia = createTrivia(engine.dataset, sql, channelMessenger(client, config), {
      log: log.child({ module: "trivia" }),
      ...(metrics ? { onAnswerCommitted: () => metrics.answerCommitted() } : {}),
    });
    if (observers) {
      const shards = ownShards(client);
      observers.ops.useDatabase(sql, () => runningRounds(sql, shards));
      observers.pageData?.(sql, engine.dataset);
    }
    router = new Router(
      { ...engine, trivia, ...(config.HTTP_PORT ? { progressPageBase: publicBaseUrl(config) } : {}) },
      COMMANDS,
      COMPONENTS,
      log.child({ module: "router" }),
      metrics ? (label, outcome, seconds) => metrics.handled(label, outcome, seconds) : undefined,
    );
    routerReady(router);
    const problem = (await reachable) ?? (await loggingIn);
    if (problem) throw problem;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    await storage?.close().catch(() => undefined);
    throw err;
  }
  const open = storage;
  const game = trivia;
  const connected = await ready;
  log.info({ user: connected.user.tag, guilds: connected.guilds.cache.size }, "connected to Discord");
  // This process's rounds only: those in the servers of its shards (and, on shard 0, DMs).
  const shards = ownShards(client);
  // Picking the rounds up is no one-shot either: if the database fails meanwhile, it is tried again.
  let stopping = false;
  let resumeTimer: NodeJS.Timeout | undefined;
  const resumeRounds = (attempt = 1): void => {
    game
      .resume((round) => shards.ids.includes(shardOfGuild(round.guild_id, shards.count)))
      .then(
        ({ resumed, interrupted }) => {
          if (resumed + interrupted > 0)
            log.info({ resumed, interrupted, shards: shards.ids }, "picked up trivia rounds left running");
        },
        (err: unknown) => {
          if (stopping) return;
          const wait = backoffMs(attempt);
          log.warn({ err, retryInMs: wait }, "could not resume trivia rounds; trying again");
          resumeTimer = setTimeout(() => resumeRounds(attempt + 1), wait);
        },
      );
  };
  resumeRounds();
  // The question of the day: this process posts for its shards' servers (the database decides
  // which process posts a day, should two run the same shard).
  game.daily.canPost = channelCheck(client);
  game.daily.start(shards);
  return {
    client,
    stop: async () => {
      // Take no new interactions, answer the ones already taken (within Discord's own 3 s), then
      // close the gateway and, last, the database those answers write to.
      client.off(Events.Raw, onPacket);
      // Not ready any more, so a load balancer or supervisor stops sending work here.
      observers?.ops.allUp(false);
      stopping = true;
      clearTimeout(resumeTimer);
      game.shutdown();
      const pending = inFlight.size;
      if (pending > 0) {
        log.info({ pending }, "finishing answers in flight");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(inFlight),
          new Promise((resolve) => {
            timer = setTimeout(resolve, 3000);
          }),
        ]);
        clearTimeout(timer);
      }
      await client.destroy();
      await open.close();
      log.info("disconnected from Discord; database closed");
    },
  };
}

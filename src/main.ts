// `npm start`: the bot when DISCORD_TOKEN is set; otherwise the offline console in a terminal.
import { createEngine } from "./app.js";
import { configOrMessage } from "./config.js";
import { createLogger } from "./log.js";

async function main(): Promise<number> {
  const { config, message } = configOrMessage();
  if (!config) {
    console.error(message);
    return 1;
  }
  // Before anything imports resvg: the bot and the offline console both draw pictures.
  keepPictureMemoryLow();
  const log = createLogger({ level: config.LOG_LEVEL });
  const loadEngine = async () => {
    const started = performance.now();
    const engine = await createEngine();
    log.info(
      { ms: +(performance.now() - started).toFixed(1), people: engine.dataset.people.length },
      "dataset loaded",
    );
    return engine;
  };

  if (!config.DISCORD_TOKEN) {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      const { startConsole } = await import("./console/repl.js");
      // `npm start -- --locale ru`: the console answers as for a Discord set to Russian.
      const locale = process.argv
        .slice(2)
        .join(" ")
        .match(/--locale[= ](\S+)/)?.[1];
      await startConsole(await loadEngine(), config.DATABASE_PATH, locale === "ru" ? "ru" : "en");
      return 0;
    }
    console.error(
      "DISCORD_TOKEN is not set, so the bot cannot connect to Discord. Put DISCORD_TOKEN (and DISCORD_CLIENT_ID) " +
        "in .env — see .env.example and the README — or run `npm start` in an interactive terminal for the offline console.",
    );
    return 1;
  }

  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled promise rejection"));
  // A signal during start-up is kept and acted on as soon as the bot is up, so it still disconnects
  // cleanly rather than dying half-connected.
  let signalled: ((signal: string) => void) | undefined;
  const early: string[] = [];
  const onSignal = (signal: string) => (signalled ? signalled(signal) : early.push(signal));
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  // A shard whose supervisor is gone (killed outright) stops too, rather than run on orphaned;
  // heard from the start, since loading and logging in take seconds.
  if (process.env.SHARDING_MANAGER && process.send) process.once("disconnect", () => onSignal("disconnect"));
  // With SHARD_COUNT this process only supervises: each shard is a child process running the bot
  // (discord.js's ShardingManager starts it with SHARDING_MANAGER set).
  const supervising = config.SHARD_COUNT !== undefined && !process.env.SHARDING_MANAGER;
  // HTTP_PORT: the operator's endpoints and the teacher's page, up before the bot connects.
  const serving = config.HTTP_PORT
    ? await (await import("./bot/serve-http.js")).startServing(
        config,
        supervising ? "supervisor" : process.env.SHARDING_MANAGER ? "shard" : "alone",
        loadEngine,
        log,
      )
    : undefined;
  const started = supervising
    ? await (await import("./bot/shards.js")).startShards(config, log, (manager, ids) =>
        serving?.supervisor?.supervise(manager, ids),
      )
    : await (await import("./bot/client.js")).startBot(config, loadEngine, log, serving?.observers);
  await serving?.afterStart();
  const bot = serving ? { stop: () => started.stop().finally(() => serving.close()) } : started;
  await new Promise<void>((resolve) => {
    let stopping = false;
    signalled = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      const force = setTimeout(() => process.exit(1), 4000);
      force.unref();
      bot
        .stop()
        // A shard's channel to its supervisor would keep this process alive: close it last.
        .finally(() => process.connected && process.disconnect())
        .finally(resolve);
    };
    const first = early[0];
    if (first) signalled(first);
  });
  return 0;
}

/**
 * resvg allocates with its own mimalloc, which by default keeps freed pages for a while and commits
 * whole arenas up front: each picture holds ~2.4 MB of pixels, and the bot's memory crept up by
 * ~15 MB over a dozen renders. mimalloc reads these when resvg is loaded, so this runs before the
 * bot's modules are imported; an operator's own settings win.
 */
function keepPictureMemoryLow(): void {
  process.env.MIMALLOC_PURGE_DELAY ??= "0";
  process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= "0";
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Apparat could not start: ${err instanceof Error ? err.message : String(err)}`);
    // Whatever was opened before the failure (a gateway client, a shard's channel to its
    // supervisor, child shards) must not keep a failed start alive.
    process.exit(1);
  },
);

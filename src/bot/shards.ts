// Several shards, with discord.js's own ShardingManager: this process supervises, one child
// process per shard runs the bot (src/bot/client.ts). Used when SHARD_COUNT is set; SHARD_IDS picks
// the shards this host runs when several hosts share one total (and one PostgreSQL).
import { REST, Routes, ShardingManager } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { parseShardIds } from "../interactions/shards.js";
import { projectPath } from "../paths.js";
import { DISCORD_API } from "./reach.js";

/** Discord lets a bucket of shards identify once per 5 s; discord.js's own default wait. */
const IDENTIFY_INTERVAL_MS = 5_500;
/** A shard has this long to stop on SIGTERM before it is killed: the whole tree within 5 s. */
const STOP_GRACE_MS = 3_000;

interface GatewayBot {
  shards: number;
  session_start_limit?: { max_concurrency?: number };
}

/** Discord's recommendation (GET /gateway/bot), asked of the API the bot is configured with. */
async function gatewayBot(config: Config): Promise<GatewayBot> {
  const rest = new REST({ version: "10", api: config.DISCORD_API_BASE ?? DISCORD_API, retries: 1 });
  rest.setToken(config.DISCORD_TOKEN as string);
  try {
    return (await rest.get(Routes.gatewayBot())) as GatewayBot;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

export interface RunningShards {
  manager: ShardingManager;
  stop(): Promise<void>;
}

export async function startShards(
  config: Config,
  log: Logger,
  /** Told the manager and this host's shard ids before the first shard starts (the HTTP endpoints). */
  onSpawning?: (manager: ShardingManager, ids: readonly number[]) => void,
): Promise<RunningShards> {
  const recommended = await gatewayBot(config);
  const total = config.SHARD_COUNT === "auto" ? recommended.shards : Number(config.SHARD_COUNT);
  const ids = config.SHARD_IDS ? parseShardIds(config.SHARD_IDS, total) : [...Array(total).keys()];
  if (ids.length === 0) throw new Error(`SHARD_IDS lists no shard below SHARD_COUNT (${total}).`);
  // Shards in different identify buckets may connect together; otherwise one every 5.5 s.
  const concurrency = recommended.session_start_limit?.max_concurrency ?? 1;
  const delay = concurrency >= total ? 0 : IDENTIFY_INTERVAL_MS;
  const manager = new ShardingManager(projectPath("scripts", "launch.mjs"), {
    token: config.DISCORD_TOKEN as string,
    totalShards: total,
    shardList: ids,
    shardArgs: ["bot"],
    respawn: true,
    mode: "process",
  });
  manager.on("shardCreate", (shard) => {
    log.info({ shard: shard.id, of: total }, "starting shard");
    shard.on("error", (err) => log.error({ err, shard: shard.id }, "shard error"));
    shard.on("death", (child) => {
      const code = "exitCode" in child ? child.exitCode : undefined;
      if (manager.respawn) log.warn({ shard: shard.id, code }, "shard died; respawning");
      else log.info({ shard: shard.id, code }, "shard stopped");
    });
  });
  log.info({ total, here: ids, recommended: recommended.shards }, "sharding");
  onSpawning?.(manager, ids);
  try {
    await manager.spawn({ amount: total, delay, timeout: 60_000 });
  } catch (err) {
    // A shard that never became ready: stop them all rather than supervise a half-started set.
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.process?.kill("SIGKILL");
    throw err;
  }
  log.info({ shards: ids }, "all shards ready");
  return {
    manager,
    stop: async () => {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        }),
      );
      log.info("all shards stopped");
    },
  };
}

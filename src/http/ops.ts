// What the operator's endpoints ask: is every shard this host runs connected and does the database
// answer (readiness), and the metrics. One process answers for itself (LocalOps); a supervisor of
// shards asks each shard the same over IPC (src/bot/shard-ipc.ts) and puts the answers together.
import type { Sql } from "../storage/sql.js";
import type { BotMetrics } from "./metrics.js";

export type Readiness =
  | { ready: true; shards: number[] }
  | { ready: false; reason: string; shard?: number; database?: "unreachable" };

export interface Operations {
  readiness(): Promise<Readiness>;
  /** Prometheus's text exposition format. */
  metrics(): Promise<string>;
}

export interface ShardState {
  id: number;
  connected: boolean;
  pingMs: number | null;
}

/** How long the database has to answer `SELECT 1` before readiness calls it away. */
const DATABASE_PROBE_MS = 2_000;

/** Whether the database answers a trivial statement within the probe's time. */
export async function databaseAnswers(sql: Sql | undefined): Promise<boolean> {
  if (!sql) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      sql.get("SELECT 1 AS one").then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), DATABASE_PROBE_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The first thing that keeps a host from being ready, in the order an operator would look. */
export function readinessOf(shards: readonly ShardState[], databaseOk: boolean): Readiness {
  const down = shards.find((s) => !s.connected);
  if (down) return { ready: false, reason: `shard ${down.id} is not connected to Discord`, shard: down.id };
  if (!databaseOk) return { ready: false, reason: "the database does not answer", database: "unreachable" };
  return { ready: true, shards: shards.map((s) => s.id) };
}

/**
 * One bot process's own state: its shards (one, or those the ShardingManager gave it), told by the
 * gateway's events, and its database once opened. Before the client connects, nothing is ready.
 */
export class LocalOps implements Operations {
  private readonly connected = new Map<number, boolean>();
  private ping: (id: number) => number | null = () => null;
  private sql: Sql | undefined;
  private rounds: (() => Promise<number>) | undefined;

  constructor(readonly metricsRegistry: BotMetrics) {
    metricsRegistry.watch({
      shards: () => this.shards(),
      runningRounds: async () => {
        try {
          return await this.rounds?.();
        } catch {
          return undefined;
        }
      },
    });
  }

  /** The shards this process runs, all down until the gateway says otherwise. */
  runs(ids: readonly number[], ping: (id: number) => number | null): void {
    this.connected.clear();
    for (const id of ids) this.connected.set(id, false);
    this.ping = ping;
  }

  shardUp(id: number, up: boolean): void {
    if (this.connected.has(id)) this.connected.set(id, up);
  }

  allUp(up: boolean): void {
    for (const id of this.connected.keys()) this.connected.set(id, up);
  }

  useDatabase(sql: Sql, runningRounds: () => Promise<number>): void {
    this.sql = sql;
    this.rounds = runningRounds;
  }

  shards(): ShardState[] {
    return [...this.connected].map(([id, connected]) => {
      const ms = this.ping(id);
      return { id, connected, pingMs: ms !== null && ms >= 0 ? ms : null };
    });
  }

  databaseAnswers(): Promise<boolean> {
    return databaseAnswers(this.sql);
  }

  async readiness(): Promise<Readiness> {
    const shards = this.shards();
    if (shards.length === 0) return { ready: false, reason: "the bot has not started its gateway yet" };
    return readinessOf(shards, await this.databaseAnswers());
  }

  metrics(): Promise<string> {
    return this.metricsRegistry.registry.metrics();
  }
}

// The operator's endpoints for a supervisor of shards: every answer comes from the shards this host
// runs, asked over IPC (src/bot/shard-ipc.ts). A shard not yet started, dead, or silent for the
// probe's time counts as not connected; metrics are the shards' summed.
import type { ShardingManager } from "discord.js";
import { summed } from "../http/metrics.js";
import { type Operations, type Readiness, readinessOf, type ShardState } from "../http/ops.js";
import { askShard } from "./shard-ipc.js";

/** How long a shard has to answer: a little longer than its own database probe. */
const ASK_MS = 2_500;

export class SupervisorOps implements Operations {
  private manager: ShardingManager | undefined;
  private ids: readonly number[] = [];

  /** The manager and this host's shard ids, once known (before the first shard is spawned). */
  supervise(manager: ShardingManager, ids: readonly number[]): void {
    this.manager = manager;
    this.ids = ids;
  }

  async readiness(): Promise<Readiness> {
    const manager = this.manager;
    if (!manager || this.ids.length === 0) return { ready: false, reason: "the shards have not started yet" };
    let database = true;
    const states = await Promise.all(
      this.ids.map(async (id): Promise<ShardState> => {
        const shard = manager.shards.get(id);
        const status = shard ? await askShard(shard, "status", ASK_MS) : undefined;
        if (status && !status.database) database = false;
        const own = status?.shards.find((s) => s.id === id);
        return { id, connected: own?.connected ?? false, pingMs: own?.pingMs ?? null };
      }),
    );
    return readinessOf(states, database);
  }

  async metrics(): Promise<string> {
    const manager = this.manager;
    if (!manager) return "";
    const snapshots = await Promise.all(
      this.ids.map((id) => {
        const shard = manager.shards.get(id);
        return shard ? askShard(shard, "metrics", ASK_MS) : Promise.resolve(undefined);
      }),
    );
    return summed(snapshots.filter((s) => s !== undefined));
  }
}

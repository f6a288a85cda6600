// What a supervisor of shards asks each shard for its HTTP endpoints, over the IPC channel the
// ShardingManager opened: the shard's gateway and database state, and its metrics as JSON. Each
// question carries a number; the shard answers with the same number. discord.js's own messages on
// that channel are left alone (ours are tagged `apparat`).
import type { Shard } from "discord.js";
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import type { BotMetrics } from "../http/metrics.js";
import type { LocalOps, ShardState } from "../http/ops.js";

type Snapshot = MetricObjectWithValues<MetricValue<string>>[];
type Question = { apparat: "ask"; id: number; what: "status" | "metrics" };
export type ShardStatus = { shards: ShardState[]; database: boolean };
type Answer = { apparat: "answer"; id: number; status?: ShardStatus; metrics?: Snapshot };

const isQuestion = (m: unknown): m is Question =>
  typeof m === "object" && m !== null && (m as Question).apparat === "ask";
const isAnswer = (m: unknown): m is Answer =>
  typeof m === "object" && m !== null && (m as Answer).apparat === "answer";

/** In a shard: answers the supervisor's questions; returns how to stop listening. */
export function answerSupervisor(ops: LocalOps, metrics: BotMetrics): () => void {
  const listener = (message: unknown) => {
    if (!isQuestion(message) || !process.send) return;
    const reply = async (): Promise<Answer> =>
      message.what === "metrics"
        ? { apparat: "answer", id: message.id, metrics: await metrics.snapshot() }
        : {
            apparat: "answer",
            id: message.id,
            status: { shards: ops.shards(), database: await ops.databaseAnswers() },
          };
    void reply().then(
      (answer) => process.connected && process.send?.(answer),
      () => undefined,
    );
  };
  process.on("message", listener);
  return () => process.off("message", listener);
}

let nextId = 1;

/** In the supervisor: one shard's answer, or undefined if it has none within `timeoutMs`. */
export function askShard(shard: Shard, what: "status", timeoutMs: number): Promise<ShardStatus | undefined>;
export function askShard(shard: Shard, what: "metrics", timeoutMs: number): Promise<Snapshot | undefined>;
export function askShard(
  shard: Shard,
  what: "status" | "metrics",
  timeoutMs: number,
): Promise<ShardStatus | Snapshot | undefined> {
  const id = nextId++;
  return new Promise((resolve) => {
    const done = (value: ShardStatus | Snapshot | undefined) => {
      clearTimeout(timer);
      shard.off("message", onMessage);
      resolve(value);
    };
    const onMessage = (message: unknown) => {
      if (isAnswer(message) && message.id === id) done(what === "status" ? message.status : message.metrics);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    shard.on("message", onMessage);
    const question: Question = { apparat: "ask", id, what };
    if (!shard.process || shard.process.exitCode !== null) return done(undefined);
    shard.send(question).catch(() => done(undefined));
  });
}

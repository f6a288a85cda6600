// What a bot process counts for Prometheus (prom-client): interactions by command and outcome, how
// long handlers take, each shard's gateway, running rounds, committed answers, database errors,
// and Node's own process metrics. A supervisor of shards asks each for its registry as JSON and
// sums them (AggregatorRegistry.aggregate), so one scrape covers every shard on the host.
import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from "prom-client";

export type Outcome = "ok" | "refused" | "error";

/** What the metrics read when scraped, rather than being told as things happen. */
export interface MetricsProbe {
  /** Each shard this process runs: connected or not, and its last heartbeat's round trip. */
  shards(): { id: number; connected: boolean; pingMs: number | null }[];
  /** Rounds running in this process's servers (undefined when the database cannot say). */
  runningRounds(): Promise<number | undefined>;
}

/** Seconds: from a quick card (~1 ms) to a handler that had to defer (over 2 s). */
const HANDLER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class BotMetrics {
  readonly registry = new Registry();
  private readonly interactions: Counter<"command" | "outcome">;
  private readonly handlerSeconds: Histogram<"command">;
  private readonly answers: Counter;
  private readonly dbErrors: Counter;
  private probe: MetricsProbe | undefined;

  constructor() {
    const registers = [this.registry];
    this.interactions = new Counter({
      name: "apparat_interactions_total",
      help: "Interactions answered, by command (or component prefix) and outcome (ok, refused, error)",
      labelNames: ["command", "outcome"],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: "apparat_handler_seconds",
      help: "Time from an interaction's arrival at the router to its answer, by command",
      labelNames: ["command"],
      buckets: HANDLER_BUCKETS,
      registers,
    });
    this.answers = new Counter({
      name: "apparat_trivia_answers_committed_total",
      help: "Trivia answers counted and committed to the database",
      registers,
    });
    this.dbErrors = new Counter({
      name: "apparat_database_errors_total",
      help: "Database statements that failed",
      registers,
    });
    const self = this;
    new Gauge({
      name: "apparat_gateway_connected",
      help: "1 while the shard's gateway connection is up, 0 otherwise",
      labelNames: ["shard"],
      registers,
      collect() {
        this.reset();
        for (const s of self.probe?.shards() ?? []) this.set({ shard: String(s.id) }, s.connected ? 1 : 0);
      },
    });
    new Gauge({
      name: "apparat_gateway_latency_seconds",
      help: "The shard's last gateway heartbeat round trip",
      labelNames: ["shard"],
      registers,
      collect() {
        this.reset();
        for (const s of self.probe?.shards() ?? [])
          if (s.pingMs !== null && s.pingMs >= 0) this.set({ shard: String(s.id) }, s.pingMs / 1000);
      },
    });
    new Gauge({
      name: "apparat_trivia_rounds_running",
      help: "Trivia rounds running in the servers of this process's shards",
      registers,
      async collect() {
        const n = await self.probe?.runningRounds();
        // While the database is away the last known count stays.
        if (n !== undefined) this.set(n);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  watch(probe: MetricsProbe): void {
    this.probe = probe;
  }

  handled(command: string, outcome: Outcome, seconds: number): void {
    this.interactions.inc({ command, outcome });
    this.handlerSeconds.observe({ command }, seconds);
  }

  answerCommitted(): void {
    this.answers.inc();
  }

  databaseError(): void {
    this.dbErrors.inc();
  }

  /** The registry as JSON, for a supervisor to sum. */
  snapshot(): Promise<MetricObjectWithValues<MetricValue<string>>[]> {
    return this.registry.getMetricsAsJSON();
  }
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** Several processes' registries summed into one exposition (counters, histograms and gauges add up). */
export async function summed(snapshots: MetricObjectWithValues<MetricValue<string>>[][]): Promise<string> {
  return AggregatorRegistry.aggregate(snapshots).metrics();
}

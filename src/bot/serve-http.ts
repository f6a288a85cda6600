// With HTTP_PORT set: the HTTP server for this host, started before the bot connects (so /readyz
// says 503 until it has), in one of three roles. Alone, the bot process serves it and tells it what
// it knows. As a supervisor of shards, this process serves it, asks its shards (IPC) and reads the
// teacher's page from the database itself. As a shard, it serves nothing and answers its supervisor.
import type { Logger } from "pino";
import type { Engine } from "../app.js";
import type { Config } from "../config.js";
import type { Dataset } from "../data/build.js";
import { httpApp, type PageData } from "../http/app.js";
import { BotMetrics } from "../http/metrics.js";
import { LocalOps, type Operations } from "../http/ops.js";
import { startHttp } from "../http/server.js";
import { openStorage } from "../storage/open.js";
import type { Sql, Storage } from "../storage/sql.js";
import { PageStore } from "../trivia/pages.js";
import { ProgressQueries } from "../trivia/progress.js";
import type { BotObservers } from "./client.js";
import { answerSupervisor } from "./shard-ipc.js";
import { SupervisorOps } from "./supervisor-ops.js";

const pageDataOf = (sql: Sql, dataset: Dataset): PageData => ({
  pages: new PageStore(sql),
  progress: new ProgressQueries(sql, dataset),
});

export interface Serving {
  /** For startBot: what the bot tells the endpoints. */
  observers?: BotObservers;
  /** For startShards: where the supervisor learns its shards. */
  supervisor?: SupervisorOps;
  /** Once the bot (or the shards) run: whatever the page needs that the bot does not open itself. */
  afterStart(): Promise<void>;
  close(): Promise<void>;
}

async function serve(config: Config, ops: Operations, page: () => PageData | undefined, log: Logger) {
  return startHttp(
    httpApp({ ops, page, log: log.child({ module: "http" }) }),
    { port: config.HTTP_PORT as number, host: config.HTTP_HOST },
    log,
  );
}

export async function startServing(
  config: Config,
  role: "alone" | "supervisor" | "shard",
  loadEngine: () => Promise<Engine>,
  log: Logger,
): Promise<Serving> {
  if (role === "shard") {
    const metrics = new BotMetrics();
    const ops = new LocalOps(metrics);
    const stop = answerSupervisor(ops, metrics);
    return { observers: { ops, metrics }, afterStart: async () => {}, close: async () => stop() };
  }
  if (role === "alone") {
    const metrics = new BotMetrics();
    const ops = new LocalOps(metrics);
    let page: PageData | undefined;
    const http = await serve(config, ops, () => page, log);
    return {
      observers: {
        ops,
        metrics,
        pageData: (sql, dataset) => {
          page = pageDataOf(sql, dataset);
        },
      },
      afterStart: async () => {},
      close: () => http.close(),
    };
  }
  const supervisor = new SupervisorOps();
  let page: PageData | undefined;
  let storage: Storage | undefined;
  const http = await serve(config, supervisor, () => page, log);
  return {
    supervisor,
    // The shards have migrated the database by now; the supervisor only reads it for the page.
    afterStart: async () => {
      const engine = await loadEngine();
      storage = await openStorage({ ...config, DATABASE_POOL_SIZE: 2 });
      page = pageDataOf(storage.sql, engine.dataset);
    },
    close: async () => {
      await http.close();
      await storage?.close();
    },
  };
}

// The teacher's page under load: a server with 10,000 players who answered questions of all five
// eras (about 105,000 answers), served over a real HTTP port by the same hono app the bot runs,
// with 50 requests in flight: the board at random pages, and players' own pages. On SQLite (a file,
// WAL) and PostgreSQL (a throwaway server on loopback). Then what one /metrics scrape costs.
// The load comes from this same process (fetch), so the figures include the client's own work.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Dataset } from "../src/data/build.js";
import { httpApp } from "../src/http/app.js";
import { playerHandle } from "../src/http/handles.js";
import { BotMetrics } from "../src/http/metrics.js";
import { LocalOps } from "../src/http/ops.js";
import { startHttp } from "../src/http/server.js";
import { createLogger } from "../src/log.js";
import { openPostgres } from "../src/storage/postgres.js";
import type { Storage } from "../src/storage/sql.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { PageStore } from "../src/trivia/pages.js";
import { BOARD_PAGE_SIZE, ProgressQueries } from "../src/trivia/progress.js";
import { startPostgres } from "../tests/support/postgres.js";
import { seedProgress } from "../tests/support/progress-fixture.js";
import { percentile } from "./report.js";
import { mulberry32 } from "./synthetic.js";

const PLAYERS = 10_000;
const IN_FLIGHT = 50;
const REQUESTS = 1_000;
const WARMUP = 200;
/** Targets at 50 in flight (a class opening the link at once): a quarter second at the median, a second at p99. */
const P50_TARGET_MS = 250;
const P99_TARGET_MS = 1_000;

const ms = (v: number) => v.toFixed(1);
const verdict = (v: number, target: number) => (v < target ? "PASS" : "MISS");

/** `paths` fetched with `IN_FLIGHT` at a time; each request's latency in ms, ascending. */
async function load(origin: string, paths: readonly string[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const started = performance.now();
      const res = await fetch(`${origin}${path}`);
      const body = await res.text();
      if (res.status !== 200 || body.length < 1000) throw new Error(`${path}: ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return latencies.sort((a, b) => a - b);
}

async function benchOne(storage: Storage, label: string, ds: Dataset): Promise<string[][]> {
  const scope = "bench-guild";
  const seeding = performance.now();
  const { users } = await seedProgress(storage.sql, ds, { scope, players: PLAYERS, perEra: 4 });
  const seeded = performance.now() - seeding;
  const pages = new PageStore(storage.sql);
  const secret = await pages.enable(scope, "teacher", 1);
  const data = { pages, progress: new ProgressQueries(storage.sql, ds) };
  const app = httpApp({
    ops: new LocalOps(new BotMetrics()),
    page: () => data,
    // One address sends everything here; the limit is not what is measured.
    rateLimit: { burst: 1e9, perMinute: 1e9 },
  });
  const http = await startHttp(app, { port: 0, host: "127.0.0.1" }, createLogger({ level: "silent" }));
  const origin = `http://127.0.0.1:${http.port}`;
  try {
    const rand = mulberry32(0x9a6e);
    const boardPages = Math.ceil(PLAYERS / BOARD_PAGE_SIZE);
    const board = (n: number) =>
      Array.from({ length: n }, () => `/p/${secret}?page=${1 + Math.floor(rand() * boardPages)}`);
    const player = (n: number) =>
      Array.from(
        { length: n },
        () =>
          `/p/${secret}/player/${playerHandle(secret, users[Math.floor(rand() * users.length)] as string)}`,
      );
    await load(origin, [...board(WARMUP), ...player(WARMUP)]);
    const started = performance.now();
    const boardTimes = await load(origin, board(REQUESTS));
    const boardSeconds = (performance.now() - started) / 1000;
    const playerTimes = await load(origin, player(REQUESTS));
    const row = (what: string, times: number[], seconds?: number) => {
      const p50 = percentile(times, 50);
      const p99 = percentile(times, 99);
      return [
        `${label}: ${what}`,
        `${ms(p50)} / ${ms(p99)} ms`,
        seconds ? `${Math.round(times.length / seconds)}/s` : "",
        `< ${P50_TARGET_MS} / ${P99_TARGET_MS} ms`,
        p50 < P50_TARGET_MS && p99 < P99_TARGET_MS
          ? "PASS"
          : `${verdict(p50, P50_TARGET_MS)}/${verdict(p99, P99_TARGET_MS)}`,
      ];
    };
    return [
      [
        `${label}: ${PLAYERS.toLocaleString("en-US")} players seeded`,
        `${(seeded / 1000).toFixed(1)} s`,
        "",
        "",
        "info",
      ],
      row("the board, a random page", boardTimes, boardSeconds),
      row("a player's own page", playerTimes),
    ];
  } finally {
    await http.close();
    await storage.close();
  }
}

/** One /metrics scrape: the registry rendered in-process, and the same over HTTP. */
async function benchScrape(): Promise<string[][]> {
  const metrics = new BotMetrics();
  const ops = new LocalOps(metrics);
  ops.runs([0], () => 40);
  ops.allUp(true);
  // A bot that has answered a while: every command with each outcome, latencies in every bucket.
  const commands = ["who", "office", "when", "timeline", "sources", "trivia", "leaderboard", "study", "help"];
  for (let i = 0; i < 20_000; i++)
    metrics.handled(
      commands[i % commands.length] as string,
      i % 17 === 0 ? "refused" : "ok",
      (i % 100) / 1000,
    );
  const rendered: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    bytes = (await metrics.registry.metrics()).length;
    rendered.push(performance.now() - started);
  }
  const app = httpApp({ ops, page: () => undefined });
  const http = await startHttp(app, { port: 0, host: "127.0.0.1" }, createLogger({ level: "silent" }));
  const overHttp: number[] = [];
  try {
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await (await fetch(`http://127.0.0.1:${http.port}/metrics`)).text();
      overHttp.push(performance.now() - started);
    }
  } finally {
    await http.close();
  }
  rendered.sort((a, b) => a - b);
  overHttp.sort((a, b) => a - b);
  return [
    [
      `/metrics: the registry rendered (${(bytes / 1024).toFixed(1)} KiB)`,
      `${ms(percentile(rendered, 50) * 1000)} µs p50`,
      `${ms(percentile(rendered, 99) * 1000)} µs p99`,
      "< 5 ms",
      verdict(percentile(rendered, 50), 5),
    ],
    [
      "/metrics: one scrape over HTTP",
      `${ms(percentile(overHttp, 50))} ms p50`,
      `${ms(percentile(overHttp, 99))} ms p99`,
      "< 10 ms",
      verdict(percentile(overHttp, 50), 10),
    ],
  ];
}

export async function benchPage(ds: Dataset): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "apparat-bench-page-"));
  // Latency at 50 in flight is mostly waiting for the CPU: what else ran says how to read it.
  const rows: string[][] = [
    ["load average (1 min) before the run", loadavg()[0]?.toFixed(2) ?? "", "", "", "info"],
  ];
  try {
    rows.push(...(await benchOne(openSqlite(join(dir, "page.sqlite")), "SQLite", ds)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgres();
  try {
    const url = await server.createDatabase("bench_page");
    rows.push(...(await benchOne(await openPostgres(url, { poolSize: 10 }), "PostgreSQL", ds)));
  } finally {
    await server.stop();
  }
  rows.push(...(await benchScrape()));
  return rows;
}

// The question of the day's tick: what it costs a process to check for due schedules, with 10,000
// servers' schedules in the database, on SQLite (a file, WAL) and PostgreSQL (a throwaway server,
// loopback). A tick reads the range of the index on next_due up to now (what is due) and the first
// entry after it (when to wake next), never every schedule: its cost should not grow with them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPostgres } from "../src/storage/postgres.js";
import type { Storage } from "../src/storage/sql.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { DailyStore } from "../src/trivia/daily-store.js";
import { startPostgres } from "../tests/support/postgres.js";
import { percentile } from "./report.js";

const SCHEDULES = 10_000;
const TICKS = 2_000;
/** A tick (two indexed reads) must stay well under this: cheap next to a round's work. */
const TARGET_MS = 2;

export async function benchDaily(): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "apparat-bench-daily-"));
  const rows = await benchTicks(openSqlite(join(dir, "daily.sqlite")), "SQLite");
  rmSync(dir, { recursive: true, force: true });
  const server = await startPostgres();
  try {
    rows.push(...(await benchTicks(await openPostgres(await server.createDatabase("daily")), "PostgreSQL")));
  } finally {
    await server.stop();
  }
  return rows;
}

async function benchTicks(storage: Storage, label: string): Promise<string[][]> {
  const store = new DailyStore(storage.sql);
  const start = Date.UTC(2026, 11, 7);
  // 10,000 servers, their questions due at times spread over a day (one every 8.64 s).
  await storage.sql.transaction(async (tx) => {
    const inTx = new DailyStore(tx);
    for (let i = 0; i < SCHEDULES; i++)
      await inTx.save({
        guild_id: String((BigInt(i) << 22n) + 4_194_303n),
        channel_id: String(800_000_000_000_000_000n + BigInt(i)),
        post_time: "09:00",
        reveal_time: null,
        time_zone: "Europe/Berlin",
        difficulty: null,
        category: null,
        set_id: null,
        locale: "en-US",
        set_by: "1",
        updated_at: start,
        next_day: "2026-12-07",
        next_due: start + Math.floor((i * 86_400_000) / SCHEDULES),
      });
  });
  // A tick every 5 s of the day as the scheduler makes it: what is due, then when to wake next.
  // What it finds is moved on to the next day, as a claim does (not timed: that is the post's
  // work, not the check's).
  const tick = async (samples: number[], now: number, shards?: { ids: number[]; count: number }) => {
    const began = performance.now();
    const found = await store.due(now, shards);
    await store.earliest(shards);
    samples.push(performance.now() - began);
    for (const row of found)
      await store.advance(row, { day: "2026-12-08", due: (row.next_due ?? now) + 86_400_000 });
    return found.length;
  };
  const warm: number[] = [];
  for (let t = 0; t < 200; t++) await tick(warm, start + t * 5_000);
  const samples: number[] = [];
  let found = 0;
  for (let t = 200; t < TICKS + 200; t++) found += await tick(samples, start + t * 5_000);
  // The same with two shards: each process reads only its own servers (both tick, shard 1's timed).
  const sharded: number[] = [];
  const other: number[] = [];
  for (let t = TICKS + 200; t < TICKS + 1200; t++) {
    await tick(other, start + t * 5_000, { ids: [0], count: 2 });
    await tick(sharded, start + t * 5_000, { ids: [1], count: 2 });
  }
  await storage.close();
  samples.sort((a, b) => a - b);
  sharded.sort((a, b) => a - b);
  const ms = (x: number) => x.toFixed(3);
  const p50 = percentile(samples, 50);
  return [
    [
      `${label}: a tick with ${SCHEDULES.toLocaleString("en")} schedules (due, then next), ms p50`,
      ms(p50),
      `≤ ${TARGET_MS}`,
      p50 <= TARGET_MS ? "PASS" : "MISS",
    ],
    [
      `${label}: the same, ms p99`,
      ms(percentile(samples, 99)),
      "info",
      `${found} due in ${TICKS.toLocaleString("en")} ticks`,
    ],
    [`${label}: a tick for shard 1 of 2, ms p50`, ms(percentile(sharded, 50)), "info", ""],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchDaily()) console.log(row.join("  |  "));
}

// Trivia storage throughput: answers committed per second, as the bot commits them, on SQLite (a
// real file in WAL mode, synchronous=FULL: every commit waits for the disk; the answers that arrive
// together share one commit) and on PostgreSQL (a throwaway server with its default, durable
// settings, over a loopback connection; one statement per answer).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPostgres } from "../src/storage/postgres.js";
import type { Storage } from "../src/storage/sql.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { type AskedRow, TriviaStore } from "../src/trivia/store.js";
import { startPostgres } from "../tests/support/postgres.js";

/** Both databases, one after the other: the rows for each. */
export async function benchStorage(answers = 20_000): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "apparat-bench-"));
  // Answers arrive from many users at once: 16 in flight, as on PostgreSQL below. One at a time
  // (each its own commit, so its own sync of the log) is shown beside it for what a commit costs.
  const rows = await benchTrivia(openSqlite(join(dir, "bench.sqlite")), "SQLite", 5_000, answers, 16);
  const single = await benchTrivia(openSqlite(join(dir, "single.sqlite")), "SQLite", 0, answers / 4);
  rows.push([`${single[0]?.[0]} [info]`, single[0]?.[1] ?? "", "info", ""]);
  rmSync(dir, { recursive: true, force: true });
  const server = await startPostgres({ durable: true });
  try {
    const url = await server.createDatabase("bench");
    // Answers arrive from many users at once: 16 in flight over a pool of 16 connections.
    rows.push(
      ...(await benchTrivia(await openPostgres(url, { poolSize: 16 }), "PostgreSQL", 2_000, answers, 16)),
    );
  } finally {
    await server.stop();
  }
  return rows;
}

export async function benchTrivia(
  storage: Storage,
  label: string,
  target: number,
  answers = 20_000,
  concurrency = 1,
): Promise<string[][]> {
  const store = new TriviaStore(storage.sql);
  const now = Date.now();
  const round = await store.createRound({
    guild_id: "g",
    channel_id: "c",
    starter_id: "u",
    difficulty: null,
    seconds: 3600,
    locale: "en-US",
    total: 20,
    seed: 1,
    started_at: now,
  });
  if (!round) throw new Error("could not create a round");
  const questions: (AskedRow | undefined)[] = [];
  for (let i = 0; i < 20; i++)
    questions.push(await store.openQuestion(round.id, `q${i}`, i, now, now + 3_600_000));
  const perQuestion = Math.ceil(answers / questions.length);
  const answer = async (i: number, userOf: (i: number) => string) => {
    const asked = questions[Math.floor(i / perQuestion)] ?? questions[0];
    return store.recordAnswer({
      askedId: asked?.id ?? 0,
      userId: userOf(i),
      guildId: "g",
      choice: i % 4,
      correct: i % 4 === 0,
      points: 12,
      now,
    });
  };
  /** Runs `count` answers, `concurrency` at a time; how many came back with `status`, and the seconds. */
  const run = async (count: number, status: string, userOf: (i: number) => string) => {
    let next = 0;
    let matched = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < count; i = next++)
          if ((await answer(i, userOf)).status === status) matched++;
      }),
    );
    return { matched, seconds: (performance.now() - started) / 1000 };
  };
  const fresh = await run(answers, "counted", (i) => `user${i % perQuestion}`);
  const dups = await run(5_000, "duplicate", (i) => `user${i % 100}`);
  await storage.close();
  const rate = fresh.matched / fresh.seconds;
  return [
    [
      `${label}: answers committed / s (${
        concurrency > 1
          ? `${concurrency} at once${storage.sql.dialect === "sqlite" ? ", committed together as they arrive" : ", one statement each"}`
          : "one at a time, one commit each"
      })`,
      rate.toFixed(0),
      `≥ ${target}`,
      rate >= target ? "PASS" : "MISS",
    ],
    [
      `${label}: duplicate clicks rejected / s`,
      (dups.matched / dups.seconds).toFixed(0),
      "info",
      dups.matched === 5000 ? "all rejected" : `only ${dups.matched}`,
    ],
    [
      `${label}: answers counted`,
      String(fresh.matched),
      String(answers),
      fresh.matched === answers ? "PASS" : "MISS",
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchStorage()) console.log(row.join("  |  "));
}

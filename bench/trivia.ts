// Trivia storage throughput: answers committed per second on SQLite (each in its own transaction,
// as the bot commits them), on a real file in WAL mode.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/storage/db.js";
import { TriviaStore } from "../src/trivia/store.js";

export function benchTrivia(answers = 20_000): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "apparat-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const store = new TriviaStore(db);
  const now = Date.now();
  const round = store.createRound({
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
  const questions = Array.from({ length: 20 }, (_, i) =>
    store.openQuestion(round.id, `q${i}`, i, now, now + 3_600_000),
  );
  const perQuestion = Math.ceil(answers / questions.length);

  const started = performance.now();
  let counted = 0;
  for (let i = 0; i < answers; i++) {
    const asked = questions[Math.floor(i / perQuestion)] ?? questions[0];
    if (!asked) break;
    const r = store.recordAnswer({
      askedId: asked.id,
      userId: `user${i % perQuestion}`,
      guildId: "g",
      choice: i % 4,
      correct: i % 4 === 0,
      points: 12,
      now,
    });
    if (r.status === "counted") counted++;
  }
  const seconds = (performance.now() - started) / 1000;

  const dupStart = performance.now();
  const first = questions[0];
  let duplicates = 0;
  for (let i = 0; i < 5_000 && first; i++) {
    if (
      store.recordAnswer({
        askedId: first.id,
        userId: `user${i % 100}`,
        guildId: "g",
        choice: 0,
        correct: true,
        points: 12,
        now,
      }).status === "duplicate"
    )
      duplicates++;
  }
  const dupSeconds = (performance.now() - dupStart) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const rate = counted / seconds;
  return [
    [
      "answers committed / s (WAL, one transaction each)",
      rate.toFixed(0),
      "≥ 5000",
      rate >= 5000 ? "PASS" : "MISS",
    ],
    [
      "duplicate clicks rejected / s",
      (duplicates / dupSeconds).toFixed(0),
      "info",
      duplicates === 5000 ? "all rejected" : `only ${duplicates}`,
    ],
    ["answers counted", String(counted), String(answers), counted === answers ? "PASS" : "MISS"],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of benchTrivia()) console.log(row.join("  |  "));
}

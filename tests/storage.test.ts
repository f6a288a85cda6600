// One storage suite, run on SQLite and on a real PostgreSQL over a real connection: migrations,
// and the exactly-once guarantees every store relies on, whichever database is behind it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../src/log-sink.js";
import { QuestionSetStore } from "../src/question-sets/store.js";
import { POSTGRES_MIGRATIONS } from "../src/storage/migrations-postgres.js";
import { SQLITE_MIGRATIONS } from "../src/storage/migrations-sqlite.js";
import { openPostgres } from "../src/storage/postgres.js";
import { DatabaseOpenError } from "../src/storage/sql.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { ReportStore } from "../src/trivia/reports.js";
import { SettingsStore } from "../src/trivia/settings.js";
import { TriviaStore } from "../src/trivia/store.js";
import {
  freshDatabases,
  freshLocation,
  freshSqlitePath,
  KINDS,
  type Kind,
  openAt,
  postgresAvailable,
} from "./support/databases.js";

const LATEST = SQLITE_MIGRATIONS.length;
const T0 = 1_800_000_000_000;

const freshDatabase = freshDatabases();
async function fresh(kind: Kind, label: string, options: { target?: number } = {}) {
  const made = await freshDatabase(kind, label, options);
  return { ...made, store: new TriviaStore(made.sql) };
}

const newRound = (channel: string, guild: string | null = "900000000000000001") => ({
  guild_id: guild,
  channel_id: channel,
  starter_id: "1",
  difficulty: null,
  seconds: 20,
  total: 3,
  seed: 7,
  started_at: T0,
  locale: "en-US",
});

it("both databases have the same number of migrations", () => {
  expect(POSTGRES_MIGRATIONS.length).toBe(SQLITE_MIGRATIONS.length);
});

for (const kind of KINDS) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`storage on ${kind}`, () => {
    it("migrates an empty database to the latest version, and again is a no-op", async () => {
      const { where, storage } = await fresh(kind, "empty");
      expect(storage.version).toBe(LATEST);
      await storage.close();
      const again = await openAt(kind, where);
      freshDatabase.keep(again);
      expect(again.version).toBe(LATEST);
    });

    // From before durable rounds (5), whose migration marks closed questions as revealed; every
    // later migration runs too. (tests/exports.test.ts migrates from the version before the last.)
    it("migrates from version 4, keeping scores and closed questions", async () => {
      const { where, storage, sql } = await fresh(kind, "previous", { target: 4 });
      expect(storage.version).toBe(4);
      await sql.run(
        "INSERT INTO scores (guild_id, user_id, points, answered, correct) VALUES ('g', 'u', 30, 3, 3)",
      );
      await sql.run(
        `INSERT INTO rounds (guild_id, channel_id, starter_id, seconds, total, seed, started_at, status)
         VALUES ('g', 'c', 'u', 20, 1, 1, ${T0}, 'finished')`,
      );
      const round = await sql.get<{ id: number }>("SELECT id FROM rounds");
      await sql.run(
        `INSERT INTO asked (round_id, question_id, position, opened_at, closes_at, closed_at) VALUES (?, 'q', 0, ?, ?, ?)`,
        [round?.id ?? 0, T0, T0 + 20_000, T0 + 20_000],
      );
      await storage.close();
      const upgraded = await openAt(kind, where);
      freshDatabase.keep(upgraded);
      expect(upgraded.version).toBe(LATEST);
      expect(await upgraded.sql.get("SELECT points FROM scores WHERE user_id = 'u'")).toEqual({ points: 30 });
      // An old closed question counts as revealed: nobody reveals it again.
      expect(await upgraded.sql.get("SELECT revealed_at FROM asked")).toEqual({ revealed_at: T0 + 20_000 });
    });

    it("allows one running round per channel", async () => {
      const { store } = await fresh(kind, "rounds");
      const first = await store.createRound(newRound("c1"));
      expect(first?.id).toBeGreaterThan(0);
      expect(await store.createRound(newRound("c1"))).toBeUndefined();
      expect(await store.createRound(newRound("c2"))).toBeDefined();
      expect(await store.endRound(first?.id ?? 0, "finished", T0)).toBe(true);
      expect(await store.endRound(first?.id ?? 0, "finished", T0)).toBe(false);
      expect(await store.createRound(newRound("c1"))).toBeDefined();
    });

    it("counts 200 simultaneous clicks from 50 users exactly 50 times", async () => {
      const { store } = await fresh(kind, "clicks");
      const round = await store.createRound(newRound("c"));
      const asked = await store.openQuestion(round?.id ?? 0, "q", 0, T0, T0 + 20_000);
      const outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          store.recordAnswer({
            askedId: asked?.id ?? 0,
            userId: `u${i % 50}`,
            guildId: "g",
            choice: i % 4,
            correct: i % 50 < 10,
            points: 12,
            now: T0 + 1000,
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "counted")).toHaveLength(50);
      expect(outcomes.filter((o) => o.status === "duplicate")).toHaveLength(150);
      expect(await store.answers(asked?.id ?? 0)).toHaveLength(50);
      const board = await store.leaderboard("g", 100);
      expect(board.reduce((n, r) => n + r.answered, 0)).toBe(50);
      expect(board[0]).toMatchObject({ points: 12, correct: 1, streak: 1, best_streak: 1 });
      expect(await store.score("g", "u49")).toMatchObject({ points: 0, rank: 11 });
      expect(await store.leaderboard("global", 3)).toHaveLength(3);
    });

    it("reveals a question once, however many claim it at the same moment", async () => {
      const { store } = await fresh(kind, "claims");
      const round = await store.createRound(newRound("c"));
      const asked = await store.openQuestion(round?.id ?? 0, "q", 0, T0, T0 + 20_000);
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => store.claimReveal(asked?.id ?? 0, T0 + 20_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      // A claimed question takes no more answers.
      expect(
        await store.recordAnswer({
          askedId: asked?.id ?? 0,
          userId: "late",
          guildId: "g",
          choice: 0,
          correct: true,
          points: 10,
          now: T0 + 5000,
        }),
      ).toEqual({ status: "closed" });
      // The next question opens once, too.
      const opens = await Promise.all(
        Array.from({ length: 5 }, () => store.openQuestion(round?.id ?? 0, "q2", 1, T0, T0 + 20_000)),
      );
      expect(opens.filter((o) => o !== undefined)).toHaveLength(1);
      expect(await store.claimHint(opens.find(Boolean)?.id ?? 0, T0)).toBe(true);
      expect(await store.claimHint(opens.find(Boolean)?.id ?? 0, T0)).toBe(false);
      // Once the round has ended (stopped meanwhile), no question opens in it any more.
      await store.endRound(round?.id ?? 0, "stopped", T0);
      expect(await store.openQuestion(round?.id ?? 0, "q3", 2, T0, T0 + 20_000)).toBeUndefined();
    });

    it("counts no answer after its question's reveal was claimed, even one racing it", async () => {
      const { store } = await fresh(kind, "race");
      const round = await store.createRound(newRound("c"));
      const asked = await store.openQuestion(round?.id ?? 0, "q", 0, T0, T0 + 20_000);
      const id = asked?.id ?? 0;
      const click = (i: number) =>
        store.recordAnswer({
          askedId: id,
          userId: `u${i}`,
          guildId: "g",
          choice: 0,
          correct: true,
          points: 10,
          now: T0 + 1,
        });
      let revealed: unknown[] = [];
      await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => click(i)),
        (async () => {
          if (await store.claimReveal(id, T0 + 2)) revealed = await store.answers(id);
        })(),
        ...Array.from({ length: 30 }, (_, i) => click(30 + i)),
      ]);
      // What the reveal showed is everything that was ever counted.
      expect(await store.answers(id)).toEqual(revealed);
    });

    it("keeps study boxes, settings, reports and question sets", async () => {
      const { sql, store } = await fresh(kind, "services");
      expect(await store.recordStudy("u", "q1", true, T0)).toMatchObject({ box: 1 });
      expect(await store.recordStudy("u", "q1", true, T0)).toMatchObject({ box: 2 });
      expect(await store.recordStudy("u", "q1", false, T0)).toMatchObject({ box: 1 });
      expect([...(await store.studySummary("u"))]).toEqual([[1, 1]]);

      const settings = new SettingsStore(sql);
      await settings.update("g", { seconds: 30, allowChannel: "c1" });
      expect(await settings.update("g", { explanations: false, allowChannel: "c2" })).toMatchObject({
        seconds: 30,
        explanations: false,
        channels: ["c1", "c2"],
      });

      const reports = new ReportStore(sql, silentLogger);
      const report = await reports.add({
        scope: "g",
        questionId: "q1",
        userId: "u",
        text: " wrong ",
        now: T0,
      });
      expect(report).toMatchObject({ text: "wrong", status: "open" });
      expect(await reports.countOpen("g")).toBe(1);
      expect(await reports.resolve("g", report.id, "hide")).toMatchObject({ status: "hidden" });
      expect(await reports.resolve("g", report.id, "hide")).toBeUndefined();
      expect([...(await reports.hidden("g"))]).toEqual(["q1"]);

      const sets = new QuestionSetStore(sql);
      const q = { question: "Q?", correct: "A", wrong: ["B", "C"] };
      const saved = await sets.save("g", "Week 1", [q, q], "u", T0);
      expect(saved).toMatchObject({ ok: true, replaced: false, set: { name: "Week 1", count: 2 } });
      const replaced = await sets.save("g", "week 1", [q], "u", T0);
      expect(replaced).toMatchObject({ ok: true, replaced: true, set: { count: 1 } });
      expect(await sets.list("g")).toHaveLength(1);
      const id = replaced.ok ? replaced.set.id : 0;
      await store.createRound({ ...newRound("c9"), set_id: id });
      expect(await sets.delete("g", "WEEK 1")).toEqual({ ok: false, reason: "in-use" });
      expect(await sets.question(id, 0)).toMatchObject({ question: "Q?", wrong: ["B", "C"] });
    });

    it("rolls a failed transaction back whole", async () => {
      const { sql } = await fresh(kind, "rollback");
      await expect(
        sql.transaction(async (tx) => {
          await tx.run("INSERT INTO scores (guild_id, user_id, points) VALUES ('g', 'x', 5)");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await sql.get("SELECT * FROM scores WHERE user_id = 'x'")).toBeUndefined();
    });
  });
}

describe("SQLite files", () => {
  it("are opened in WAL mode, syncing the log at every commit", async () => {
    const path = freshSqlitePath();
    const storage = openSqlite(path);
    // The bot's own connection syncs the log at each commit (2 = FULL): an acknowledged answer is
    // on disk, not only in the operating system's cache (WAL's default, NORMAL, would be 1).
    expect(await storage.sql.get("PRAGMA synchronous")).toEqual({ synchronous: 2 });
    await storage.close();
    const raw = new Database(path);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(LATEST);
    raw.close();
  });

  it("refuses a corrupt file with a clear message", () => {
    const path = freshSqlitePath();
    writeFileSync(path, "this is not a database at all, just text ".repeat(200));
    expect(() => openSqlite(path)).toThrowError(DatabaseOpenError);
    expect(() => openSqlite(path)).toThrowError(/Cannot open the database .*test\.sqlite.*DATABASE_PATH/);
  });

  it("refuses an unwritable location with a clear message", () => {
    const file = freshSqlitePath();
    writeFileSync(file, "");
    expect(() => openSqlite(join(file, "sub", "x.sqlite"))).toThrowError(/DATABASE_PATH/);
  });
});

describe.skipIf(!postgresAvailable())("PostgreSQL connections", () => {
  it("refuses an unreachable server with a message that hides the password", async () => {
    const error = await openPostgres("postgres://apparat:s3cret@127.0.0.1:1/none").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/Cannot open the PostgreSQL database .*DATABASE_URL/);
    expect((error as Error).message).not.toMatch(/s3cret/);
  });
});

describe("npm run db:migrate", () => {
  const migrate = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["scripts/launch.mjs", "migrate"], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      encoding: "utf8",
    });

  it("brings a SQLite file from the previous version to the latest", async () => {
    const path = freshSqlitePath();
    await openSqlite(path, { target: LATEST - 1 }).close();
    const run = migrate({ DATABASE_PATH: path });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`schema version ${LATEST}, up to date`);
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(LATEST);
    raw.close();
  });

  it.skipIf(!postgresAvailable())(
    "creates the schema in an empty PostgreSQL database, naming it without the password",
    async () => {
      const url = (await freshLocation("postgres", "migrate")).replace("apparat@", "apparat:pw-not-shown@");
      const run = migrate({ DATABASE_URL: url });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`schema version ${LATEST}, up to date`);
      expect(run.stdout).not.toContain("pw-not-shown");
    },
  );
});

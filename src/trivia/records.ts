// What a teacher exports: each player's answers in a scope, counted overall and per category, with
// the name they went by when they last answered (the bot has no members intent to look it up).
import type { Dataset } from "../data/build.js";
import type { Lang } from "../i18n/index.js";
import { csvLine, verbatim } from "../question-sets/csv.js";
import { parseSetQuestionId } from "../question-sets/questions.js";
import type { Sql } from "../storage/sql.js";
import { type BoardView, countedAnswers, runningRoundsCount } from "./boards.js";
import { ERAS, eraOf } from "./categories.js";
import { questionById, questionText } from "./questions.js";

/**
 * The header's words, in the reader's language (the text tables' `scoresColumns` and
 * `studyColumns`): the engine lays the table out, the language tables name its columns.
 */
export interface ScoreColumns {
  user: string;
  name: string;
  answered: string;
  correct: string;
  accuracy: string;
  points: string;
  categoryAnswered(p: { category: string }): string;
  categoryCorrect(p: { category: string }): string;
  dailyStreak: string;
  dailyBestStreak: string;
}

/** The columns per category: the five eras of the built-in questions, and the server's own sets. */
const CATEGORY_COLUMNS = [...ERAS.map((e) => e.id), "own-sets"] as const;

export class PlayerRecords {
  constructor(
    private readonly db: Sql,
    private readonly ds: Dataset,
  ) {}

  async rememberName(scope: string, userId: string, name: string, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO player_names (scope, user_id, name, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, user_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
      // Kept as given: it is shown only in the teacher's CSV, whose writer neutralises it.
      [scope, userId, name.slice(0, 100), now],
    );
  }

  /**
   * Every player's record in `scope` ("global": everywhere) as CSV, best first: the answers the
   * leaderboard counts in that view (since the scope's last reset, or one term's; see boards.ts).
   */
  async scoresCsv(
    scope: string,
    columns: ScoreColumns,
    view: BoardView = {},
  ): Promise<{ csv: string; players: number }> {
    // Everywhere: every scope's answers no reset has closed, in rounds that count (or still run).
    const picked =
      scope === "global"
        ? {
            from: "answers a JOIN asked q ON q.id = a.asked_id JOIN rounds r ON r.id = q.round_id",
            where: "a.reset_id IS NULL AND (r.counted = 1 OR r.counted IS NULL)",
            params: [],
          }
        : countedAnswers(scope, view, await runningRoundsCount(this.db, scope));
    const rows = await this.db.all<{ user_id: string; correct: number; points: number; question_id: string }>(
      `SELECT a.user_id, a.correct, a.points, q.question_id FROM ${picked.from} WHERE ${picked.where}`,
      picked.params,
    );
    const params = scope === "global" ? [] : [scope];
    const named = await this.db.all<{ user_id: string; name: string }>(
      `SELECT user_id, name FROM player_names ${scope === "global" ? "" : "WHERE scope = ?"} ORDER BY updated_at`,
      params,
    );
    const names = new Map(named.map((r) => [r.user_id, r.name]));
    // Streaks of days with the question of the day (everywhere: each player's longest).
    const streakRows = await this.db.all<{ user_id: string; current: number; best: number }>(
      `SELECT user_id, MAX(current) AS current, MAX(best) AS best FROM daily_streaks
       ${scope === "global" ? "" : "WHERE guild_id = ?"} GROUP BY user_id`,
      params,
    );
    const streaks = new Map(streakRows.map((r) => [r.user_id, r]));
    const eraCache = new Map<string, string>();
    const categoryOf = (questionId: string): string => {
      if (parseSetQuestionId(questionId)) return "own-sets";
      let era = eraCache.get(questionId);
      if (era === undefined) {
        const q = questionById(this.ds, questionId);
        era = (q && eraOf(this.ds, q)) ?? "";
        eraCache.set(questionId, era);
      }
      return era;
    };
    const players = new Map<
      string,
      { answered: number; correct: number; points: number; per: Map<string, [number, number]> }
    >();
    for (const r of rows) {
      const p = players.get(r.user_id) ?? { answered: 0, correct: 0, points: 0, per: new Map() };
      p.answered++;
      p.correct += r.correct;
      p.points += r.points;
      const c = categoryOf(r.question_id);
      const [answered, correct] = p.per.get(c) ?? [0, 0];
      p.per.set(c, [answered + 1, correct + r.correct]);
      players.set(r.user_id, p);
    }
    const header = [
      columns.user,
      columns.name,
      columns.answered,
      columns.correct,
      columns.accuracy,
      columns.points,
      ...CATEGORY_COLUMNS.flatMap((category) => [
        columns.categoryAnswered({ category }),
        columns.categoryCorrect({ category }),
      ]),
      columns.dailyStreak,
      columns.dailyBestStreak,
    ];
    const lines = [...players]
      .sort((a, b) => b[1].points - a[1].points || a[0].localeCompare(b[0]))
      .map(([user, p]) =>
        // The display name is the players' own text; everything else the bot made.
        csvLine([
          verbatim(user),
          names.get(user) ?? "",
          p.answered,
          p.correct,
          verbatim(p.answered ? (p.correct / p.answered).toFixed(2) : "0.00"),
          p.points,
          ...CATEGORY_COLUMNS.flatMap((c) => p.per.get(c) ?? [0, 0]),
          Number(streaks.get(user)?.current ?? 0),
          Number(streaks.get(user)?.best ?? 0),
        ]),
      );
    return { csv: `${[csvLine(header.map(verbatim)), ...lines].join("\r\n")}\r\n`, players: players.size };
  }

  /**
   * A user's own /study progress as CSV: each question seen (worded in the user's language), its box,
   * when it is due again.
   */
  async studyCsv(
    userId: string,
    columns: readonly string[],
    lang: Lang,
  ): Promise<{ csv: string; questions: number }> {
    const rows = await this.db.all<{
      question_id: string;
      box: number;
      seen: number;
      wrong: number;
      due_at: number;
    }>(
      "SELECT question_id, box, seen, wrong, due_at FROM study WHERE user_id = ? ORDER BY box, question_id",
      [userId],
    );
    const lines = rows.map((r) => {
      const q = questionById(this.ds, r.question_id);
      // The question's text may come from an imported set: text; the rest is the bot's.
      return csvLine([
        verbatim(r.question_id),
        q ? questionText(q, lang).prompt : "",
        r.box,
        r.seen,
        r.wrong,
        verbatim(new Date(r.due_at).toISOString()),
      ]);
    });
    const header = csvLine(columns.map(verbatim));
    return { csv: `${[header, ...lines].join("\r\n")}\r\n`, questions: rows.length };
  }
}

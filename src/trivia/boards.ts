// A scope's leaderboard and a player's stats, read from the answers themselves: all of them since
// the scope's last reset, or one term's. Only rounds that count are read (see counting.ts), so the
// board, /trivia stats and the exports (records.ts, with the same filter) agree on every view.
import type { Sql, SqlValue } from "../storage/sql.js";
import type { ScoreRow } from "./store.js";
import type { TermRow } from "./terms.js";

/** What a board shows: everything since the last reset, or one term (running or ended). */
export interface BoardView {
  term?: TermRow;
}

/**
 * The answers a view counts, as a FROM and WHERE over `answers a`, `asked q`, `rounds r`. A running
 * term counts its answers no reset has closed; an ended one also keeps those a later reset closed
 * (ended terms are kept). A round still running shows its answers at once only where every round
 * counts (min-players 1); elsewhere they show once it has ended with enough players.
 */
export function countedAnswers(
  scope: string,
  view: BoardView,
  runningCounts: boolean,
): { from: string; where: string; params: SqlValue[] } {
  const term = view.term;
  const ended = term?.ended_at ?? null;
  const from = `answers a JOIN asked q ON q.id = a.asked_id JOIN rounds r ON r.id = q.round_id${
    ended !== null ? " LEFT JOIN score_resets x ON x.id = a.reset_id" : ""
  }`;
  const conditions = [
    "a.guild_id = ?",
    runningCounts ? "(r.counted = 1 OR r.counted IS NULL)" : "r.counted = 1",
  ];
  const params: SqlValue[] = [scope];
  if (term) {
    conditions.push("a.answered_at >= ?");
    params.push(term.started_at);
  }
  if (ended !== null) {
    conditions.push("a.answered_at < ?", "(a.reset_id IS NULL OR x.reset_at >= ?)");
    params.push(ended, ended);
  } else conditions.push("a.reset_id IS NULL");
  return { from, where: conditions.join(" AND "), params };
}

/** The board's order, one place for every reading of it: points, then right answers, then id. */
const BOARD_ORDER = "points DESC, correct DESC, user_id";

/** Whether a scope's running rounds show on its board before they end (min-players 1). */
export async function runningRoundsCount(db: Sql, scope: string): Promise<boolean> {
  const row = await db.get<{ min_players: number }>(
    "SELECT min_players FROM trivia_settings WHERE scope = ?",
    [scope],
  );
  return (row?.min_players ?? 1) <= 1;
}

/**
 * Every player's totals in a view (or only `userId`'s), best first, with their streaks of right
 * answers in it (the current one, and the longest): a run is the right answers after a player's
 * n-th wrong one. Window functions and grouping only, no joins of the steps: one pass over the
 * answers on either database, whatever the planner guesses of them.
 */
export async function board(
  db: Sql,
  scope: string,
  view: BoardView,
  limit?: number,
  userId?: string,
): Promise<ScoreRow[]> {
  const picked = countedAnswers(scope, view, await runningRoundsCount(db, scope));
  const where = userId === undefined ? picked.where : `${picked.where} AND a.user_id = ?`;
  const rows = await db.all<ScoreRow>(
    `WITH runs AS (
       SELECT a.user_id, a.correct, a.points,
         SUM(1 - a.correct) OVER (PARTITION BY a.user_id ORDER BY a.answered_at, a.asked_id ROWS UNBOUNDED PRECEDING) AS misses,
         SUM(1 - a.correct) OVER (PARTITION BY a.user_id) AS all_misses
       FROM ${picked.from} WHERE ${where}
     ), per_run AS (
       SELECT user_id, misses, all_misses, SUM(correct) AS run, SUM(points) AS points, COUNT(*) AS answered
       FROM runs GROUP BY user_id, misses, all_misses
     )
     SELECT user_id, SUM(points) AS points, SUM(answered) AS answered, SUM(run) AS correct,
       MAX(CASE WHEN misses = all_misses THEN run ELSE 0 END) AS streak, MAX(run) AS best_streak
     FROM per_run GROUP BY user_id
     ORDER BY ${BOARD_ORDER}${limit === undefined ? "" : " LIMIT ?"}`,
    [...picked.params, ...(userId === undefined ? [] : [userId]), ...(limit === undefined ? [] : [limit])],
  );
  // Sums come back as numbers on SQLite, and through the driver's parsers on PostgreSQL; Number() keeps both honest.
  return rows.map((r) => ({
    guild_id: scope,
    user_id: r.user_id,
    points: Number(r.points),
    answered: Number(r.answered),
    correct: Number(r.correct),
    streak: Number(r.streak),
    best_streak: Number(r.best_streak),
  }));
}

/**
 * Every player's totals in a view in the board's order, without the streaks (the teacher's page
 * shows none, and the window functions cost most of board()'s time): the page reads this once and
 * shows it a page at a time.
 */
export async function totals(
  db: Sql,
  scope: string,
  view: BoardView,
): Promise<{ user_id: string; points: number; answered: number; correct: number }[]> {
  const picked = countedAnswers(scope, view, await runningRoundsCount(db, scope));
  const rows = await db.all<{ user_id: string; points: number; answered: number; correct: number }>(
    `SELECT user_id, points, answered, correct FROM (
       SELECT a.user_id, SUM(a.points) AS points, COUNT(*) AS answered, SUM(a.correct) AS correct
       FROM ${picked.from} WHERE ${picked.where} GROUP BY a.user_id
     ) t ORDER BY ${BOARD_ORDER}`,
    picked.params,
  );
  return rows.map((r) => ({
    user_id: r.user_id,
    points: Number(r.points),
    answered: Number(r.answered),
    correct: Number(r.correct),
  }));
}

/** A player's line in a view, with their rank (1 + how many have more points); undefined before any answer. */
export async function standingOf(
  db: Sql,
  scope: string,
  userId: string,
  view: BoardView,
): Promise<(ScoreRow & { rank: number }) | undefined> {
  const [row] = await board(db, scope, view, undefined, userId);
  if (!row) return undefined;
  const picked = countedAnswers(scope, view, await runningRoundsCount(db, scope));
  const ahead = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (
       SELECT a.user_id FROM ${picked.from} WHERE ${picked.where} GROUP BY a.user_id HAVING SUM(a.points) > ?
     ) ahead`,
    [...picked.params, row.points],
  );
  return { ...row, rank: Number(ahead?.n ?? 0) + 1 };
}

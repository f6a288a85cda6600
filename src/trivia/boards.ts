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

/** Whether a scope's running rounds show on its board before they end (min-players 1). */
export async function runningRoundsCount(db: Sql, scope: string): Promise<boolean> {
  const row = await db.get<{ min_players: number }>(
    "SELECT min_players FROM trivia_settings WHERE scope = ?",
    [scope],
  );
  return (row?.min_players ?? 1) <= 1;
}

/**
 * Every player's totals in a view, best first, with their streaks of right answers in it (the
 * current one, and the longest): a run is the right answers after a player's n-th wrong one.
 */
export async function board(db: Sql, scope: string, view: BoardView, limit?: number): Promise<ScoreRow[]> {
  const { from, where, params } = countedAnswers(scope, view, await runningRoundsCount(db, scope));
  const rows = await db.all<ScoreRow>(
    `WITH picked AS (
       SELECT a.user_id, a.correct, a.points, a.answered_at, a.asked_id FROM ${from} WHERE ${where}
     ), runs AS (
       SELECT user_id, correct,
         SUM(1 - correct) OVER (PARTITION BY user_id ORDER BY answered_at, asked_id ROWS UNBOUNDED PRECEDING) AS misses
       FROM picked
     ), per_run AS (
       SELECT user_id, misses, SUM(correct) AS run FROM runs GROUP BY user_id, misses
     ), totals AS (
       SELECT user_id, SUM(points) AS points, COUNT(*) AS answered, SUM(correct) AS correct,
         SUM(1 - correct) AS misses
       FROM picked GROUP BY user_id
     )
     SELECT t.user_id, t.points, t.answered, t.correct,
       COALESCE((SELECT p.run FROM per_run p WHERE p.user_id = t.user_id AND p.misses = t.misses), 0) AS streak,
       COALESCE((SELECT MAX(p.run) FROM per_run p WHERE p.user_id = t.user_id), 0) AS best_streak
     FROM totals t ORDER BY t.points DESC, t.correct DESC, t.user_id${limit === undefined ? "" : " LIMIT ?"}`,
    [...params, ...(limit === undefined ? [] : [limit])],
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

/** A player's line in a view, with their rank (1 + how many have more points); undefined before any answer. */
export async function standingOf(
  db: Sql,
  scope: string,
  userId: string,
  view: BoardView,
): Promise<(ScoreRow & { rank: number }) | undefined> {
  const rows = await board(db, scope, view);
  const row = rows.find((r) => r.user_id === userId);
  if (!row) return undefined;
  return { ...row, rank: rows.filter((r) => r.points > row.points).length + 1 };
}

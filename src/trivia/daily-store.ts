// The question of the day in the database: each server's schedule (with the next day it owes and
// when that is due), the day's round claimed once, and streaks. Whatever must happen once is
// decided here by the database: a day is claimed by moving the schedule on from exactly the day
// and time a process read (compare and set), in the same transaction as the round of that day and
// its question's post, and the unique index on (guild_id, daily_day) holds even against a
// schedule set again on the same day.
import type { Sql } from "../storage/sql.js";
import { recordPost } from "./posts.js";

export interface ScheduleRow {
  guild_id: string;
  channel_id: string;
  post_time: string;
  reveal_time: string | null;
  time_zone: string;
  difficulty: string | null;
  category: string | null;
  set_id: number | null;
  locale: string;
  set_by: string;
  updated_at: number;
  /** The next local day the schedule owes a question, and when that is due; null when paused. */
  next_day: string | null;
  next_due: number | null;
  /** Why the schedule stopped posting ("cannot-post": the channel refused the bot), and when. */
  paused: string | null;
  paused_at: number | null;
}

export type NewSchedule = Omit<ScheduleRow, "paused" | "paused_at">;

/** Which shards' servers a process looks after: `(guild_id >> 22) % count` in `ids`. */
export interface ShardFilter {
  ids: readonly number[];
  count: number;
}

/** A day's round as the claim creates it. */
export interface DayRound {
  channelId: string;
  starterId: string;
  difficulty: string | null;
  setId: number | null;
  category: string | null;
  questionId: string;
  seed: number;
  locale: string;
  /** When the question went out (now), when it was due, and when answers close (the reveal). */
  openedAt: number;
  dueAt: number;
  closesAt: number;
}

/** One day as /daily show tells it: when it went out, and how its question's post went. */
export interface DayRecord {
  daily_day: string;
  started_at: number;
  daily_due: number;
  status: string;
  outcome: string | null;
}

/** In the claim of a day's reveal: who got it right keep their streak going; everyone else's ends. */
export async function recordStreaks(tx: Sql, guildId: string, day: string, askedId: number): Promise<void> {
  // A streak still running (current > 0) means the player was right on the last day revealed: the
  // reveal of each day sets everyone else's to 0 below. A day never posted (the bot was down past
  // its window) has no reveal, so it breaks nobody's streak: nobody could answer it.
  await tx.run(
    `INSERT INTO daily_streaks (guild_id, user_id, current, best, last_day)
     SELECT ?, user_id, 1, 1, ? FROM answers WHERE asked_id = ? AND correct = 1
     ON CONFLICT (guild_id, user_id) DO UPDATE SET
       current = daily_streaks.current + 1,
       best = CASE WHEN daily_streaks.current + 1 > daily_streaks.best THEN daily_streaks.current + 1
                   ELSE daily_streaks.best END,
       last_day = excluded.last_day`,
    [guildId, day, askedId],
  );
  await tx.run("UPDATE daily_streaks SET current = 0 WHERE guild_id = ? AND last_day <> ? AND current > 0", [
    guildId,
    day,
  ]);
}

export class DailyStore {
  constructor(readonly db: Sql) {}

  /** Sets (or replaces) a server's schedule; it starts posting again if it was paused. */
  async save(s: NewSchedule): Promise<void> {
    await this.db.run(
      `INSERT INTO daily_schedules (guild_id, channel_id, post_time, reveal_time, time_zone, difficulty, category,
         set_id, locale, set_by, updated_at, next_day, next_due, paused, paused_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
       ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, post_time = excluded.post_time,
         reveal_time = excluded.reveal_time, time_zone = excluded.time_zone, difficulty = excluded.difficulty,
         category = excluded.category, set_id = excluded.set_id, locale = excluded.locale, set_by = excluded.set_by,
         updated_at = excluded.updated_at, next_day = excluded.next_day, next_due = excluded.next_due,
         paused = NULL, paused_at = NULL`,
      [
        s.guild_id,
        s.channel_id,
        s.post_time,
        s.reveal_time,
        s.time_zone,
        s.difficulty,
        s.category,
        s.set_id,
        s.locale,
        s.set_by,
        s.updated_at,
        s.next_day,
        s.next_due,
      ],
    );
  }

  get(guildId: string): Promise<ScheduleRow | undefined> {
    return this.db.get<ScheduleRow>("SELECT * FROM daily_schedules WHERE guild_id = ?", [guildId]);
  }

  async remove(guildId: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM daily_schedules WHERE guild_id = ?", [guildId])).changes > 0;
  }

  /** The SQL (and its parameters) that keeps only the servers of `shards`. */
  private shardClause(shards: ShardFilter | undefined): { sql: string; params: number[] } {
    if (!shards || shards.count <= 1) return { sql: "", params: [] };
    const id = this.db.dialect === "postgres" ? "guild_id::bigint" : "CAST(guild_id AS INTEGER)";
    return {
      sql: ` AND ((${id} >> 22) % ?) IN (${shards.ids.map(() => "?").join(", ")})`,
      params: [shards.count, ...shards.ids],
    };
  }

  /**
   * The schedules due at `now`, earliest first: a range of the index on next_due, so a tick costs
   * what is due, not how many schedules there are.
   */
  due(now: number, shards?: ShardFilter, limit = 100): Promise<ScheduleRow[]> {
    const own = this.shardClause(shards);
    return this.db.all<ScheduleRow>(
      `SELECT * FROM daily_schedules WHERE next_due IS NOT NULL AND next_due <= ?${own.sql} ORDER BY next_due LIMIT ?`,
      [now, ...own.params, limit],
    );
  }

  /** When the next schedule of these shards falls due (the first entry of the index); undefined: none. */
  async earliest(shards?: ShardFilter): Promise<number | undefined> {
    const own = this.shardClause(shards);
    const row = await this.db.get<{ next_due: number }>(
      `SELECT next_due FROM daily_schedules WHERE next_due IS NOT NULL${own.sql} ORDER BY next_due LIMIT 1`,
      own.params,
    );
    return row?.next_due;
  }

  /** Moves a schedule on without posting (days skipped, or the day not due yet); false if another did first. */
  async advance(
    seen: Pick<ScheduleRow, "guild_id" | "next_day" | "next_due">,
    next: { day: string; due: number },
  ): Promise<boolean> {
    const moved = await this.db.run(
      "UPDATE daily_schedules SET next_day = ?, next_due = ? WHERE guild_id = ? AND next_day = ? AND next_due = ?",
      [next.day, next.due, seen.guild_id, seen.next_day, seen.next_due],
    );
    return moved.changes > 0;
  }

  /**
   * Claims `day` for the schedule as it was read (`seen`) and moves it on to `next`, creating the
   * day's round with its question open and its post recorded, all in one transaction. The round's
   * id for the one process that claims it; undefined for every other (or when the day already had
   * its question).
   */
  claimDay(
    seen: Pick<ScheduleRow, "guild_id" | "next_day" | "next_due">,
    day: string,
    round: DayRound,
    next: { day: string; due: number },
  ): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      const moved = await tx.run(
        "UPDATE daily_schedules SET next_day = ?, next_due = ? WHERE guild_id = ? AND next_day = ? AND next_due = ?",
        [next.day, next.due, seen.guild_id, seen.next_day, seen.next_due],
      );
      if (moved.changes === 0) return undefined;
      const created = await tx.get<{ id: number }>(
        `INSERT INTO rounds (guild_id, channel_id, starter_id, difficulty, seconds, total, seed, started_at, locale,
           set_id, category, questions, hints, daily_day, daily_due)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        [
          seen.guild_id,
          round.channelId,
          round.starterId,
          round.difficulty,
          Math.max(1, Math.round((round.closesAt - round.openedAt) / 1000)),
          round.seed,
          round.openedAt,
          round.locale,
          round.setId,
          round.category,
          JSON.stringify([round.questionId]),
          day,
          round.dueAt,
        ],
      );
      if (!created) return undefined;
      const id = Number(created.id);
      await tx.run(
        "INSERT INTO asked (round_id, question_id, position, opened_at, closes_at) VALUES (?, ?, 0, ?, ?)",
        [id, round.questionId, round.openedAt, round.closesAt],
      );
      await recordPost(tx, id, "question", 0, round.openedAt);
      return id;
    });
  }

  /** Stops a schedule from posting (its channel refused the bot) until it is set again. */
  async pause(guildId: string, channelId: string, reason: string, now: number): Promise<void> {
    await this.db.run(
      "UPDATE daily_schedules SET next_due = NULL, paused = ?, paused_at = ? WHERE guild_id = ? AND channel_id = ?",
      [reason, now, guildId, channelId],
    );
  }

  /** How many times each question has been the day's question in a channel. */
  async askedIn(channelId: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ question_id: string; n: number }>(
      `SELECT q.question_id, COUNT(*) AS n FROM asked q JOIN rounds r ON r.id = q.round_id
       WHERE r.channel_id = ? AND r.daily_day IS NOT NULL GROUP BY q.question_id`,
      [channelId],
    );
    return new Map(rows.map((r) => [r.question_id, Number(r.n)]));
  }

  /** The server's last days, newest first, with how their question's post went. */
  lastDays(guildId: string, limit = 1): Promise<DayRecord[]> {
    return this.db.all<DayRecord>(
      `SELECT r.daily_day, r.started_at, r.daily_due, r.status, p.outcome FROM rounds r
       LEFT JOIN round_posts p ON p.round_id = r.id AND p.kind = 'question'
       WHERE r.guild_id = ? AND r.daily_day IS NOT NULL ORDER BY r.daily_day DESC LIMIT ?`,
      [guildId, limit],
    );
  }

  /** A player's streak of days here: current and best (zeros before any). */
  async streak(guildId: string, userId: string): Promise<{ current: number; best: number }> {
    const row = await this.db.get<{ current: number; best: number }>(
      "SELECT current, best FROM daily_streaks WHERE guild_id = ? AND user_id = ?",
      [guildId, userId],
    );
    return { current: row?.current ?? 0, best: row?.best ?? 0 };
  }

  /** The current streaks of these players (for a reveal: "🔥 7"). */
  async streaksOf(guildId: string, userIds: readonly string[]): Promise<Record<string, number>> {
    if (userIds.length === 0) return {};
    const rows = await this.db.all<{ user_id: string; current: number }>(
      `SELECT user_id, current FROM daily_streaks WHERE guild_id = ? AND user_id IN (${userIds.map(() => "?").join(", ")})`,
      [guildId, ...userIds],
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, r.current]));
  }

  /** Every player's streaks in a scope, for the exports. */
  async streaks(guildId: string): Promise<Map<string, { current: number; best: number }>> {
    const rows = await this.db.all<{ user_id: string; current: number; best: number }>(
      "SELECT user_id, current, best FROM daily_streaks WHERE guild_id = ?",
      [guildId],
    );
    return new Map(rows.map((r) => [r.user_id, { current: r.current, best: r.best }]));
  }
}

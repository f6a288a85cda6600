import type { Sql } from "../storage/sql.js";
import { type BoardView, board, standingOf } from "./boards.js";
import { decideCount } from "./counting.js";
import { recordStreaks } from "./daily-store.js";
import { type PostKind, recordPost } from "./posts.js";
import type { AnswerOutcome, AskedRow, NewAnswer, NewRound, RoundRow, ScoreRow } from "./rows.js";

export type { AnswerOutcome, AskedRow, NewAnswer, NewRound, RoundRow, ScoreRow } from "./rows.js";

/** Leitner boxes: a right answer moves a question up a box and further into the future. */
export const BOX_INTERVALS_MS = [0, 60_000, 10 * 60_000, 60 * 60_000, 24 * 60 * 60_000, 7 * 24 * 60 * 60_000];
export const MAX_BOX = BOX_INTERVALS_MS.length - 1;

/** How one answer adds to a player's score row (both databases; `excluded` is the new answer). */
const ADD_TO_SCORE = `ON CONFLICT (guild_id, user_id) DO UPDATE SET
    points = scores.points + excluded.points,
    answered = scores.answered + 1,
    correct = scores.correct + excluded.correct,
    streak = CASE WHEN excluded.correct = 1 THEN scores.streak + 1 ELSE 0 END,
    best_streak = CASE
      WHEN excluded.correct = 1 AND scores.streak + 1 > scores.best_streak THEN scores.streak + 1
      ELSE scores.best_streak END`;

const UPSERT_SCORE = `
  INSERT INTO scores (guild_id, user_id, points, answered, correct, streak, best_streak)
  VALUES (?, ?, ?, 1, ?, ?, ?)
  ${ADD_TO_SCORE}`;

/** One answer inside a transaction (SQLite): checked open, inserted once, added to the score. */
async function recordOne(tx: Sql, a: NewAnswer): Promise<AnswerOutcome> {
  const asked = await tx.get<AskedRow>("SELECT * FROM asked WHERE id = ?", [a.askedId]);
  if (!asked) return { status: "unknown" };
  if (asked.closed_at !== null || a.now > asked.closes_at) return { status: "closed" };
  const points = a.correct ? a.points : 0;
  const correct = a.correct ? 1 : 0;
  const inserted = await tx.run(
    `INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [a.askedId, a.userId, a.guildId, a.choice, correct, points, a.now],
  );
  if (inserted.changes === 0) return { status: "duplicate" };
  await tx.run(UPSERT_SCORE, [a.guildId, a.userId, points, correct, correct, correct]);
  return { status: "counted", correct: a.correct, points };
}

/**
 * Every read and write of trivia state, each write in one transaction, on SQLite or PostgreSQL
 * alike. What must happen once (an answer counted, a reveal made, a question opened) is decided by
 * the database (a primary key, a unique index, `… WHERE revealed_at IS NULL`), never by memory, so
 * it holds however many processes share the database.
 */
export class TriviaStore {
  constructor(readonly db: Sql) {}

  /** The channel's round started by a command (a question of the day takes answers beside it). */
  runningRound(channelId: string): Promise<RoundRow | undefined> {
    return this.db.get<RoundRow>(
      "SELECT * FROM rounds WHERE channel_id = ? AND status = 'running' AND daily_day IS NULL",
      [channelId],
    );
  }

  runningRounds(): Promise<RoundRow[]> {
    return this.db.all<RoundRow>("SELECT * FROM rounds WHERE status = 'running' ORDER BY id");
  }

  round(id: number): Promise<RoundRow | undefined> {
    return this.db.get<RoundRow>("SELECT * FROM rounds WHERE id = ?", [id]);
  }

  /** Creates a round; null when the channel already has one running (the unique index decides). */
  createRound(r: NewRound): Promise<RoundRow | undefined> {
    return this.db.get<RoundRow>(
      `INSERT INTO rounds (guild_id, channel_id, starter_id, difficulty, seconds, total, seed, started_at, locale, set_id, category, questions, hints, follow_up)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
      [
        r.guild_id,
        r.channel_id,
        r.starter_id,
        r.difficulty,
        r.seconds,
        r.total,
        r.seed,
        r.started_at,
        r.locale,
        r.set_id ?? null,
        r.category ?? null,
        r.questions ?? null,
        r.hints ? 1 : 0,
        r.follow_up ?? null,
      ],
    );
  }

  /**
   * Ends a running round (its open question closed); false if it had already ended. The round's
   * row is changed first: on PostgreSQL that waits for a question being opened in it right now
   * (see openQuestion), which is then closed here too. `post` records, in the same transaction,
   * what the channel is to be told (the standings, or a word that the round was closed); the
   * round keeps its webhook until that is delivered. Whether the round counts is decided here too,
   * once its questions are closed (so that no answer comes in after the players are counted).
   */
  endRound(
    id: number,
    status: "finished" | "stopped" | "interrupted",
    now: number,
    post?: Extract<PostKind, "standings" | "interrupted">,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const ended = await tx.get<{ total: number; guild_id: string | null; channel_id: string }>(
        "UPDATE rounds SET status = ?, ended_at = ? WHERE id = ? AND status = 'running' RETURNING total, guild_id, channel_id",
        [status, now, id],
      );
      await tx.run(
        "UPDATE asked SET closed_at = ?, revealed_at = COALESCE(revealed_at, ?) WHERE round_id = ? AND closed_at IS NULL",
        [now, now, id],
      );
      if (ended) await decideCount(tx, { id, guild_id: ended.guild_id, channel_id: ended.channel_id });
      if (ended && post) await recordPost(tx, id, post, ended.total, now);
      return ended !== undefined;
    });
  }

  /** A round through an interaction's webhook lets it go once it has nothing left to post. */
  async forgetFollowUp(id: number): Promise<void> {
    await this.db.run("UPDATE rounds SET follow_up = NULL WHERE id = ? AND status <> 'running'", [id]);
  }

  /**
   * Opens the question at `position`; undefined when another process already opened it, or when
   * the round is no longer running (stopped while its last question was being revealed). With
   * `post`, the question is recorded as a post to deliver (the first one is the reply to
   * /trivia start instead).
   */
  openQuestion(
    roundId: number,
    questionId: string,
    position: number,
    now: number,
    closesAt: number,
    post = false,
  ): Promise<AskedRow | undefined> {
    return this.db.transaction(async (tx) => {
      // PostgreSQL: hold the round while the question goes in, so that ending it waits for this.
      // (SQLite's transactions take the whole database: nothing else can end it meanwhile.)
      const lock = tx.dialect === "postgres" ? " FOR SHARE" : "";
      const running = await tx.get(`SELECT id FROM rounds WHERE id = ? AND status = 'running'${lock}`, [
        roundId,
      ]);
      if (!running) return undefined;
      const asked = await tx.get<AskedRow>(
        `INSERT INTO asked (round_id, question_id, position, opened_at, closes_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING *`,
        [roundId, questionId, position, now, closesAt],
      );
      if (asked && post) await recordPost(tx, roundId, "question", position, now);
      return asked;
    });
  }

  asked(id: number): Promise<AskedRow | undefined> {
    return this.db.get<AskedRow>("SELECT * FROM asked WHERE id = ?", [id]);
  }

  /** The round's latest question, revealed or not (to resume a round where it stopped). */
  lastQuestion(roundId: number): Promise<AskedRow | undefined> {
    return this.db.get<AskedRow>("SELECT * FROM asked WHERE round_id = ? ORDER BY position DESC LIMIT 1", [
      roundId,
    ]);
  }

  /** The round's question at `position`, if it was opened. */
  askedAt(roundId: number, position: number): Promise<AskedRow | undefined> {
    return this.db.get<AskedRow>("SELECT * FROM asked WHERE round_id = ? AND position = ?", [
      roundId,
      position,
    ]);
  }

  /** The round's question still taking answers, if any. */
  async currentQuestion(roundId: number): Promise<AskedRow | undefined> {
    const last = await this.lastQuestion(roundId);
    return last && last.revealed_at === null ? last : undefined;
  }

  /**
   * Claims a question's reveal: true for exactly one caller, whichever process asks first; it also
   * stops answers. Everyone else gets false and reveals nothing. The reveal is recorded as a post
   * to deliver in the same transaction, so a claim is never spent without it.
   */
  claimReveal(askedId: number, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const claimed = await tx.get<{ round_id: number; position: number }>(
        `UPDATE asked SET revealed_at = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ? AND revealed_at IS NULL
         RETURNING round_id, position`,
        [now, now, askedId],
      );
      if (!claimed) return false;
      await recordPost(tx, claimed.round_id, "reveal", claimed.position, now);
      // A question of the day: its streaks move on with the reveal, once, whoever claims it.
      const daily = await tx.get<{ guild_id: string; daily_day: string | null }>(
        "SELECT guild_id, daily_day FROM rounds WHERE id = ?",
        [claimed.round_id],
      );
      if (daily?.daily_day) await recordStreaks(tx, daily.guild_id, daily.daily_day, askedId);
      return true;
    });
  }

  /** Claims a question's hint, the same way: true once. */
  async claimHint(askedId: number, now: number): Promise<boolean> {
    const claimed = await this.db.run(
      "UPDATE asked SET hinted_at = ? WHERE id = ? AND hinted_at IS NULL AND revealed_at IS NULL",
      [now, askedId],
    );
    return claimed.changes > 0;
  }

  /**
   * Records one answer and its score, committed before anything is announced. The primary key
   * (question, user) makes a second click or a replay count nothing. On SQLite, whose commits each
   * wait for the disk (synchronous=FULL), the answers that arrive together (in one turn of the
   * event loop) are committed in one transaction, and each is acknowledged only after it.
   */
  recordAnswer(a: NewAnswer): Promise<AnswerOutcome> {
    if (this.db.dialect === "postgres") return this.recordAnswerInOneStatement(a);
    return new Promise((resolve, reject) => {
      if (!this.arriving) {
        this.arriving = [];
        setImmediate(() => void this.commitArrived());
      }
      this.arriving.push({ answer: a, resolve, reject });
    });
  }

  /** Answers waiting for the next group commit (SQLite). */
  private arriving:
    | { answer: NewAnswer; resolve: (o: AnswerOutcome) => void; reject: (err: unknown) => void }[]
    | undefined;

  private async commitArrived(): Promise<void> {
    const group = this.arriving ?? [];
    this.arriving = undefined;
    try {
      const outcomes = await this.db.transaction(async (tx) => {
        const decided: AnswerOutcome[] = [];
        for (const { answer } of group) decided.push(await recordOne(tx, answer));
        return decided;
      });
      group.forEach((item, i) => item.resolve(outcomes[i] as AnswerOutcome));
    } catch (err) {
      for (const item of group) item.reject(err);
    }
  }

  /**
   * PostgreSQL: the same answer in one statement, so one round trip to the server instead of five.
   * FOR SHARE makes it wait for a reveal being claimed at that moment and then see the question
   * closed, so no answer is counted after its reveal. Why it was not counted is asked only then.
   */
  private async recordAnswerInOneStatement(a: NewAnswer): Promise<AnswerOutcome> {
    const points = a.correct ? a.points : 0;
    const correct = a.correct ? 1 : 0;
    const counted = await this.db.get(
      `WITH open_question AS (
         SELECT id FROM asked WHERE id = ?::bigint AND closed_at IS NULL AND closes_at >= ?::bigint FOR SHARE
       ), added AS (
         INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at)
         SELECT id, ?::text, ?::text, ?::int, ?::int, ?::int, ?::bigint FROM open_question
         ON CONFLICT DO NOTHING RETURNING guild_id, user_id, correct, points
       )
       INSERT INTO scores (guild_id, user_id, points, answered, correct, streak, best_streak)
       SELECT guild_id, user_id, points, 1, correct, correct, correct FROM added
       ${ADD_TO_SCORE}
       RETURNING 1 AS counted`,
      [a.askedId, a.now, a.userId, a.guildId, a.choice, correct, points, a.now],
    );
    if (counted) return { status: "counted", correct: a.correct, points };
    const asked = await this.asked(a.askedId);
    if (!asked) return { status: "unknown" };
    if (asked.closed_at !== null || a.now > asked.closes_at) return { status: "closed" };
    return { status: "duplicate" };
  }

  answers(askedId: number) {
    return this.db.all<{
      user_id: string;
      choice: number;
      correct: number;
      points: number;
      answered_at: number;
    }>(
      "SELECT user_id, choice, correct, points, answered_at FROM answers WHERE asked_id = ? ORDER BY answered_at, user_id",
      [askedId],
    );
  }

  roundStandings(roundId: number) {
    return this.db.all<{ user_id: string; points: number; correct: number; answered: number }>(
      `SELECT a.user_id, SUM(a.points) AS points, SUM(a.correct) AS correct, COUNT(*) AS answered
       FROM answers a JOIN asked q ON q.id = a.asked_id WHERE q.round_id = ?
       GROUP BY a.user_id ORDER BY points DESC, correct DESC, MIN(a.answered_at), a.user_id LIMIT 25`,
      [roundId],
    );
  }

  /**
   * A scope's board (since its last reset, or one term's: see boards.ts), or ("global") everyone's
   * summed over every scope: read from the database, so it spans shards.
   */
  leaderboard(guildId: string | "global", limit = 10, view: BoardView = {}): Promise<ScoreRow[]> {
    return guildId !== "global"
      ? board(this.db, guildId, view, limit)
      : this.db.all<ScoreRow>(
          `SELECT 'global' AS guild_id, user_id, SUM(points) AS points, SUM(answered) AS answered, SUM(correct) AS correct,
                  MAX(streak) AS streak, MAX(best_streak) AS best_streak
           FROM scores GROUP BY user_id HAVING SUM(answered) > 0 ORDER BY points DESC, correct DESC, user_id LIMIT ?`,
          [limit],
        );
  }

  /** A player's line in a scope's view, with their rank; undefined before any answer counted there. */
  score(
    guildId: string,
    userId: string,
    view: BoardView = {},
  ): Promise<(ScoreRow & { rank: number }) | undefined> {
    return standingOf(this.db, guildId, userId, view);
  }

  /**
   * Resets a server's scores: its leaderboard and stats start again, and so do its exports. The
   * answers given so far are kept (a round's standings still count them) but closed by the reset
   * (score_resets), and the board, stats and exports count only answers no reset has closed (an
   * ended term keeps those a later reset closed: boards.ts), so that everything agrees. The scores
   * table, which only the everywhere-leaderboard still reads, is emptied. Returns how many
   * players' scores were removed.
   */
  async resetGuild(guildId: string, now: number = Date.now()): Promise<number> {
    return this.db.transaction(async (tx) => {
      // PostgreSQL: answers wait while the reset is made, so each one is either closed with its
      // score or counted afresh, never its answer one way and its score the other. (SQLite's
      // transactions take the whole database.) The mode conflicts with itself too: two resets at
      // once take turns instead of deadlocking.
      if (tx.dialect === "postgres") await tx.run("LOCK TABLE answers IN SHARE ROW EXCLUSIVE MODE");
      const reset = await tx.get<{ id: number | string }>(
        "INSERT INTO score_resets (scope, reset_at) VALUES (?, ?) RETURNING id",
        [guildId, now],
      );
      await tx.run("UPDATE answers SET reset_id = ? WHERE guild_id = ? AND reset_id IS NULL", [
        Number(reset?.id),
        guildId,
      ]);
      return (await tx.run("DELETE FROM scores WHERE guild_id = ?", [guildId])).changes;
    });
  }

  /** The question a student should see next: the lowest-box due one, else one not yet seen. */
  async nextStudyQuestion(userId: string, now: number, pool: readonly string[]): Promise<string | undefined> {
    const due = await this.db.get<{ question_id: string }>(
      "SELECT question_id, box FROM study WHERE user_id = ? AND due_at <= ? ORDER BY box, due_at, question_id LIMIT 1",
      [userId, now],
    );
    if (due) return due.question_id;
    const seen = new Set(
      (
        await this.db.all<{ question_id: string }>("SELECT question_id FROM study WHERE user_id = ?", [
          userId,
        ])
      ).map((r) => r.question_id),
    );
    return pool.find((id) => !seen.has(id));
  }

  recordStudy(
    userId: string,
    questionId: string,
    correct: boolean,
    now: number,
  ): Promise<{ box: number; dueAt: number }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ box: number }>(
        "SELECT box FROM study WHERE user_id = ? AND question_id = ?",
        [userId, questionId],
      );
      const box = correct ? Math.min((row?.box ?? 0) + 1, MAX_BOX) : 1;
      // A wrong answer comes back soon, after a few other questions, not at once.
      const dueAt = now + (BOX_INTERVALS_MS[correct ? box : 1] as number);
      const wrong = correct ? 0 : 1;
      await tx.run(
        `INSERT INTO study (user_id, question_id, box, due_at, seen, wrong) VALUES (?, ?, ?, ?, 1, ?)
         ON CONFLICT (user_id, question_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
           seen = study.seen + 1, wrong = study.wrong + excluded.wrong`,
        [userId, questionId, box, dueAt, wrong],
      );
      return { box, dueAt };
    });
  }

  async studySummary(userId: string): Promise<Map<number, number>> {
    const rows = await this.db.all<{ box: number; n: number }>(
      "SELECT box, COUNT(*) AS n FROM study WHERE user_id = ? GROUP BY box",
      [userId],
    );
    return new Map(rows.map((r) => [r.box, r.n]));
  }
}

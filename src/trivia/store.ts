import type { DB } from "../storage/db.js";

export interface RoundRow {
  id: number;
  guild_id: string | null;
  channel_id: string;
  starter_id: string;
  difficulty: string | null;
  seconds: number;
  total: number;
  seed: number;
  started_at: number;
  ended_at: number | null;
  status: "running" | "finished" | "stopped" | "interrupted";
  /** The starter's Discord locale: rounds post their reveals and standings in it. */
  locale: string;
  /** The server's own question set the round draws from, if any. */
  set_id: number | null;
  /** The category it draws from ("era:thaw", "kind:successor", "set:…"), if any. */
  category: string | null;
  /** The ids of its questions in order, as JSON, fixed when it starts. */
  questions: string | null;
  /** 1 when, halfway through each question, one wrong answer is taken away. */
  hints: number;
}

export interface AskedRow {
  id: number;
  round_id: number;
  question_id: string;
  position: number;
  opened_at: number;
  closes_at: number;
  closed_at: number | null;
}

export interface ScoreRow {
  guild_id: string;
  user_id: string;
  points: number;
  answered: number;
  correct: number;
  streak: number;
  best_streak: number;
}

export type AnswerOutcome =
  | { status: "counted"; correct: boolean; points: number }
  | { status: "duplicate" }
  | { status: "closed" }
  | { status: "unknown" };

/** Leitner boxes: a right answer moves a question up a box and further into the future. */
export const BOX_INTERVALS_MS = [0, 60_000, 10 * 60_000, 60 * 60_000, 24 * 60 * 60_000, 7 * 24 * 60 * 60_000];
export const MAX_BOX = BOX_INTERVALS_MS.length - 1;

/** Every read and write of trivia state, each write in one transaction. */
export class TriviaStore {
  private readonly stmts;

  constructor(readonly db: DB) {
    this.stmts = {
      runningInChannel: db.prepare<[string], RoundRow>(
        "SELECT * FROM rounds WHERE channel_id = ? AND status = 'running'",
      ),
      running: db.prepare<[], RoundRow>("SELECT * FROM rounds WHERE status = 'running'"),
      round: db.prepare<[number], RoundRow>("SELECT * FROM rounds WHERE id = ?"),
      insertRound: db.prepare(
        "INSERT INTO rounds (guild_id, channel_id, starter_id, difficulty, seconds, total, seed, started_at, locale, set_id, category, questions, hints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      endRound: db.prepare("UPDATE rounds SET status = ?, ended_at = ? WHERE id = ? AND status = 'running'"),
      insertAsked: db.prepare(
        "INSERT INTO asked (round_id, question_id, position, opened_at, closes_at) VALUES (?, ?, ?, ?, ?)",
      ),
      asked: db.prepare<[number], AskedRow>("SELECT * FROM asked WHERE id = ?"),
      openAsked: db.prepare<[number], AskedRow>(
        "SELECT * FROM asked WHERE round_id = ? AND closed_at IS NULL ORDER BY position DESC LIMIT 1",
      ),
      closeAsked: db.prepare("UPDATE asked SET closed_at = ? WHERE id = ? AND closed_at IS NULL"),
      insertAnswer: db.prepare(
        "INSERT OR IGNORE INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      answersFor: db.prepare<
        [number],
        { user_id: string; choice: number; correct: number; points: number; answered_at: number }
      >(
        "SELECT user_id, choice, correct, points, answered_at FROM answers WHERE asked_id = ? ORDER BY answered_at, user_id",
      ),
      upsertScore: db.prepare(`
        INSERT INTO scores (guild_id, user_id, points, answered, correct, streak, best_streak)
        VALUES (@guild, @user, @points, 1, @correct, @correct, @correct)
        ON CONFLICT (guild_id, user_id) DO UPDATE SET
          points = points + @points,
          answered = answered + 1,
          correct = correct + @correct,
          streak = CASE WHEN @correct = 1 THEN streak + 1 ELSE 0 END,
          best_streak = MAX(best_streak, CASE WHEN @correct = 1 THEN streak + 1 ELSE 0 END)`),
      roundStandings: db.prepare<
        [number],
        { user_id: string; points: number; correct: number; answered: number }
      >(`
        SELECT a.user_id, SUM(a.points) AS points, SUM(a.correct) AS correct, COUNT(*) AS answered
        FROM answers a JOIN asked q ON q.id = a.asked_id WHERE q.round_id = ?
        GROUP BY a.user_id ORDER BY points DESC, correct DESC, MIN(a.answered_at) LIMIT 25`),
      leaderboard: db.prepare<[string, number], ScoreRow>(
        "SELECT * FROM scores WHERE guild_id = ? AND answered > 0 ORDER BY points DESC, correct DESC, user_id LIMIT ?",
      ),
      globalBoard: db.prepare<[number], ScoreRow>(`
        SELECT 'global' AS guild_id, user_id, SUM(points) AS points, SUM(answered) AS answered, SUM(correct) AS correct,
               MAX(streak) AS streak, MAX(best_streak) AS best_streak
        FROM scores GROUP BY user_id HAVING SUM(answered) > 0 ORDER BY points DESC, correct DESC, user_id LIMIT ?`),
      score: db.prepare<[string, string], ScoreRow>(
        "SELECT * FROM scores WHERE guild_id = ? AND user_id = ?",
      ),
      rank: db.prepare<[string, number], { rank: number }>(
        "SELECT COUNT(*) + 1 AS rank FROM scores WHERE guild_id = ? AND points > ?",
      ),
      resetGuild: db.prepare("DELETE FROM scores WHERE guild_id = ?"),
      studyDue: db.prepare<[string, number], { question_id: string; box: number }>(
        "SELECT question_id, box FROM study WHERE user_id = ? AND due_at <= ? ORDER BY box, due_at, question_id LIMIT 1",
      ),
      studySeen: db.prepare<[string], { question_id: string }>(
        "SELECT question_id FROM study WHERE user_id = ?",
      ),
      studyRow: db.prepare<[string, string], { box: number; seen: number; wrong: number }>(
        "SELECT box, seen, wrong FROM study WHERE user_id = ? AND question_id = ?",
      ),
      studyUpsert: db.prepare(`
        INSERT INTO study (user_id, question_id, box, due_at, seen, wrong) VALUES (@user, @question, @box, @due, 1, @wrong)
        ON CONFLICT (user_id, question_id) DO UPDATE SET box = @box, due_at = @due, seen = seen + 1, wrong = wrong + @wrong`),
      studySummary: db.prepare<[string], { box: number; n: number }>(
        "SELECT box, COUNT(*) AS n FROM study WHERE user_id = ? GROUP BY box",
      ),
    };
  }

  runningRound(channelId: string): RoundRow | undefined {
    return this.stmts.runningInChannel.get(channelId);
  }

  runningRounds(): RoundRow[] {
    return this.stmts.running.all();
  }

  round(id: number): RoundRow | undefined {
    return this.stmts.round.get(id);
  }

  /** Creates a round; null when the channel already has one running (the unique index decides). */
  createRound(
    r: Omit<RoundRow, "id" | "ended_at" | "status" | "set_id" | "category" | "questions" | "hints"> & {
      set_id?: number | null;
      category?: string | null;
      questions?: string | null;
      hints?: boolean;
    },
  ): RoundRow | null {
    try {
      const info = this.stmts.insertRound.run(
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
      );
      return this.round(Number(info.lastInsertRowid)) ?? null;
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return null;
      throw err;
    }
  }

  endRound(id: number, status: "finished" | "stopped" | "interrupted", now: number): boolean {
    return this.db.transaction(() => {
      this.stmts.closeAsked.run(now, this.stmts.openAsked.get(id)?.id ?? -1);
      return this.stmts.endRound.run(status, now, id).changes > 0;
    })();
  }

  openQuestion(
    roundId: number,
    questionId: string,
    position: number,
    now: number,
    closesAt: number,
  ): AskedRow {
    const info = this.stmts.insertAsked.run(roundId, questionId, position, now, closesAt);
    return this.stmts.asked.get(Number(info.lastInsertRowid)) as AskedRow;
  }

  asked(id: number): AskedRow | undefined {
    return this.stmts.asked.get(id);
  }

  currentQuestion(roundId: number): AskedRow | undefined {
    return this.stmts.openAsked.get(roundId);
  }

  /** Closes a question; false if it was already closed (so a reveal happens once). */
  closeQuestion(askedId: number, now: number): boolean {
    return this.stmts.closeAsked.run(now, askedId).changes > 0;
  }

  /**
   * Records one answer and its score in a single transaction, before anything is announced.
   * The primary key (question, user) makes a second click or a replay count nothing.
   */
  recordAnswer(a: {
    askedId: number;
    userId: string;
    guildId: string;
    choice: number;
    correct: boolean;
    points: number;
    now: number;
  }): AnswerOutcome {
    return this.db.transaction((): AnswerOutcome => {
      const asked = this.stmts.asked.get(a.askedId);
      if (!asked) return { status: "unknown" };
      if (asked.closed_at !== null || a.now > asked.closes_at) return { status: "closed" };
      const points = a.correct ? a.points : 0;
      const inserted = this.stmts.insertAnswer.run(
        a.askedId,
        a.userId,
        a.guildId,
        a.choice,
        a.correct ? 1 : 0,
        points,
        a.now,
      );
      if (inserted.changes === 0) return { status: "duplicate" };
      this.stmts.upsertScore.run({ guild: a.guildId, user: a.userId, points, correct: a.correct ? 1 : 0 });
      return { status: "counted", correct: a.correct, points };
    })();
  }

  answers(askedId: number) {
    return this.stmts.answersFor.all(askedId);
  }

  roundStandings(roundId: number) {
    return this.stmts.roundStandings.all(roundId);
  }

  leaderboard(guildId: string | "global", limit = 10): ScoreRow[] {
    return guildId === "global"
      ? this.stmts.globalBoard.all(limit)
      : this.stmts.leaderboard.all(guildId, limit);
  }

  score(guildId: string, userId: string): (ScoreRow & { rank: number }) | undefined {
    const row = this.stmts.score.get(guildId, userId);
    if (!row) return undefined;
    return { ...row, rank: (this.stmts.rank.get(guildId, row.points) as { rank: number }).rank };
  }

  resetGuild(guildId: string): number {
    return this.stmts.resetGuild.run(guildId).changes;
  }

  /** The question a student should see next: the lowest-box due one, else one not yet seen. */
  nextStudyQuestion(userId: string, now: number, pool: readonly string[]): string | undefined {
    const due = this.stmts.studyDue.get(userId, now);
    if (due) return due.question_id;
    const seen = new Set(this.stmts.studySeen.all(userId).map((r) => r.question_id));
    return pool.find((id) => !seen.has(id));
  }

  recordStudy(
    userId: string,
    questionId: string,
    correct: boolean,
    now: number,
  ): { box: number; dueAt: number } {
    return this.db.transaction(() => {
      const row = this.stmts.studyRow.get(userId, questionId);
      const box = correct ? Math.min((row?.box ?? 0) + 1, MAX_BOX) : 1;
      // A wrong answer comes back soon, after a few other questions, not at once.
      const dueAt = now + (BOX_INTERVALS_MS[correct ? box : 1] as number);
      this.stmts.studyUpsert.run({
        user: userId,
        question: questionId,
        box,
        due: dueAt,
        wrong: correct ? 0 : 1,
      });
      return { box, dueAt };
    })();
  }

  studySummary(userId: string): Map<number, number> {
    return new Map(this.stmts.studySummary.all(userId).map((r) => [r.box, r.n]));
  }
}

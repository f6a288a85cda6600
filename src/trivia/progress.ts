// What the teacher's page shows of a scope: the leaderboard a page at a time, accuracy per era for
// the group and for one player, and how many question reports wait. Codes and numbers only: the
// page (src/http/) words and draws them.
import type { Dataset } from "../data/build.js";
import { parseSetQuestionId } from "../question-sets/questions.js";
import type { Sql, SqlValue } from "../storage/sql.js";
import { ERAS, type EraId, eraOf } from "./categories.js";
import { questionById } from "./questions.js";

/**
 * Which answers count. Today only the current one: what no reset has closed, as /leaderboard and
 * the exports count. Terms (#21) add their own kinds here; each kind says which answers it takes
 * (`answersWhere`) and whether the scores table already holds its totals.
 */
export type Term = { kind: "current" };
export const CURRENT_TERM: Term = { kind: "current" };

function answersWhere(term: Term): { sql: string; params: SqlValue[] } {
  switch (term.kind) {
    case "current":
      return { sql: "a.reset_id IS NULL", params: [] };
  }
}

export interface BoardRow {
  userId: string;
  name: string | null;
  rank: number;
  points: number;
  answered: number;
  correct: number;
}

export interface EraTally {
  era: EraId;
  answered: number;
  correct: number;
}

export interface PlayerProgress {
  userId: string;
  name: string | null;
  rank: number;
  points: number;
  answered: number;
  correct: number;
  eras: EraTally[];
}

export const BOARD_PAGE_SIZE = 25;
/** How long the group's accuracy per era is kept before it is read again. */
export const GROUP_ERAS_TTL_MS = 10_000;
/** Scopes whose accuracy per era is kept at once (the least recently read go first). */
const GROUP_CACHE_SCOPES = 1_000;

export class ProgressQueries {
  private readonly groupCache = new Map<string, { at: number; value: Promise<EraTally[]> }>();
  /** Each built-in question's era, worked out once per question id (ids are stable). */
  private readonly eraCache = new Map<string, EraId | null>();

  constructor(
    private readonly db: Sql,
    private readonly ds: Dataset,
  ) {}

  private eraOfQuestion(id: string): EraId | null {
    let era = this.eraCache.get(id);
    if (era === undefined) {
      // A server's own questions have categories of their authors', not eras.
      const q = parseSetQuestionId(id) ? undefined : questionById(this.ds, id);
      era = q ? eraOf(this.ds, q) : null;
      this.eraCache.set(id, era);
    }
    return era;
  }

  /** Answers grouped by question, summed into the five eras (in their order, empty ones included). */
  private async eraTallies(scope: string, term: Term, userId?: string): Promise<EraTally[]> {
    const where = answersWhere(term);
    // Counted per asked question from the answers' index alone, then named by question: the
    // answers are many, the questions asked few.
    const counts = await this.db.all<{ asked_id: number; answered: number; correct: number }>(
      `SELECT a.asked_id, COUNT(*) AS answered, SUM(a.correct) AS correct FROM answers a
       WHERE a.guild_id = ? AND ${where.sql}${userId ? " AND a.user_id = ?" : ""}
       GROUP BY a.asked_id`,
      [scope, ...where.params, ...(userId ? [userId] : [])],
    );
    const rows = await this.questionsOf(counts);
    const tallies = new Map<EraId, EraTally>(ERAS.map((e) => [e.id, { era: e.id, answered: 0, correct: 0 }]));
    for (const r of rows) {
      const era = this.eraOfQuestion(r.question_id);
      const t = era && tallies.get(era);
      if (!t) continue;
      t.answered += r.answered;
      t.correct += r.correct;
    }
    return [...tallies.values()];
  }

  /** Each counted asked question's question id, with its counts. */
  private async questionsOf(
    counts: { asked_id: number; answered: number; correct: number }[],
  ): Promise<{ question_id: string; answered: number; correct: number }[]> {
    const out: { question_id: string; answered: number; correct: number }[] = [];
    // A few hundred ids per statement keeps every database's limit on parameters far away.
    for (let i = 0; i < counts.length; i += 500) {
      const part = counts.slice(i, i + 500);
      const ids = await this.db.all<{ id: number; question_id: string }>(
        `SELECT id, question_id FROM asked WHERE id IN (${part.map(() => "?").join(", ")})`,
        part.map((c) => c.asked_id),
      );
      const byId = new Map(ids.map((r) => [Number(r.id), r.question_id]));
      for (const c of part) {
        const question = byId.get(Number(c.asked_id));
        if (question) out.push({ question_id: question, answered: c.answered, correct: c.correct });
      }
    }
    return out;
  }

  /**
   * The group's accuracy per era. It reads every answer of the scope, so it is kept for a few
   * seconds and shared by the requests that come meanwhile (a page reloaded, a class opening the
   * link at once); a failed read is not kept.
   */
  groupEras(scope: string, term: Term = CURRENT_TERM): Promise<EraTally[]> {
    const key = `${term.kind}\u0000${scope}`;
    const now = performance.now();
    const kept = this.groupCache.get(key);
    if (kept && now - kept.at < GROUP_ERAS_TTL_MS) return kept.value;
    const value = this.eraTallies(scope, term);
    this.groupCache.delete(key);
    if (this.groupCache.size >= GROUP_CACHE_SCOPES) {
      const oldest = this.groupCache.keys().next().value;
      if (oldest !== undefined) this.groupCache.delete(oldest);
    }
    this.groupCache.set(key, { at: now, value });
    value.catch(() => {
      if (this.groupCache.get(key)?.value === value) this.groupCache.delete(key);
    });
    return value;
  }

  /** How many players the board has, for paging. */
  async players(scope: string, term: Term = CURRENT_TERM): Promise<number> {
    void term; // the current term's totals are the scores table's
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM scores WHERE guild_id = ? AND answered > 0",
      [scope],
    );
    return row?.n ?? 0;
  }

  /** One page of the board (0-based), best first, ordered as /leaderboard orders it. */
  async board(scope: string, page: number, term: Term = CURRENT_TERM): Promise<BoardRow[]> {
    void term;
    const offset = page * BOARD_PAGE_SIZE;
    const rows = await this.db.all<{
      user_id: string;
      name: string | null;
      points: number;
      answered: number;
      correct: number;
    }>(
      `SELECT s.user_id, n.name, s.points, s.answered, s.correct FROM scores s
       LEFT JOIN player_names n ON n.scope = s.guild_id AND n.user_id = s.user_id
       WHERE s.guild_id = ? AND s.answered > 0
       ORDER BY s.points DESC, s.correct DESC, s.user_id LIMIT ? OFFSET ?`,
      [scope, BOARD_PAGE_SIZE, offset],
    );
    return rows.map((r, i) => ({
      userId: r.user_id,
      name: r.name,
      rank: offset + i + 1,
      points: r.points,
      answered: r.answered,
      correct: r.correct,
    }));
  }

  /** One player's progress here, or undefined when they have not answered in this term. */
  async player(
    scope: string,
    userId: string,
    term: Term = CURRENT_TERM,
  ): Promise<PlayerProgress | undefined> {
    const row = await this.db.get<{ points: number; answered: number; correct: number; name: string | null }>(
      `SELECT s.points, s.answered, s.correct, n.name FROM scores s
       LEFT JOIN player_names n ON n.scope = s.guild_id AND n.user_id = s.user_id
       WHERE s.guild_id = ? AND s.user_id = ? AND s.answered > 0`,
      [scope, userId],
    );
    if (!row) return undefined;
    // The board's own order: ahead are those with more points, or as many and more right answers,
    // or as many of both and a smaller id.
    const ahead = await this.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM scores WHERE guild_id = ? AND answered > 0 AND (points > ?
         OR (points = ? AND correct > ?) OR (points = ? AND correct = ? AND user_id < ?))`,
      [scope, row.points, row.points, row.correct, row.points, row.correct, userId],
    );
    return {
      userId,
      name: row.name,
      rank: (ahead?.n ?? 0) + 1,
      points: row.points,
      answered: row.answered,
      correct: row.correct,
      eras: await this.eraTallies(scope, term, userId),
    };
  }

  /** Question reports this scope's moderators have not dealt with yet. */
  async openReports(scope: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM question_reports WHERE scope = ? AND status = 'open'",
      [scope],
    );
    return row?.n ?? 0;
  }
}

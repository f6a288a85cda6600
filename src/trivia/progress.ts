// What the teacher's page shows of a scope: a term's leaderboard a page at a time (the running
// term by default, as /leaderboard; the ranking is boards.ts's, rounds that don't count left out),
// the earlier terms, accuracy per era for the group and for one player, a player's streak of days
// with the question of the day, and how many question reports wait. Codes and numbers only: the
// page (src/http/) words and draws them.
import type { Dataset } from "../data/build.js";
import { parseSetQuestionId } from "../question-sets/questions.js";
import type { Sql } from "../storage/sql.js";
import { type BoardView, countedAnswers, runningRoundsCount, totals } from "./boards.js";
import { ERAS, type EraId, eraOf } from "./categories.js";
import { DailyStore } from "./daily-store.js";
import { questionById } from "./questions.js";
import { type TermRow, TermStore } from "./terms.js";

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
  /** Days in a row right with the question of the day: now, and the longest (not per term). */
  dailyStreak: { current: number; best: number };
}

/** The view a page shows, and the scope's ended terms (newest first) it links to. */
export interface TermChoice {
  view: BoardView;
  ended: TermRow[];
}

/** A term in a link: its id, digits only. */
const TERM_ID = /^\d{1,15}$/;

/** The key a view is kept under in the group's cache: the term and its end (an end moves it). */
const viewKey = (view: BoardView) => (view.term ? `${view.term.id}:${view.term.ended_at ?? ""}` : "all");

export const BOARD_PAGE_SIZE = 25;
/** How long the group's accuracy per era is kept before it is read again. */
export const GROUP_ERAS_TTL_MS = 10_000;
/** Scopes whose accuracy per era is kept at once (the least recently read go first). */
const GROUP_CACHE_SCOPES = 1_000;
/** Views whose standings are kept at once: each is a row per player, so fewer than the eras. */
const STANDINGS_CACHE_VIEWS = 100;

type Standings = Awaited<ReturnType<typeof totals>>;

/** A value shared for `GROUP_ERAS_TTL_MS` by whoever asks meanwhile; a failed read is not kept. */
function keptFor<T>(
  cache: Map<string, { at: number; value: Promise<T> }>,
  key: string,
  most: number,
  read: () => Promise<T>,
): Promise<T> {
  const now = performance.now();
  const kept = cache.get(key);
  if (kept && now - kept.at < GROUP_ERAS_TTL_MS) return kept.value;
  const value = read();
  cache.delete(key);
  if (cache.size >= most) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, { at: now, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

export class ProgressQueries {
  private readonly groupCache = new Map<string, { at: number; value: Promise<EraTally[]> }>();
  private readonly standingsCache = new Map<string, { at: number; value: Promise<Standings> }>();
  /** Each built-in question's era, worked out once per question id (ids are stable). */
  private readonly eraCache = new Map<string, EraId | null>();
  private readonly terms: TermStore;
  private readonly days: DailyStore;

  constructor(
    private readonly db: Sql,
    private readonly ds: Dataset,
  ) {
    this.terms = new TermStore(db);
    this.days = new DailyStore(db);
  }

  /**
   * The view a link asks for: no term, the running one (else everything since the last reset, as
   * /leaderboard); a term's id, that term of this scope. Undefined for anything else, which the
   * page answers with its plain 404.
   */
  async termView(scope: string, asked: string | undefined): Promise<TermChoice | undefined> {
    const all = await this.terms.list(scope);
    const ended = all.filter((t) => t.ended_at !== null);
    if (asked === undefined) {
      const running = all.find((t) => t.ended_at === null);
      return { view: running ? { term: running } : {}, ended };
    }
    if (!TERM_ID.test(asked)) return undefined;
    const term = all.find((t) => t.id === Number(asked));
    return term ? { view: { term }, ended } : undefined;
  }

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
  private async eraTallies(scope: string, view: BoardView, userId?: string): Promise<EraTally[]> {
    const picked = countedAnswers(scope, view, await runningRoundsCount(this.db, scope));
    // Counted per asked question (the answers the board counts), then named by question: the
    // answers are many, the questions asked few.
    const counts = await this.db.all<{ asked_id: number; answered: number; correct: number }>(
      `SELECT a.asked_id, COUNT(*) AS answered, SUM(a.correct) AS correct FROM ${picked.from}
       WHERE ${picked.where}${userId ? " AND a.user_id = ?" : ""}
       GROUP BY a.asked_id`,
      [...picked.params, ...(userId ? [userId] : [])],
    );
    const rows = await this.questionsOf(counts);
    const tallies = new Map<EraId, EraTally>(ERAS.map((e) => [e.id, { era: e.id, answered: 0, correct: 0 }]));
    for (const r of rows) {
      const era = this.eraOfQuestion(r.question_id);
      const t = era && tallies.get(era);
      if (!t) continue;
      t.answered += Number(r.answered);
      t.correct += Number(r.correct);
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
  groupEras(scope: string, view: BoardView = {}): Promise<EraTally[]> {
    return keptFor(this.groupCache, `${viewKey(view)}\u0000${scope}`, GROUP_CACHE_SCOPES, () =>
      this.eraTallies(scope, view),
    );
  }

  /**
   * Every player's totals in the view, in the board's order (boards.ts). Like the eras, read from
   * every counted answer, so kept for a few seconds: the pages of the board and its players' pages
   * share one reading, and a player's place on their page is the board's.
   */
  private standings(scope: string, view: BoardView): Promise<Standings> {
    return keptFor(this.standingsCache, `${viewKey(view)}\u0000${scope}`, STANDINGS_CACHE_VIEWS, () =>
      totals(this.db, scope, view),
    );
  }

  /** How many players the view's board has, for paging. */
  async players(scope: string, view: BoardView = {}): Promise<number> {
    return (await this.standings(scope, view)).length;
  }

  /** One page of the view's board (0-based), ordered as /leaderboard orders it. */
  async board(scope: string, page: number, view: BoardView = {}): Promise<BoardRow[]> {
    const offset = page * BOARD_PAGE_SIZE;
    const rows = (await this.standings(scope, view)).slice(offset, offset + BOARD_PAGE_SIZE);
    const names = await this.namesOf(
      scope,
      rows.map((r) => r.user_id),
    );
    return rows.map((r, i) => ({
      userId: r.user_id,
      name: names.get(r.user_id) ?? null,
      rank: offset + i + 1,
      points: r.points,
      answered: r.answered,
      correct: r.correct,
    }));
  }

  /** The names these players last answered under here. */
  private async namesOf(scope: string, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.all<{ user_id: string; name: string }>(
      `SELECT user_id, name FROM player_names WHERE scope = ? AND user_id IN (${userIds.map(() => "?").join(", ")})`,
      [scope, ...userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.name]));
  }

  /** One player's progress in the view, or undefined when they have no counted answer in it. */
  async player(scope: string, userId: string, view: BoardView = {}): Promise<PlayerProgress | undefined> {
    const all = await this.standings(scope, view);
    const index = all.findIndex((r) => r.user_id === userId);
    const row = all[index];
    if (!row) return undefined;
    const [names, eras, dailyStreak] = await Promise.all([
      this.namesOf(scope, [userId]),
      this.eraTallies(scope, view, userId),
      this.days.streak(scope, userId),
    ]);
    return {
      userId,
      name: names.get(userId) ?? null,
      rank: index + 1,
      points: row.points,
      answered: row.answered,
      correct: row.correct,
      eras,
      dailyStreak,
    };
  }

  /** Question reports this scope's moderators have not dealt with yet. */
  async openReports(scope: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM question_reports WHERE scope = ? AND status = 'open'",
      [scope],
    );
    return Number(row?.n ?? 0);
  }
}

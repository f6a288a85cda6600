// A server's question sets in SQLite: each import replaces a set of that name whole, in one
// transaction, so a set is never half old and half new; a set a round is using stays as it is.
import type { DB } from "../storage/db.js";
import type { ImportedQuestion, SetDifficulty } from "./parse.js";

export interface SetRow {
  id: number;
  scope: string;
  name: string;
  created_by: string;
  updated_at: number;
  count: number;
}

interface QuestionRow {
  position: number;
  question: string;
  correct: string;
  wrong: string;
  explanation: string | null;
  source: string | null;
  category: string | null;
  difficulty: string | null;
}

/** A server keeps at most this many sets. */
export const MAX_SETS = 50;

export type SaveResult =
  | { ok: true; set: SetRow; replaced: boolean }
  | { ok: false; reason: "in-use" | "too-many-sets" };

function toQuestion(r: QuestionRow): ImportedQuestion {
  return {
    question: r.question,
    correct: r.correct,
    wrong: JSON.parse(r.wrong) as string[],
    ...(r.explanation ? { explanation: r.explanation } : {}),
    ...(r.source ? { source: r.source } : {}),
    ...(r.category ? { category: r.category } : {}),
    ...(r.difficulty ? { difficulty: r.difficulty as SetDifficulty } : {}),
  };
}

export class QuestionSetStore {
  constructor(private readonly db: DB) {}

  list(scope: string): SetRow[] {
    return this.db
      .prepare(
        `SELECT s.*, (SELECT COUNT(*) FROM set_questions q WHERE q.set_id = s.id) AS count
         FROM question_sets s WHERE scope = ? ORDER BY name`,
      )
      .all(scope) as SetRow[];
  }

  find(scope: string, name: string): SetRow | undefined {
    return this.list(scope).find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  }

  byId(id: number): SetRow | undefined {
    return this.db
      .prepare(
        `SELECT s.*, (SELECT COUNT(*) FROM set_questions q WHERE q.set_id = s.id) AS count
         FROM question_sets s WHERE id = ?`,
      )
      .get(id) as SetRow | undefined;
  }

  private inUse(setId: number): boolean {
    return (
      this.db.prepare("SELECT 1 FROM rounds WHERE set_id = ? AND status = 'running'").get(setId) !== undefined
    );
  }

  /** Saves a set under `name`, replacing one of that name (a new id: rounds played keep theirs apart). */
  save(
    scope: string,
    name: string,
    questions: readonly ImportedQuestion[],
    by: string,
    now: number,
  ): SaveResult {
    return this.db.transaction((): SaveResult => {
      const old = this.find(scope, name);
      if (old && this.inUse(old.id)) return { ok: false, reason: "in-use" };
      if (!old && this.list(scope).length >= MAX_SETS) return { ok: false, reason: "too-many-sets" };
      if (old) this.db.prepare("DELETE FROM question_sets WHERE id = ?").run(old.id);
      const id = Number(
        this.db
          .prepare("INSERT INTO question_sets (scope, name, created_by, updated_at) VALUES (?, ?, ?, ?)")
          .run(scope, name.trim(), by, now).lastInsertRowid,
      );
      const insert = this.db.prepare(
        `INSERT INTO set_questions (set_id, position, question, correct, wrong, explanation, source, category, difficulty)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      questions.forEach((q, i) => {
        insert.run(
          id,
          i,
          q.question,
          q.correct,
          JSON.stringify(q.wrong),
          q.explanation ?? null,
          q.source ?? null,
          q.category ?? null,
          q.difficulty ?? null,
        );
      });
      return { ok: true, set: this.byId(id) as SetRow, replaced: old !== undefined };
    })();
  }

  delete(
    scope: string,
    name: string,
  ): { ok: true; set: SetRow } | { ok: false; reason: "no-set" | "in-use" } {
    const set = this.find(scope, name);
    if (!set) return { ok: false, reason: "no-set" };
    if (this.inUse(set.id)) return { ok: false, reason: "in-use" };
    this.db.prepare("DELETE FROM question_sets WHERE id = ?").run(set.id);
    return { ok: true, set };
  }

  questions(setId: number): ImportedQuestion[] {
    return (
      this.db
        .prepare("SELECT * FROM set_questions WHERE set_id = ? ORDER BY position")
        .all(setId) as QuestionRow[]
    ).map(toQuestion);
  }

  question(setId: number, position: number): ImportedQuestion | undefined {
    const row = this.db
      .prepare("SELECT * FROM set_questions WHERE set_id = ? AND position = ?")
      .get(setId, position) as QuestionRow | undefined;
    return row ? toQuestion(row) : undefined;
  }
}

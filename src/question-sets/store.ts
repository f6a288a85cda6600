// A server's question sets in the database: each import replaces a set of that name whole, in one
// transaction, so a set is never half old and half new; a set a round is using stays as it is.
import type { Sql } from "../storage/sql.js";
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

const WITH_COUNT = `SELECT s.*, (SELECT COUNT(*) FROM set_questions q WHERE q.set_id = s.id) AS count
  FROM question_sets s`;

export class QuestionSetStore {
  constructor(private readonly db: Sql) {}

  list(scope: string, q: Sql = this.db): Promise<SetRow[]> {
    return q.all<SetRow>(`${WITH_COUNT} WHERE scope = ? ORDER BY name`, [scope]);
  }

  async find(scope: string, name: string, q: Sql = this.db): Promise<SetRow | undefined> {
    const wanted = name.trim().toLowerCase();
    return (await this.list(scope, q)).find((s) => s.name.toLowerCase() === wanted);
  }

  byId(id: number, q: Sql = this.db): Promise<SetRow | undefined> {
    return q.get<SetRow>(`${WITH_COUNT} WHERE id = ?`, [id]);
  }

  private async inUse(setId: number, q: Sql): Promise<boolean> {
    return (
      (await q.get("SELECT 1 AS x FROM rounds WHERE set_id = ? AND status = 'running'", [setId])) !==
      undefined
    );
  }

  /** Saves a set under `name`, replacing one of that name (a new id: rounds played keep theirs apart). */
  save(
    scope: string,
    name: string,
    questions: readonly ImportedQuestion[],
    by: string,
    now: number,
  ): Promise<SaveResult> {
    return this.db.transaction(async (tx): Promise<SaveResult> => {
      const old = await this.find(scope, name, tx);
      if (old && (await this.inUse(old.id, tx))) return { ok: false, reason: "in-use" };
      if (!old && (await this.list(scope, tx)).length >= MAX_SETS)
        return { ok: false, reason: "too-many-sets" };
      if (old) await tx.run("DELETE FROM question_sets WHERE id = ?", [old.id]);
      const created = await tx.get<{ id: number }>(
        "INSERT INTO question_sets (scope, name, created_by, updated_at) VALUES (?, ?, ?, ?) RETURNING id",
        [scope, name.trim(), by, now],
      );
      const id = Number(created?.id);
      for (const [i, q] of questions.entries()) {
        await tx.run(
          `INSERT INTO set_questions (set_id, position, question, correct, wrong, explanation, source, category, difficulty)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            i,
            q.question,
            q.correct,
            JSON.stringify(q.wrong),
            q.explanation ?? null,
            q.source ?? null,
            q.category ?? null,
            q.difficulty ?? null,
          ],
        );
      }
      return { ok: true, set: (await this.byId(id, tx)) as SetRow, replaced: old !== undefined };
    });
  }

  async delete(
    scope: string,
    name: string,
  ): Promise<{ ok: true; set: SetRow } | { ok: false; reason: "no-set" | "in-use" }> {
    return this.db.transaction(async (tx) => {
      const set = await this.find(scope, name, tx);
      if (!set) return { ok: false, reason: "no-set" } as const;
      if (await this.inUse(set.id, tx)) return { ok: false, reason: "in-use" } as const;
      await tx.run("DELETE FROM question_sets WHERE id = ?", [set.id]);
      return { ok: true, set } as const;
    });
  }

  async questions(setId: number): Promise<ImportedQuestion[]> {
    const rows = await this.db.all<QuestionRow>(
      "SELECT * FROM set_questions WHERE set_id = ? ORDER BY position",
      [setId],
    );
    return rows.map(toQuestion);
  }

  async question(setId: number, position: number): Promise<ImportedQuestion | undefined> {
    const row = await this.db.get<QuestionRow>(
      "SELECT * FROM set_questions WHERE set_id = ? AND position = ?",
      [setId, position],
    );
    return row ? toQuestion(row) : undefined;
  }
}

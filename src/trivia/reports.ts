// Reports of wrong questions: stored per server, listed for its moderators, and resolved by hiding
// the question there or dismissing the report. A report on a built-in question is also logged, so
// that the generator or the dataset can be fixed.
import type { LogSink } from "../log-sink.js";
import type { DB } from "../storage/db.js";

export interface ReportRow {
  id: number;
  scope: string;
  question_id: string;
  user_id: string;
  text: string;
  created_at: number;
  status: "open" | "hidden" | "dismissed";
}

/** What a report may say: a modal's paragraph, at most this long. */
export const MAX_REPORT_TEXT = 500;

export class ReportStore {
  constructor(
    private readonly db: DB,
    private readonly log: LogSink,
  ) {}

  add(r: { scope: string; questionId: string; userId: string; text: string; now: number }): ReportRow {
    const text = r.text.trim().slice(0, MAX_REPORT_TEXT);
    const id = Number(
      this.db
        .prepare(
          "INSERT INTO question_reports (scope, question_id, user_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
        )
        .run(r.scope, r.questionId, r.userId, text, r.now).lastInsertRowid,
    );
    if (!r.questionId.startsWith("set:"))
      this.log.warn(
        { question: r.questionId, report: id, scope: r.scope },
        "a built-in trivia question was reported",
      );
    return this.get(id) as ReportRow;
  }

  get(id: number): ReportRow | undefined {
    return this.db.prepare("SELECT * FROM question_reports WHERE id = ?").get(id) as ReportRow | undefined;
  }

  open(scope: string, limit = 5): ReportRow[] {
    return this.db
      .prepare("SELECT * FROM question_reports WHERE scope = ? AND status = 'open' ORDER BY id LIMIT ?")
      .all(scope, limit) as ReportRow[];
  }

  countOpen(scope: string): number {
    return (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM question_reports WHERE scope = ? AND status = 'open'")
        .get(scope) as {
        n: number;
      }
    ).n;
  }

  /** Resolves an open report of this scope; "hide" also hides its question here. */
  resolve(scope: string, id: number, how: "hide" | "dismiss"): ReportRow | undefined {
    return this.db.transaction(() => {
      const report = this.get(id);
      if (!report || report.scope !== scope || report.status !== "open") return undefined;
      this.db
        .prepare("UPDATE question_reports SET status = ? WHERE id = ?")
        .run(how === "hide" ? "hidden" : "dismissed", id);
      if (how === "hide")
        this.db
          .prepare("INSERT OR IGNORE INTO hidden_questions (scope, question_id) VALUES (?, ?)")
          .run(scope, report.question_id);
      return { ...report, status: how === "hide" ? "hidden" : "dismissed" };
    })() as ReportRow | undefined;
  }

  hidden(scope: string): Set<string> {
    return new Set(
      (
        this.db.prepare("SELECT question_id FROM hidden_questions WHERE scope = ?").all(scope) as {
          question_id: string;
        }[]
      ).map((r) => r.question_id),
    );
  }
}

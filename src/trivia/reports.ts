// Reports of wrong questions: stored per server, listed for its moderators, and resolved by hiding
// the question there or dismissing the report. A report on a built-in question is also logged, so
// that the generator or the dataset can be fixed.
import type { LogSink } from "../log-sink.js";
import type { Sql } from "../storage/sql.js";
import { sanitizeText } from "../text/sanitize.js";

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
    private readonly db: Sql,
    private readonly log: LogSink,
  ) {}

  async add(r: {
    scope: string;
    questionId: string;
    userId: string;
    text: string;
    now: number;
  }): Promise<ReportRow> {
    const text = sanitizeText(r.text).trim().slice(0, MAX_REPORT_TEXT);
    const report = (await this.db.get<ReportRow>(
      "INSERT INTO question_reports (scope, question_id, user_id, text, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
      [r.scope, r.questionId, r.userId, text, r.now],
    )) as ReportRow;
    if (!r.questionId.startsWith("set:"))
      this.log.warn(
        { question: r.questionId, report: report.id, scope: r.scope },
        "a built-in trivia question was reported",
      );
    return report;
  }

  get(id: number, q: Sql = this.db): Promise<ReportRow | undefined> {
    return q.get<ReportRow>("SELECT * FROM question_reports WHERE id = ?", [id]);
  }

  open(scope: string, limit = 5): Promise<ReportRow[]> {
    return this.db.all<ReportRow>(
      "SELECT * FROM question_reports WHERE scope = ? AND status = 'open' ORDER BY id LIMIT ?",
      [scope, limit],
    );
  }

  async countOpen(scope: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM question_reports WHERE scope = ? AND status = 'open'",
      [scope],
    );
    return row?.n ?? 0;
  }

  /** Resolves an open report of this scope; "hide" also hides its question here. */
  resolve(scope: string, id: number, how: "hide" | "dismiss"): Promise<ReportRow | undefined> {
    return this.db.transaction(async (tx) => {
      const report = await this.get(id, tx);
      if (!report || report.scope !== scope || report.status !== "open") return undefined;
      const status = how === "hide" ? "hidden" : "dismissed";
      await tx.run("UPDATE question_reports SET status = ? WHERE id = ?", [status, id]);
      if (how === "hide")
        await tx.run(
          "INSERT INTO hidden_questions (scope, question_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
          [scope, report.question_id],
        );
      return { ...report, status } as ReportRow;
    });
  }

  async hidden(scope: string): Promise<Set<string>> {
    const rows = await this.db.all<{ question_id: string }>(
      "SELECT question_id FROM hidden_questions WHERE scope = ?",
      [scope],
    );
    return new Set(rows.map((r) => r.question_id));
  }
}

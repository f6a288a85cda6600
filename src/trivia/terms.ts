// A server's terms: named stretches of its answers (a semester, a course), each with its own
// leaderboard, stats and export. One runs at a time per server, which the database decides (a
// unique index on the running one), so two moderators starting one at once get one term and one
// clear answer. Ended terms are kept, never deleted: ending one is the gentle way to start over.
import type { Sql } from "../storage/sql.js";

export interface TermRow {
  id: number;
  scope: string;
  name: string;
  started_at: number;
  started_by: string;
  ended_at: number | null;
  ended_by: string | null;
}

/** The longest a term's name may be: it is shown in titles and autocomplete (100 characters). */
export const MAX_TERM_NAME = 100;

export type TermStart =
  | { ok: true; term: TermRow }
  | { ok: false; reason: "running"; term: TermRow }
  | { ok: false; reason: "empty-name" | "name-too-long" };

/** Ids come back from PostgreSQL's BIGINT as numbers through the driver's parser; rows as they are. */
const row = (r: TermRow | undefined): TermRow | undefined => (r ? { ...r, id: Number(r.id) } : undefined);

export class TermStore {
  constructor(private readonly db: Sql) {}

  async current(scope: string): Promise<TermRow | undefined> {
    return row(
      await this.db.get<TermRow>("SELECT * FROM terms WHERE scope = ? AND ended_at IS NULL", [scope]),
    );
  }

  /** Starts a term named `name` (already cleaned of unsafe characters); refused while one runs. */
  async start(scope: string, name: string, by: string, now: number): Promise<TermStart> {
    const trimmed = name.trim();
    if (!trimmed) return { ok: false, reason: "empty-name" };
    if ([...trimmed].length > MAX_TERM_NAME) return { ok: false, reason: "name-too-long" };
    const made = row(
      await this.db.get<TermRow>(
        `INSERT INTO terms (scope, name, started_at, started_by) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING *`,
        [scope, trimmed, now, by],
      ),
    );
    if (made) return { ok: true, term: made };
    const running = await this.current(scope);
    // The running term ended between the insert and this read: the caller may simply try again.
    if (!running) return this.start(scope, name, by, now);
    return { ok: false, reason: "running", term: running };
  }

  /** Ends the running term; undefined when none runs (or another moderator just ended it). */
  async end(scope: string, by: string, now: number): Promise<TermRow | undefined> {
    return row(
      await this.db.get<TermRow>(
        "UPDATE terms SET ended_at = ?, ended_by = ? WHERE scope = ? AND ended_at IS NULL RETURNING *",
        [now, by, scope],
      ),
    );
  }

  /** Every term of the scope, the newest first. */
  async list(scope: string): Promise<TermRow[]> {
    const rows = await this.db.all<TermRow>(
      "SELECT * FROM terms WHERE scope = ? ORDER BY started_at DESC, id DESC",
      [scope],
    );
    return rows.map((r) => row(r) as TermRow);
  }

  /**
   * The term a user named: by its id (what autocomplete fills in), or else by its name, ignoring
   * case (the newest of that name).
   */
  async find(scope: string, named: string): Promise<TermRow | undefined> {
    const wanted = named.trim();
    if (/^\d{1,15}$/.test(wanted)) {
      const byId = row(
        await this.db.get<TermRow>("SELECT * FROM terms WHERE scope = ? AND id = ?", [scope, Number(wanted)]),
      );
      if (byId) return byId;
    }
    const lower = wanted.toLowerCase();
    return (await this.list(scope)).find((t) => t.name.toLowerCase() === lower);
  }
}

// The one interface every store talks to, whichever database is behind it: SQLite in a file (the
// default) or PostgreSQL shared by many processes. Statements are written once, with `?`
// placeholders and SQL both databases accept (INSERT … ON CONFLICT, RETURNING); a driver turns
// them into its own dialect.

export type SqlValue = string | number | null;

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; `changes` is how many rows it inserted, updated or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Runs `work` in one transaction on one connection, committed when it resolves and rolled back
   * when it throws. Inside it, use the `tx` it is given, never the outer handle.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** A database the process opened: the handle, and how to let it go at shutdown. */
export interface Storage {
  readonly sql: Sql;
  /** Where it lives, for logs and messages (a path, or a URL without its password). */
  readonly where: string;
  /** The schema version it is at: how many migrations have been applied. */
  readonly version: number;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

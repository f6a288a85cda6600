// SQLite behind the Sql interface: one better-sqlite3 connection, WAL mode. Its calls are
// synchronous; a transaction spans awaits, so while one is open every other statement waits for it
// (otherwise it would silently run inside that transaction on the same connection).
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { projectPath } from "../paths.js";
import { SQLITE_MIGRATIONS } from "./migrations-sqlite.js";
import { DatabaseOpenError, type Sql, type SqlValue, type Storage } from "./sql.js";

/** Default database file: `<repo>/var/apparat.sqlite` (git ignores var/). */
export const DEFAULT_DATABASE_PATH = projectPath("var", "apparat.sqlite");

type Statement = Database.Statement<unknown[], unknown>;

class SqliteSql implements Sql {
  readonly dialect = "sqlite" as const;
  private readonly statements = new Map<string, Statement>();
  /** Transactions take turns: each waits for the one queued before it. */
  private queue: Promise<void> = Promise.resolve();
  /** Settles when the transaction now open ends. */
  private active: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    /** The transaction's own handle goes straight through; the outer one waits for it. */
    private readonly outer?: SqliteSql,
  ) {}

  private statement(sql: string): Statement {
    const cache = this.outer?.statements ?? this.statements;
    let s = cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  }

  /** Outside a transaction's own handle, a statement waits until no transaction is open. */
  private async outside(): Promise<void> {
    while (!this.outer && this.db.inTransaction) await this.active;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (!this.outer && this.db.inTransaction) await this.outside();
    return this.statement(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    if (!this.outer && this.db.inTransaction) await this.outside();
    return this.statement(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    if (!this.outer && this.db.inTransaction) await this.outside();
    return { changes: this.statement(sql).run(...params).changes };
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.outer) return work(this); // already inside one: SQLite has no nesting to offer
    const before = this.queue;
    let finished = () => {};
    const mine = new Promise<void>((resolve) => {
      finished = resolve;
    });
    this.queue = before.then(() => mine);
    await before;
    this.active = mine;
    try {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(new SqliteSql(this.db, this));
        this.db.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    } finally {
      finished();
    }
  }
}

/** Applies the migrations after `user_version`, up to `target`, each in its own transaction. */
export function migrateSqlite(db: Database.Database, target = SQLITE_MIGRATIONS.length): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SQLITE_MIGRATIONS.length) {
    throw new DatabaseOpenError(
      `The database is at schema version ${current}, newer than this bot (${SQLITE_MIGRATIONS.length}). Update the bot.`,
    );
  }
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Opens (creating if needed) a SQLite database: WAL mode, foreign keys, migrations applied. A
 * corrupt, unreadable or unwritable file becomes a DatabaseOpenError that says which file and what
 * to do.
 */
export function openSqlite(path: string = DEFAULT_DATABASE_PATH, options: { target?: number } = {}): Storage {
  const inMemory = path === ":memory:";
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new DatabaseOpenError(
      `Cannot create the folder for the database ${path}: ${(err as Error).message}. Set DATABASE_PATH to a writable place.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: false });
    if (!inMemory) db.pragma("journal_mode = WAL");
    // An answer is acknowledged only once committed, and committed must mean on disk: in WAL mode
    // better-sqlite3's build defaults to synchronous=NORMAL, which does not sync the log at each
    // commit, so a filesystem failure could lose answers already "locked in". FULL syncs it.
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    // Several processes may share one file (shards on one host): a writer waits for another.
    db.pragma("busy_timeout = 5000");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`integrity check failed: ${String(check)}`);
    const version = migrateSqlite(db, options.target);
    // Prove we can write before we promise users their scores are safe.
    db.exec("BEGIN IMMEDIATE; ROLLBACK;");
    const opened = db;
    return {
      sql: new SqliteSql(opened),
      where: path,
      version,
      close: async () => {
        if (opened.open) opened.close();
      },
    };
  } catch (err) {
    db?.close();
    if (err instanceof DatabaseOpenError) throw err;
    const reason = (err as Error).message;
    const hint = existsSync(path)
      ? "The file may be corrupt, not a SQLite database, or read-only. Move it aside (scores in it are kept there) or set DATABASE_PATH to another file."
      : "Set DATABASE_PATH to a writable file.";
    throw new DatabaseOpenError(`Cannot open the database ${path}: ${reason}. ${hint}`);
  }
}

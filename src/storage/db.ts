import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { projectPath } from "../paths.js";

export type DB = Database.Database;

/** Default database file: `<repo>/var/apparat.sqlite` (git ignores var/). */
export const DEFAULT_DATABASE_PATH = projectPath("var", "apparat.sqlite");

/**
 * Versioned migrations, applied in order at start-up. Never edit one that has shipped: add the
 * next. `PRAGMA user_version` records how many have been applied.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: trivia rounds, the questions asked, answers (each user once per question) and scores.
  `
  CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    guild_id TEXT,
    channel_id TEXT NOT NULL,
    starter_id TEXT NOT NULL,
    difficulty TEXT,
    seconds INTEGER NOT NULL,
    total INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'stopped', 'interrupted'))
  );
  CREATE UNIQUE INDEX rounds_one_running_per_channel ON rounds(channel_id) WHERE status = 'running';
  CREATE TABLE asked (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id),
    question_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    closed_at INTEGER,
    UNIQUE (round_id, position)
  );
  CREATE TABLE answers (
    asked_id INTEGER NOT NULL REFERENCES asked(id),
    user_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    points INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (asked_id, user_id)
  );
  CREATE TABLE scores (
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    points INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    streak INTEGER NOT NULL DEFAULT 0,
    best_streak INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, user_id)
  );
  `,
  // 2: spaced repetition for /study (Leitner boxes per user and question).
  `
  CREATE TABLE study (
    user_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    box INTEGER NOT NULL DEFAULT 1,
    due_at INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    wrong INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, question_id)
  );
  CREATE INDEX study_due ON study(user_id, due_at);
  `,
  // 3: the language of the person who started a round, for the messages the round posts by itself.
  `
  ALTER TABLE rounds ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US';
  `,
  // 4: a server's own question sets (imported from JSON or CSV), and the set a round draws from.
  `
  CREATE TABLE question_sets (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (scope, name)
  );
  CREATE TABLE set_questions (
    set_id INTEGER NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    correct TEXT NOT NULL,
    wrong TEXT NOT NULL,
    explanation TEXT,
    source TEXT,
    category TEXT,
    difficulty TEXT,
    PRIMARY KEY (set_id, position)
  );
  ALTER TABLE rounds ADD COLUMN set_id INTEGER;
  ALTER TABLE rounds ADD COLUMN category TEXT;
  ALTER TABLE rounds ADD COLUMN questions TEXT;
  ALTER TABLE rounds ADD COLUMN hints INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE trivia_settings (
    scope TEXT PRIMARY KEY,
    seconds INTEGER,
    difficulty TEXT,
    explanations INTEGER NOT NULL DEFAULT 1,
    channels TEXT NOT NULL DEFAULT '[]'
  );
  CREATE TABLE question_reports (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    question_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'dismissed'))
  );
  CREATE INDEX question_reports_open ON question_reports(scope, status);
  CREATE TABLE hidden_questions (
    scope TEXT NOT NULL,
    question_id TEXT NOT NULL,
    PRIMARY KEY (scope, question_id)
  );
  CREATE TABLE player_names (
    scope TEXT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (scope, user_id)
  );
  `,
];

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

/** Applies the migrations after `user_version`, up to `target`, each in its own transaction. */
export function migrate(db: DB, target = MIGRATIONS.length): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new DatabaseOpenError(
      `The database is at schema version ${current}, newer than this bot (${MIGRATIONS.length}). Update the bot.`,
    );
  }
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Opens (creating if needed) the database: WAL mode, foreign keys, migrations applied. A corrupt,
 * unreadable or unwritable file becomes a DatabaseOpenError that says which file and what to do.
 */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH, options: { target?: number } = {}): DB {
  const inMemory = path === ":memory:";
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new DatabaseOpenError(
      `Cannot create the folder for the database ${path}: ${(err as Error).message}. Set DATABASE_PATH to a writable place.`,
    );
  }
  let db: DB | undefined;
  try {
    db = new Database(path, { fileMustExist: false });
    if (!inMemory) db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 2000");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db, options.target);
    // Prove we can write before we promise users their scores are safe.
    db.exec("BEGIN IMMEDIATE; ROLLBACK;");
    return db;
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

// The databases a storage test runs against: SQLite in a temporary file, and PostgreSQL (a fresh
// database on the run's throwaway server). The same tests run on each.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { openPostgres } from "../../src/storage/postgres.js";
import type { Storage } from "../../src/storage/sql.js";
import { openSqlite } from "../../src/storage/sqlite.js";

export type Kind = "sqlite" | "postgres";
export const KINDS: Kind[] = ["sqlite", "postgres"];

export const postgresAvailable = () => inject("postgresUrl") !== "";

let counter = 0;

/** A new, empty PostgreSQL database on the test server; its URL. */
export async function freshPostgresUrl(label: string): Promise<string> {
  const name = `t_${label.replace(/\W+/g, "_").toLowerCase()}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return inject("postgresUrl").replace(/\/postgres$/, `/${name}`);
}

export const freshSqlitePath = () => join(mkdtempSync(join(tmpdir(), "apparat-db-")), "test.sqlite");

/** Where a database of this kind lives: a file path or a URL (to open it again, or from another process). */
export async function freshLocation(kind: Kind, label: string): Promise<string> {
  return kind === "sqlite" ? freshSqlitePath() : freshPostgresUrl(label);
}

export async function openAt(
  kind: Kind,
  where: string,
  options: { target?: number; poolSize?: number } = {},
): Promise<Storage> {
  return kind === "sqlite" ? openSqlite(where, options) : openPostgres(where, options);
}

/**
 * For a test file: a function that opens a fresh database of a kind (at a migration `target` if
 * given), every one of them closed once the file's tests are done.
 */
export function freshDatabases() {
  const opened: Storage[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });
  const open = async (kind: Kind, label: string, options: { target?: number } = {}) => {
    const where = await freshLocation(kind, label);
    const storage = await openAt(kind, where, options);
    opened.push(storage);
    return { storage, where, sql: storage.sql };
  };
  /** Also closes, with the others, a database the test opened again itself. */
  const keep = (storage: Storage) => {
    opened.push(storage);
    return storage;
  };
  return Object.assign(open, { keep });
}

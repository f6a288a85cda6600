// PostgreSQL behind the Sql interface, with the `pg` driver and a pool: for shards on several
// processes or hosts sharing one database. Loaded only when DATABASE_URL says postgres://.
import pg from "pg";
import { POSTGRES_MIGRATIONS } from "./migrations-postgres.js";
import { DatabaseOpenError, type Sql, type SqlValue, type Storage } from "./sql.js";

/** PostgreSQL's type ids for BIGINT (counts, sums, ids, times) and NUMERIC (sums of BIGINT). */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Our numbers are epoch milliseconds, ids and counts, all far below 2^53: they come back as
 * numbers, not the strings pg returns by default. Set per pool, not globally.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** `?` placeholders become `$1, $2 …` (our statements never have a `?` inside a string). */
const converted = new Map<string, string>();
function dialect(sql: string): string {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    converted.set(sql, out);
  }
  return out;
}

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

class PostgresSql implements Sql {
  readonly dialect = "postgres" as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly client?: pg.PoolClient,
  ) {}

  private get target(): Queryable {
    return this.client ?? this.pool;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.target.query(dialect(sql), params as SqlValue[])).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.target.query(dialect(sql), params as SqlValue[])).rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.client) return work(this);
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(new PostgresSql(this.pool, client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** The URL without its password, for logs and messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const key of ["password", "sslpassword"])
      if (u.searchParams.has(key)) u.searchParams.set(key, "***");
    return u.toString();
  } catch {
    return "(a DATABASE_URL that is not a valid URL)";
  }
}

/**
 * Applies the migrations after the recorded version, up to `target`. Shards starting together all
 * try: an advisory lock makes them take turns, and each finds the work done by the first.
 */
export async function migratePostgres(pool: pg.Pool, target = POSTGRES_MIGRATIONS.length): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('apparat-migrations'))");
    await client.query("CREATE TABLE IF NOT EXISTS apparat_schema (version INTEGER NOT NULL)");
    const row = (await client.query<{ version: number }>("SELECT version FROM apparat_schema")).rows[0];
    const current = row?.version ?? 0;
    if (!row) await client.query("INSERT INTO apparat_schema (version) VALUES (0)");
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new DatabaseOpenError(
        `The database is at schema version ${current}, newer than this bot (${POSTGRES_MIGRATIONS.length}). Update the bot.`,
      );
    }
    for (let v = current; v < target; v++) {
      await client.query(POSTGRES_MIGRATIONS[v] as string);
      await client.query("UPDATE apparat_schema SET version = $1", [v + 1]);
    }
    await client.query("COMMIT");
    return Math.max(current, target);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Connects a pool to `url`, applies the migrations, and proves it can write. */
export async function openPostgres(
  url: string,
  options: { poolSize?: number; target?: number } = {},
): Promise<Storage> {
  const where = redactedUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    connectionTimeoutMillis: 10_000,
    application_name: "apparat",
  });
  // An idle client that loses its connection emits here; without a listener the process would die.
  pool.on("error", () => {});
  try {
    const version = await migratePostgres(pool, options.target);
    let closing: Promise<void> | undefined;
    return { sql: new PostgresSql(pool), where, version, close: () => (closing ??= pool.end()) };
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError(
      `Cannot open the PostgreSQL database ${where}: ${(err as Error).message}. Check DATABASE_URL, that the server is running, and that the user may create tables.`,
    );
  }
}

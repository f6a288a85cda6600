// Which database a process uses: PostgreSQL when DATABASE_URL is set (its driver loaded only then),
// otherwise SQLite in DATABASE_PATH (or var/apparat.sqlite).
import type { Storage } from "./sql.js";

export interface StorageConfig {
  DATABASE_URL?: string | undefined;
  DATABASE_PATH?: string | undefined;
  DATABASE_POOL_SIZE?: number | undefined;
}

export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.DATABASE_URL) {
    const { openPostgres } = await import("./postgres.js");
    return openPostgres(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  }
  const { openSqlite } = await import("./sqlite.js");
  return openSqlite(config.DATABASE_PATH);
}

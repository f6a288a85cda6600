// A database handle that tells someone of every statement that fails (the bot's metrics count
// them), and otherwise is the handle it wraps: same results, same errors, same transactions.
import type { Sql, SqlValue } from "./sql.js";

export function observedSql(inner: Sql, failed: () => void): Sql {
  // An error from a statement inside a transaction also fails the transaction: counted once.
  const counted = new WeakSet<object>();
  const wrap = (handle: Sql): Sql => {
    const watch = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (err) {
        if (typeof err !== "object" || err === null || !counted.has(err)) {
          failed();
          if (typeof err === "object" && err !== null) counted.add(err);
        }
        throw err;
      }
    };
    return {
      dialect: handle.dialect,
      all: <T>(sql: string, params?: readonly SqlValue[]) => watch(handle.all<T>(sql, params)),
      get: <T>(sql: string, params?: readonly SqlValue[]) => watch(handle.get<T>(sql, params)),
      run: (sql: string, params?: readonly SqlValue[]) => watch(handle.run(sql, params)),
      transaction: <T>(work: (tx: Sql) => Promise<T>) => watch(handle.transaction((tx) => work(wrap(tx)))),
    };
  };
  return wrap(inner);
}

// Counts the SQL statements some code runs that match a pattern (e.g. reads of the alerts table), by
// wrapping a test database's SQL runner. Install the returned database with setDatabase.
import type { Database } from "@/lib/db/database";
import type { Sql, SqlRow } from "@/lib/db/sql";

export function countingDatabase(db: Database, pattern: RegExp) {
  let count = 0;
  const inner = db.sql;
  const sql: Sql = {
    kind: inner.kind,
    query<T extends SqlRow = SqlRow>(text: string, params?: unknown[]): Promise<T[]> {
      if (pattern.test(text)) count++;
      return inner.query<T>(text, params);
    },
    exec: (text) => inner.exec(text),
    transaction: (fn) => inner.transaction(fn),
  };
  return {
    database: { ...db, sql } satisfies Database,
    /** Statements matched since the last reset. */
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}

/** Every read of the alerts table for a list (listAlerts, snapshotAlerts, a single alert). */
export const ALERT_READS = /\bFROM alerts a\b/;

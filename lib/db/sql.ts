// The plain SQL runner under Prisma, on the same connection pool (PostgreSQL) or the same PGlite instance.
// The rule (README, Database): Prisma for CRUD and single-record reads and writes; this runner for batched
// hot paths, analytics and time series, statements Prisma cannot express, and whatever must commit in the
// same transaction as those.
import "server-only";

export type SqlRow = Record<string, unknown>;

/**
 * A hot statement run many times with the same text can be named: PostgreSQL then parses it once per
 * connection and, after five runs, may keep one generic plan instead of planning every call (bench:ai: the
 * AI call path's planning). Only for statements whose best plan does not depend on the values: a query whose
 * plan must follow the data (how many rows a window holds) stays unnamed. Names are few and fixed in code
 * (each connection keeps every name it has seen); PGlite ignores them.
 */
export type QueryOptions = { prepared?: string };

export interface Sql {
  readonly kind: "postgres" | "pglite";
  query<T extends SqlRow = SqlRow>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<void>;
  /** Runs fn inside one transaction on one connection. */
  transaction<T>(fn: (tx: Pick<Sql, "query" | "exec">) => Promise<T>): Promise<T>;
}

// The plain SQL runner under Prisma, on the same connection pool (PostgreSQL) or the same PGlite instance.
// The rule (README, Database): Prisma for CRUD and single-record reads and writes; this runner for batched
// hot paths, analytics and time series, statements Prisma cannot express, and whatever must commit in the
// same transaction as those.
import "server-only";

export type SqlRow = Record<string, unknown>;

/**
 * A hot statement run many times with the same text can be named: PostgreSQL then parses and plans it once
 * per connection instead of on every call (measured by bench:ai: about a fifth of the backend's CPU on the
 * AI call path). Names are few and fixed in code (each connection keeps every name it has seen); PGlite
 * ignores them.
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

// The plain SQL runner under Prisma, on the same connection pool (PostgreSQL) or the same PGlite instance.
// The rule (README, Database): Prisma for CRUD and single-record reads and writes; this runner for batched
// hot paths, analytics and time series, statements Prisma cannot express, and whatever must commit in the
// same transaction as those.
import "server-only";

export type SqlRow = Record<string, unknown>;

export interface Sql {
  readonly kind: "postgres" | "pglite";
  query<T extends SqlRow = SqlRow>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<void>;
  /** Runs fn inside one transaction on one connection. */
  transaction<T>(fn: (tx: Pick<Sql, "query" | "exec">) => Promise<T>): Promise<T>;
}

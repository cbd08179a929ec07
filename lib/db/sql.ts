// The plain SQL runner under Prisma: the batched ingest writer and the migration runner use it
// directly, on the same connection pool (PostgreSQL) or the same PGlite instance.
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

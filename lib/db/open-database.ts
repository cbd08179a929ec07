// Opens the database: PostgreSQL through @prisma/adapter-pg when a URL is given, otherwise an
// embedded PGlite persisted under the data directory. Returns the Prisma client and the plain SQL
// runner that share the same connections.
import { withPhiDecryption } from "@/lib/crypto/decrypt-results";
import "server-only";
import os from "node:os";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Sql, SqlRow } from "./sql";
import { createPglite } from "./pglite-instance";

export type Database = {
  prisma: PrismaClient;
  sql: Sql;
  close(): Promise<void>;
};

export type DatabaseTarget = { url: string; poolSize?: number } | { pgliteDir: string } | { inMemory: true };

/**
 * Connections per node unless configured (DATABASE_POOL_SIZE): two per core and one (5 on two cores), the
 * usual sizing for PostgreSQL. More backends than cores do not run more at once; they wait for a core, and
 * each one woken costs the machine: on two cores bench:ai measured PostgreSQL's CPU per AI call a tenth to
 * a third lower with 5 connections than with 20. Callers beyond the pool wait in its queue, in order.
 */
export function defaultPoolSize(cores = os.availableParallelism()): number {
  return Math.min(200, 2 * cores + 1);
}

/**
 * How long a Prisma transaction waits for a connection before failing (Prisma's own default is 2 s): with a
 * pool sized to the cores (or PGlite's one connection), a burst such as an alarm storm's writes can hold every
 * connection for longer, and an admission or a transfer should then wait its turn, as plain queries do.
 */
export const TRANSACTION_MAX_WAIT_MS = 15_000;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) return openPostgres(target.url, target.poolSize ?? defaultPoolSize());
  if ("pgliteDir" in target) return openPglite(await createPglite(target.pgliteDir));
  return openPglite(await createPglite());
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Connections a burst opened stay open for 5 minutes (pg's default is 10 s): a burst on a cold pool waits
  // on new connections and cold backends (plans, PL/pgSQL functions), 100-300 ms measured by bench:ai.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 5 * 60_000 });
  pool.on("error", (err) => console.error("[db] idle connection error:", err.message));
  const sql: Sql = {
    kind: "postgres",
    async query(text, params, options) {
      const values = params as unknown[] | undefined;
      const res = await (options?.prepared ? pool.query({ name: options.prepared, text, values }) : pool.query(text, values));
      return res.rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async (text, params, options) => {
            const values = params as unknown[] | undefined;
            return (await (options?.prepared ? client.query({ name: options.prepared, text, values }) : client.query(text, values))).rows;
          },
          exec: async (text) => void (await client.query(text)),
        });
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
  const prisma = withPhiDecryption(
    new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } }),
  );
  return {
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(db: PGlite): Promise<Database> {
  const sql: Sql = {
    kind: "pglite",
    async query<T extends SqlRow = SqlRow>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          query: async <T extends SqlRow = SqlRow>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
          exec: async (text) => void (await tx.exec(text)),
        }),
      );
    },
  };
  const prisma = withPhiDecryption(
    new PrismaClient({ adapter: new PrismaPGlite(db), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } }),
  );
  return {
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

// A throwaway PostgreSQL database for a bench run: created beside BENCH_DATABASE_URL / TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) under a random name, dropped by `drop()`.
import crypto from "node:crypto";
import pg from "pg";

export function benchPostgresUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

async function adminQuery(base: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new empty database named `<prefix>_<random>`: its URL, and `drop()` to remove it (connections forced off). */
export async function createScratchPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = benchPostgresUrl();
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

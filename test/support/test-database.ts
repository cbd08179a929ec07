// Test databases: a fresh in-memory PGlite per test file, or, when TEST_DATABASE_URL is set, a fresh
// PostgreSQL database created beside it and dropped afterwards. Both are migrated with the real runner.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { migrateDatabase } from "@/lib/db/migrate";

export type TestDatabase = Database & { label: string; destroy(): Promise<void> };

export const testDatabaseKinds: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** `poolSize`: PostgreSQL's connections (default: the app's, two per core and one). */
export async function createTestDatabase(
  kind: "pglite" | "postgres" = "pglite",
  options: { poolSize?: number } = {},
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ inMemory: true });
    await migrateDatabase(db.sql);
    return { ...db, label: "pglite", destroy: () => db.close() };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `iomt_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: options.poolSize });
  await migrateDatabase(db.sql);
  return {
    ...db,
    label: "postgres",
    async destroy() {
      await db.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

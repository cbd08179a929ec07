// The process's one database: opened from the environment on first use (PostgreSQL when DATABASE_URL
// is set, else PGlite under DATA_DIR), migrated, and shared by server.ts, Next and the CLI.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { clearProcessSingleton, peekProcessSingleton, processSingleton, setProcessSingleton } from "@/lib/process-singleton";
import { acquireDataDirLock } from "./data-dir-lock";
import { migrateDatabase } from "./migrate";
import { openDatabase, type Database } from "./open-database";

export type { Database };

const KEY = "database";

async function openConfiguredDatabase(): Promise<Database> {
  const e = env();
  if (e.DATABASE_URL) {
    const db = await openDatabase({ url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE });
    await migrateDatabase(db.sql);
    return db;
  }
  const release = acquireDataDirLock(e.dataDir);
  try {
    const db = await openDatabase({ pgliteDir: path.join(e.dataDir, "pgdata") });
    await migrateDatabase(db.sql);
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export function getDatabase(): Promise<Database> {
  return processSingleton(KEY, openConfiguredDatabase);
}

export async function getPrisma(): Promise<Database["prisma"]> {
  return (await getDatabase()).prisma;
}

/** Tests and tools that open a database themselves install it here. */
export function setDatabase(db: Database): void {
  setProcessSingleton(KEY, Promise.resolve(db));
}

export async function closeDatabase(): Promise<void> {
  const db = peekProcessSingleton<Promise<Database>>(KEY);
  clearProcessSingleton(KEY);
  if (db) await (await db).close();
}

const perDatabaseRegistry = processSingleton("perDatabase", () => new Map<string, WeakMap<Database, unknown>>());

/** A service bound to the current database (a writer, a cache); recreated when tests swap databases. */
export async function perDatabase<T>(name: string, create: (db: Database) => T): Promise<T> {
  const db = await getDatabase();
  let byDb = perDatabaseRegistry.get(name);
  if (!byDb) perDatabaseRegistry.set(name, (byDb = new WeakMap()));
  if (!byDb.has(db)) byDb.set(db, create(db));
  return byDb.get(db) as T;
}

// Applies prisma/migrations/*/migration.sql in order and records each in _prisma_migrations
// exactly as Prisma Migrate does (id, SHA-256 checksum, timestamps, applied step count), so
// `prisma migrate status` on a machine with the schema engine reads the same history.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Sql } from "./sql";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrateDatabase(sql: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql.exec(CREATE_TABLE);
  const applied = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const byName = new Map(applied.map((r) => [r.migration_name, r]));
  const newlyApplied: string[] = [];

  for (const m of readMigrations(dir)) {
    const done = byName.get(m.name);
    if (done?.finished_at) {
      if (done.checksum !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied (checksum differs). Write a new migration instead.`);
      }
      continue;
    }
    if (done && !done.finished_at) {
      throw new Error(`Migration ${m.name} failed earlier and needs manual repair before the app can start.`);
    }
    const id = crypto.randomUUID();
    await sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      await tx.exec(m.sql);
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    });
    newlyApplied.push(m.name);
  }
  return newlyApplied;
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./open-database";
import { migrateDatabase, readMigrations } from "./migrate";
import { copyPgliteTemplate, ensurePgliteTemplate, isPgliteTemplateValid, pgliteTemplateDir } from "./pglite-template";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-pglite-template-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the PGlite template data directory", () => {
  it("is made once by concurrent makers and reused afterwards", async () => {
    const cache = path.join(root, "cache");
    const [a, b] = await Promise.all([ensurePgliteTemplate({ cacheRoot: cache }), ensurePgliteTemplate({ cacheRoot: cache })]);
    expect(a).toBe(pgliteTemplateDir(cache));
    expect(b).toBe(a);
    expect(isPgliteTemplateValid(a)).toBe(true);
    expect(fs.readdirSync(cache)).toEqual([path.basename(a)]); // no temporary directories left
    const marker = path.join(a, "PG_VERSION");
    const mtime = fs.statSync(marker).mtimeMs;
    await ensurePgliteTemplate({ cacheRoot: cache });
    expect(fs.statSync(marker).mtimeMs).toBe(mtime);
  }, 180_000);

  it("is rebuilt when a file is missing or the manifest does not match", async () => {
    const cache = path.join(root, "damaged");
    const dir = await ensurePgliteTemplate({ cacheRoot: cache });
    fs.rmSync(path.join(dir, "PG_VERSION"));
    expect(isPgliteTemplateValid(dir)).toBe(false);
    await ensurePgliteTemplate({ cacheRoot: cache });
    expect(isPgliteTemplateValid(dir)).toBe(true);
    fs.appendFileSync(path.join(dir, "postgresql.conf"), "\n# changed\n");
    expect(isPgliteTemplateValid(dir)).toBe(false);
    await ensurePgliteTemplate({ cacheRoot: cache });
    expect(isPgliteTemplateValid(dir)).toBe(true);
  }, 180_000);

  it("gives data directories that open and keep what is written", async () => {
    const template = await ensurePgliteTemplate({ cacheRoot: path.join(root, "cache") });
    const dataDir = path.join(root, "data", "pgdata");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await copyPgliteTemplate(template, dataDir);
    const db = await PGlite.create(dataDir);
    await db.exec("CREATE TABLE kept (v int); INSERT INTO kept VALUES (7);");
    await db.close();
    const again = await PGlite.create(dataDir);
    try {
      expect((await again.query<{ v: number }>("SELECT v FROM kept")).rows).toEqual([{ v: 7 }]);
    } finally {
      await again.close();
    }
    expect(isPgliteTemplateValid(template)).toBe(true); // the template itself is untouched
  }, 180_000);

  it("gives a server data directory that the migration runner migrates and that reopens migrated", async () => {
    const dataDir = path.join(root, "server", "pgdata");
    const first = await openDatabase({ pgliteDir: dataDir });
    try {
      await migrateDatabase(first.sql);
    } finally {
      await first.close();
    }
    const second = await openDatabase({ pgliteDir: dataDir });
    try {
      expect(await migrateDatabase(second.sql)).toEqual([]);
      const rows = await second.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(rows[0]!.n).toBe(readMigrations().length);
    } finally {
      await second.close();
    }
  }, 240_000);
});

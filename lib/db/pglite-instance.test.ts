import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPglite, initPgliteDataDir, PGLITE_SETTINGS } from "./pglite-instance";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-pglite-instance-"));
  dirs.push(d);
  return d;
};

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the embedded database instance", () => {
  it("initialises a new data directory in a child process and opens it with the small settings", async () => {
    const dir = path.join(tempDir(), "pgdata");
    await initPgliteDataDir(dir);
    expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    const db = await createPglite(dir);
    try {
      for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
        const { rows } = await db.query<Record<string, string>>(`SHOW ${name}`);
        expect(Object.values(rows[0]!)[0]).toBe(value);
      }
    } finally {
      await db.close();
    }
  }, 120_000);

  it("keeps what was written across a reopen and never re-initialises an existing directory", async () => {
    const dir = path.join(tempDir(), "pgdata");
    const first = await createPglite(dir);
    await first.exec("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42);");
    await first.close();
    await initPgliteDataDir(dir);
    const second = await createPglite(dir);
    try {
      expect((await second.query<{ v: number }>("SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it("says which directory could not be initialised", async () => {
    const file = path.join(tempDir(), "not-a-directory");
    fs.writeFileSync(file, "x");
    await expect(initPgliteDataDir(path.join(file, "pgdata"))).rejects.toThrow(/not-a-directory/);
  });

  it("opens an in-memory database with the same settings", async () => {
    const db = await createPglite();
    try {
      const { rows } = await db.query<{ shared_buffers: string }>("SHOW shared_buffers");
      expect(rows[0]!.shared_buffers).toBe(PGLITE_SETTINGS.shared_buffers);
    } finally {
      await db.close();
    }
  }, 60_000);
});

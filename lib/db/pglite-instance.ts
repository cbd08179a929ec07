// The embedded database, sized for a small server. PGlite runs PostgreSQL in one WebAssembly memory that only
// grows (freed pages are never handed back), so what PostgreSQL touches once stays resident: its shared buffers
// are 32 MB instead of initdb's 128 MB (reads that miss them come from the OS page cache), and index builds
// get 16 MB. A fresh data directory is initialised (initdb) in a short-lived child process: PGlite's initdb
// runs a second PostgreSQL beside the first, and the ~450 MB it leaves in a process is never given back.
import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

/** PostgreSQL settings of every embedded database (on top of PGlite's own start parameters). */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "32MB",
  maintenance_work_mem: "16MB",
};

export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
}

// Run with `node --input-type=module -e`: argv[1] is the data directory, argv[2] the start parameters (JSON).
const INITDB_CHILD = `
const { PGlite } = await import("@electric-sql/pglite");
const db = await PGlite.create(process.argv[1], { startParams: JSON.parse(process.argv[2]) });
await db.close();
`;

/** Initialises a data directory that has no database yet, in a child process (see the header). */
export async function initPgliteDataDir(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return;
  fs.mkdirSync(dir, { recursive: true });
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", INITDB_CHILD, dir, JSON.stringify(pgliteStartParams())], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`initialising the embedded database in ${dir} failed${stderr ? `: ${stderr}` : ""}`, { cause: err });
  }
}

/** The embedded database persisted in `dir` (initialised first when new), or in memory without one. */
export async function createPglite(dir?: string): Promise<PGlite> {
  if (dir === undefined) return PGlite.create({ startParams: pgliteStartParams() });
  const abs = path.resolve(dir);
  await initPgliteDataDir(abs);
  return PGlite.create(abs, { startParams: pgliteStartParams() });
}

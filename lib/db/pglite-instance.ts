// The embedded database, sized for a small server. PGlite runs PostgreSQL in one WebAssembly memory that only
// grows (freed pages are never handed back), so what PostgreSQL touches once stays resident: its shared buffers
// are 16 MB instead of initdb's 128 MB (reads that miss them come from the OS page cache), and index builds
// get 16 MB. A fresh data directory is a copy of a template made once by initdb in a short-lived child process
// (pglite-template.ts): PGlite's initdb runs a second PostgreSQL beside the first, and the ~450 MB it leaves in
// a process is never given back.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "@/lib/env";
import { copyPgliteTemplate, ensurePgliteTemplate, initdbInChild } from "./pglite-template";

/** PostgreSQL settings of every embedded database (on top of PGlite's own start parameters). */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "16MB",
  maintenance_work_mem: "16MB",
};

export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
}

/**
 * Initialises a data directory that has no database yet: a copy of the cached template (pglite-template.ts),
 * or, with PGLITE_TEMPLATE=off or when the template cannot be made, initdb in a child process.
 */
export async function initPgliteDataDir(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return;
  const { PGLITE_TEMPLATE, PGLITE_TEMPLATE_CACHE } = env();
  if (PGLITE_TEMPLATE) {
    try {
      const template = await ensurePgliteTemplate({ cacheRoot: PGLITE_TEMPLATE_CACHE, startParams: pgliteStartParams() });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      await copyPgliteTemplate(template, dir);
      return;
    } catch (err) {
      console.warn(`[db] the embedded database template could not be used (${(err as Error).message}); initialising in place`);
    }
  }
  await initdbInChild(dir, pgliteStartParams());
}

/** The embedded database persisted in `dir` (initialised first when new), or in memory without one. */
export async function createPglite(dir?: string): Promise<PGlite> {
  if (dir === undefined) return PGlite.create({ startParams: pgliteStartParams() });
  const abs = path.resolve(dir);
  await initPgliteDataDir(abs);
  return PGlite.create(abs, { startParams: pgliteStartParams() });
}

// A PGlite template data directory: initdb runs once per PGlite version, in a child process (its WebAssembly
// memory goes with the child), into node_modules/.cache/iomt-ward/pglite-template-<version>/. A new embedded
// data directory is then a recursive copy of the template instead of a fresh initdb (seconds and a second
// PostgreSQL instance saved on every first start). The template is built in a temporary directory and renamed
// into place, with a manifest (version, every file and its size) so that a partial or damaged template is seen
// and rebuilt; concurrent makers each build their own temporary copy and the first rename wins.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const MANIFEST = "iomt-template-manifest.json";

type Manifest = { pgliteVersion: string; files: Record<string, number> };

export function pgliteVersion(): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  // the package's exports hide its package.json: walk up from its entry point
  for (let dir = path.dirname(require.resolve("@electric-sql/pglite")); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
  }
  throw new Error("the installed @electric-sql/pglite version was not found");
}

/** Where the template of the installed PGlite lives (`cacheRoot` overrides node_modules/.cache/iomt-ward). */
export function pgliteTemplateDir(cacheRoot?: string): string {
  const root = cacheRoot ? path.resolve(cacheRoot) : path.resolve("node_modules", ".cache", "iomt-ward");
  return path.join(root, `pglite-template-${pgliteVersion()}`);
}

function listFiles(dir: string): Record<string, number> {
  const files: Record<string, number> = {};
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) visit(r);
      else if (entry.isFile() && r !== MANIFEST) files[r.split(path.sep).join("/")] = fs.statSync(path.join(dir, r)).size;
    }
  };
  visit("");
  return files;
}

/** True when `dir` holds a complete template of the installed PGlite (every file of its manifest, same size). */
export function isPgliteTemplateValid(dir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
    if (manifest.pgliteVersion !== pgliteVersion() || !fs.existsSync(path.join(dir, "PG_VERSION"))) return false;
    const actual = listFiles(dir);
    const expected = Object.entries(manifest.files);
    if (expected.length === 0 || expected.length !== Object.keys(actual).length) return false;
    return expected.every(([file, size]) => actual[file] === size);
  } catch {
    return false;
  }
}

// Run with `node --input-type=module -e`: argv[1] is the data directory, argv[2] the start parameters (JSON).
const INITDB_CHILD = `
const { PGlite } = await import("@electric-sql/pglite");
const params = JSON.parse(process.argv[2]);
const db = await PGlite.create(process.argv[1], params.length ? { startParams: params } : {});
await db.close();
`;

/** Runs initdb for `dir` in a child Node process. */
export async function initdbInChild(dir: string, startParams: string[] = []): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", INITDB_CHILD, dir, JSON.stringify(startParams)], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`initialising the embedded database in ${dir} failed${stderr ? `: ${stderr}` : ""}`, { cause: err });
  }
}

/** The template directory, made (or remade when damaged) first. */
export async function ensurePgliteTemplate(opts: { cacheRoot?: string; startParams?: string[] } = {}): Promise<string> {
  const dir = pgliteTemplateDir(opts.cacheRoot);
  if (isPgliteTemplateValid(dir)) return dir;
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.tmp-${path.basename(dir)}-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  try {
    await initdbInChild(tmp, opts.startParams);
    const manifest: Manifest = { pgliteVersion: pgliteVersion(), files: listFiles(tmp) };
    fs.writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 1));
    if (isPgliteTemplateValid(dir)) return dir; // another maker finished first
    if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true }); // damaged
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      if (!isPgliteTemplateValid(dir)) throw err; // lost a race to a good template: fine
    }
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Makes data directory `dataDir` (which must not hold a database yet) a copy of the template. */
export async function copyPgliteTemplate(template: string, dataDir: string): Promise<void> {
  const tmp = `${dataDir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  try {
    await fs.promises.cp(template, tmp, { recursive: true, filter: (src) => path.basename(src) !== MANIFEST });
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir); // an empty directory only; a database is never overwritten
    fs.renameSync(tmp, dataDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

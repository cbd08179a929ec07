// `npm start` serves a production build. This builds it when there is none or when the sources changed
// since the last build (a hash of the source tree is kept beside the build).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(ROOT, ".next", "iomt-source-hash");

function hashTree(): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(p, name));
    } else {
      hash.update(path.relative(ROOT, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return hash.digest("hex");
}

const current = hashTree();
const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : null;
if (built === current) {
  console.log("[start] production build is up to date");
} else {
  console.log(
    built
      ? "[start] sources changed since the last build; rebuilding (a few minutes)…"
      : "[start] first start: building the app (a few minutes)…",
  );
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(STAMP, current);
  console.log(`[start] build finished in ${Math.round((Date.now() - started) / 1000)} s`);
}

// The embedded database's template (lib/db/pglite-template.ts), so that the first start copies it instead of
// running initdb. A failure here is only a warning: the server falls back to initdb.
if (!process.env.DATABASE_URL) {
  const { env } = await import("@/lib/env");
  const { PGLITE_TEMPLATE, PGLITE_TEMPLATE_CACHE } = env();
  if (PGLITE_TEMPLATE) {
    const { ensurePgliteTemplate } = await import("@/lib/db/pglite-template");
    const { pgliteStartParams } = await import("@/lib/db/pglite-instance");
    try {
      const started = Date.now();
      const dir = await ensurePgliteTemplate({ cacheRoot: PGLITE_TEMPLATE_CACHE, startParams: pgliteStartParams() });
      console.log(`[start] embedded database template ready in ${dir} (${Date.now() - started} ms)`);
    } catch (err) {
      console.warn(`[start] embedded database template not made (${(err as Error).message}); the server will run initdb`);
    }
  }
}

// `prisma generate` at install. Generation never runs the schema engine, but Prisma insists the engine
// binary exists and would download it from a host this project cannot assume is reachable; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file (node itself) satisfies the check offline.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath },
});
process.exit(result.status ?? 1);

// The real app for the browser bench: a production build (built with `npm run build` first when
// .next/BUILD_ID is missing), then `server.ts` in production mode on a free port, against the bench's
// database (a throwaway DATA_KEY), with the simulator off, the embedded broker on a free port and a temporary DATA_DIR.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, stopChild, waitForHealth } from "@/bench/support/child-server";

export type UiServer = { baseUrl: string; mqttUrl: string; stop(): Promise<void> };

/** Builds the app when there is no production build; says whether it did. */
export function ensureProductionBuild(log: (line: string) => void): void {
  if (fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  log("no production build (.next/BUILD_ID): running `npm run build` first (a few minutes)");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
}

type Health = { ok: boolean; mqtt: { url: string } | null };

export async function startUiServer(databaseUrl: string, log: (line: string) => void): Promise<UiServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-bench-ui-"));
  const output: string[] = [];
  const child = spawn("node", ["--import", "tsx", "--import", "./lib/runtime/server-only-hook.mjs", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SIMULATOR: "off",
      SEED_DEMO: "off",
      MQTT_PORT: "0",
      DATA_DIR: dataDir,
      // Production with DATABASE_URL wants the key that encrypts PHI at rest: a throwaway one per run.
      DATA_KEY: crypto.randomBytes(32).toString("base64"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const health = await waitForHealth<Health>(baseUrl, child, 180_000);
    if (!health.mqtt) throw new Error("the server reports no MQTT broker");
    log(`server on ${baseUrl} (pid ${child.pid}), broker ${health.mqtt.url}`);
    return { baseUrl, mqttUrl: health.mqtt.url, stop };
  } catch (err) {
    log(`server output (last lines):\n${output.join("").split("\n").slice(-30).join("\n")}`);
    await stop();
    throw err;
  }
}

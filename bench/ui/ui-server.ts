// The real app for the browser bench: a production build (built with `npm run build` first when
// .next/BUILD_ID is missing), then `server.ts` in production mode on a free port, against the bench's
// database (a throwaway DATA_KEY), with the simulator off, the embedded broker on a free port and a temporary DATA_DIR.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type UiServer = { baseUrl: string; mqttUrl: string; stop(): Promise<void> };

/** Builds the app when there is no production build; says whether it did. */
export function ensureProductionBuild(log: (line: string) => void): void {
  if (fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  log("no production build (.next/BUILD_ID): running `npm run build` first (a few minutes)");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

type Health = { ok: boolean; mqtt: { url: string } | null };

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before it was healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return (await res.json()) as Health;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s`);
}

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
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const health = await waitForHealth(baseUrl, child, 180_000);
    if (!health.mqtt) throw new Error("the server reports no MQTT broker");
    log(`server on ${baseUrl} (pid ${child.pid}), broker ${health.mqtt.url}`);
    return { baseUrl, mqttUrl: health.mqtt.url, stop };
  } catch (err) {
    log(`server output (last lines):\n${output.join("").split("\n").slice(-30).join("\n")}`);
    await stop();
    throw err;
  }
}

// The production server (server.ts, `npm start`'s second half) as a child process on the bench's
// PostgreSQL database, for the HTTP scenarios measured through the real server: Next, the proxy and the
// server's direct telemetry path exactly as deployed. The production build is made first when missing
// or stale (lib/runtime/ensure-build, as `npm start` does), which takes minutes the first time.
import "server-only";
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, stopChild, waitForHealth } from "@/bench/support/child-server";

export type RealServer = {
  url: string;
  /** CPU seconds the server process has used so far (Linux /proc; null elsewhere). */
  cpuSeconds(): number | null;
  /** The server's CPU cores between `fromMs` and `toMs` from now: a run's measuring window, so its
   *  frames per CPU-second count neither the warm-up's frames nor the idle tail after the load. */
  cpuCoresBetween(fromMs: number, toMs: number): Promise<number | null>;
  close(): Promise<void>;
};

function processCpuSeconds(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system clock ticks.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function cpuCoresBetween(pid: number | undefined, fromMs: number, toMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const cpu = processCpuSeconds(pid);
      const at = performance.now();
      setTimeout(() => {
        const after = processCpuSeconds(pid);
        resolve(cpu === null || after === null ? null : Math.round(((after - cpu) / ((performance.now() - at) / 1000)) * 100) / 100);
      }, toMs - fromMs);
    }, fromMs);
  });
}

const NODE_ARGS = ["--import", "tsx", "--import", "./lib/runtime/server-only-hook.mjs"];
const START_TIMEOUT_MS = 180_000;

export async function startRealServer(databaseUrl: string): Promise<RealServer> {
  if (process.env.BENCH_SERVER_BUILD !== "reuse")
    execFileSync(process.execPath, [...NODE_ARGS, "lib/runtime/ensure-build.ts"], { stdio: "inherit" });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-bench-server-"));
  const logs: string[] = [];
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...NODE_ARGS, "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DATA_KEY: crypto.randomBytes(32).toString("base64"),
      SEED_DEMO: "off",
      SIMULATOR: "off",
      MQTT_PORT: "0",
      MQTT_URL: "",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => void (logs.length < 200 && logs.push(b.toString()));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, START_TIMEOUT_MS);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}\n${logs.join("")}`);
  }
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid),
    cpuCoresBetween: (fromMs, toMs) => cpuCoresBetween(child.pid, fromMs, toMs),
    async close() {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

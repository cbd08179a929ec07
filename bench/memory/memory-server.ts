// The server bench:memory measures, started exactly as `npm start` starts it (the node flags and environment of
// package.json's start script, in production mode) with a fresh DATA_DIR in a temporary folder, on free ports,
// plus a preloaded reporter of the process's own heap figures (usage-reporter.mjs). It watches the log for the
// banner (start-up done) and for the simulator's "uploaded its last …" lines (the start-up backfill).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, stopChild } from "@/bench/support/child-server";

export type HeapReport = { heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

export type MemoryServer = {
  pid: number;
  /** True once the start banner is printed (database, seed, Next and simulator are up). */
  started(): boolean;
  /** Devices the banner says the simulator drives with a backfill (monitors + pumps and loggers). */
  backfillDevices(): number;
  /** "uploaded its last …" lines so far, and when the last one came. */
  uploads(): { count: number; lastAtMs: number | null };
  lastHeap(): HeapReport | null;
  exited(): boolean;
  tail(lines: number): string;
  stop(): Promise<void>;
};

/** The node arguments and environment of package.json's start script (its last `&&` step). */
export function startCommand(script: string): { env: Record<string, string>; args: string[] } {
  const step = script.split("&&").at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (step[0] && /^[A-Z_]+=/.test(step[0])) {
    const [k, ...v] = step.shift()!.split("=");
    env[k!] = v.join("=");
  }
  if (step.shift() !== "node") throw new Error(`the start script does not end with a node command: ${script}`);
  return { env, args: step };
}

// What the bench's own shell sets must not change which database, broker or mode the server runs with.
const RUN_SHAPING = [
  "DATABASE_URL",
  "MQTT_URL",
  "REDIS_URL",
  "SIMULATOR",
  "SEED_DEMO",
  "DATA_KEY",
  "DATA_DIR",
  "PORT",
  "TLS",
  "PGLITE_TEMPLATE",
];

function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of RUN_SHAPING) delete env[k];
  return env;
}

export async function startMemoryServer(extraEnv: Record<string, string>): Promise<MemoryServer> {
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const cmd = startCommand(pkg.scripts.start!);
  const script = cmd.args.at(-1)!;
  const snapshot = process.env.MEMORY_BENCH_HEAPSNAPSHOT === "1" ? ["--heapsnapshot-signal=SIGUSR2"] : [];
  const extra = (process.env.MEMORY_BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const nodeArgs = [...extra, ...cmd.args.slice(0, -1), ...snapshot, "--import", "./bench/memory/usage-reporter.mjs", script];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-bench-memory-"));
  const child: ChildProcess = spawn(process.execPath, nodeArgs, {
    env: { ...inheritedEnv(), ...cmd.env, PORT: String(await freePort()), MQTT_PORT: "0", DATA_DIR: dataDir, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  let banner = false;
  let devices = 0;
  let uploads = 0;
  let lastUploadAt: number | null = null;
  let heap: HeapReport | null = null;
  const onLine = (line: string) => {
    if (line.startsWith("[bench-memory] ")) {
      heap = JSON.parse(line.slice(15)) as HeapReport;
      return;
    }
    log.push(line);
    if (log.length > 300) log.shift();
    const sim = /Simulator\s+(\d+) bedside monitors, (\d+) pumps/.exec(line);
    if (sim) devices = Number(sim[1]) + Number(sim[2]);
    if (/Simulator\s/.test(line)) banner = true;
    if (/uploaded its last/.test(line)) {
      uploads++;
      lastUploadAt = Date.now();
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = "";
    stream.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split("\n");
      buf = lines.pop()!;
      lines.forEach(onLine);
    });
  }
  return {
    pid: child.pid!,
    started: () => banner,
    backfillDevices: () => devices,
    uploads: () => ({ count: uploads, lastAtMs: lastUploadAt }),
    lastHeap: () => heap,
    exited: () => child.exitCode !== null,
    tail: (n) => log.slice(-n).join("\n"),
    async stop() {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

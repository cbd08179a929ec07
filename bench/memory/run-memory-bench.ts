// bench:memory: the resident memory of the one-command demo server (`npm start` with nothing configured: embedded
// PGlite, embedded broker, simulator with its 24 h start-up backfill), sampled every 250 ms over the whole process
// tree through start-up, the backfill and an idle window after it, beside the same server on PostgreSQL (the
// database server's own memory is not counted there: it is the baseline for "everything but the embedded
// database"). Needs a production build (made first when missing).
// The PGlite demo copies the cached initdb template (lib/db/pglite-template.ts, made here first as `npm start`
// makes it); `pglite-no-template` is the same first start with PGLITE_TEMPLATE=off (initdb in a child process).
// MEMORY_BENCH_RUNS=pglite,pglite-no-template,postgres (default all three), MEMORY_BENCH_IDLE_S (default 60),
// MEMORY_BENCH_HEAPSNAPSHOT=1 writes a heap snapshot of each server at the end of its idle window;
// MEMORY_BENCH_NODE_ARGS adds node flags to the server's (to try a V8 setting before putting it in `npm start`).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { ensureProductionBuild } from "@/bench/ui/ui-server";
import { createScratchPostgresDatabase } from "@/bench/support/scratch-database";
import { ensurePgliteTemplate } from "@/lib/db/pglite-template";
import { pgliteStartParams } from "@/lib/db/pglite-instance";
import { cpuSecondsOf, sampleTree } from "./process-memory";
import { startMemoryServer, type HeapReport } from "./memory-server";
import { mib, phaseFigures, ratio, type MemorySample } from "./memory-stats";

const SAMPLE_MS = 250;
const IDLE_MS = Number(process.env.MEMORY_BENCH_IDLE_S ?? 60) * 1000;
/** The backfill is over when every backfilling device has reported its upload and nothing more came for this long. */
const BACKFILL_QUIET_MS = 15_000;
const BACKFILL_MAX_MS = 10 * 60_000;
const START_MAX_MS = 10 * 60_000;

type Sample = MemorySample & { heap: HeapReport | null };
type RunResult = {
  label: string;
  samples: Sample[];
  backfillMs: number;
  /** The server's CPU seconds over the backfill: what a memory setting costs in work for the same demo. */
  backfillCpuS: number;
  backfillComplete: boolean;
  processes: number;
};

const log = (line: string) => console.log(`[bench:memory] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(label: string, env: Record<string, string>): Promise<RunResult> {
  log(`${label}: starting the server…`);
  const server = await startMemoryServer(env);
  const samples: Sample[] = [];
  let backfillStartedAt: number | null = null;
  let backfillEndedAt: number | null = null;
  let cpuAtBackfillStart = 0;
  let cpuAtBackfillEnd = 0;
  let maxProcesses = 0;
  try {
    for (;;) {
      const now = Date.now();
      if (server.exited()) throw new Error(`the server exited:\n${server.tail(30)}`);
      const phase: Sample["phase"] = !server.started() ? "start" : backfillEndedAt === null ? "backfill" : "idle";
      if (phase === "start" && samples.length * SAMPLE_MS > START_MAX_MS) throw new Error(`no start banner:\n${server.tail(30)}`);
      if (phase === "backfill") {
        if (backfillStartedAt === null) {
          backfillStartedAt = now;
          cpuAtBackfillStart = cpuSecondsOf(server.pid) ?? 0;
        }
        const u = server.uploads();
        const quiet = u.lastAtMs !== null && now - u.lastAtMs >= BACKFILL_QUIET_MS;
        if ((u.count >= server.backfillDevices() && quiet) || now - backfillStartedAt > BACKFILL_MAX_MS) {
          backfillEndedAt = now;
          cpuAtBackfillEnd = cpuSecondsOf(server.pid) ?? 0;
        }
      }
      if (phase === "idle" && now - backfillEndedAt! >= IDLE_MS) break;
      const t = sampleTree(server.pid);
      maxProcesses = Math.max(maxProcesses, t.processes);
      samples.push({ atMs: now, phase, rssBytes: t.rssBytes, wasmBytes: t.wasmBytes, heap: server.lastHeap() });
      await sleep(SAMPLE_MS);
    }
    if (process.env.MEMORY_BENCH_HEAPSNAPSHOT === "1") log(`${label}: heap snapshot ${await writeHeapSnapshot(server.pid)}`);
    const u = server.uploads();
    const complete = u.count >= server.backfillDevices();
    log(`${label}: ${u.count} uploads of ${server.backfillDevices()} backfilling devices seen${complete ? "" : " (incomplete)"}`);
    return {
      label,
      samples,
      backfillMs: backfillEndedAt! - backfillStartedAt!,
      backfillCpuS: cpuAtBackfillEnd - cpuAtBackfillStart,
      backfillComplete: complete,
      processes: maxProcesses,
    };
  } finally {
    await server.stop();
  }
}

/** Signals the server to write a heap snapshot into its working directory; resolves with the file once complete. */
async function writeHeapSnapshot(pid: number): Promise<string> {
  const before = new Set(fs.readdirSync("."));
  process.kill(pid, "SIGUSR2");
  let last = -1;
  for (let i = 0; i < 240; i++) {
    await sleep(1000);
    const file = fs.readdirSync(".").find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!file) continue;
    const size = fs.statSync(file).size;
    if (size > 0 && size === last) return path.resolve(file);
    last = size;
  }
  return "not written within 4 min";
}

async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createScratchPostgresDatabase("iomt_bench_mem");
  try {
    return await fn(scratch.url);
  } finally {
    await scratch.drop();
  }
}

function atPeak(samples: Sample[], phase: Sample["phase"]): Sample | undefined {
  return samples.filter((s) => s.phase === phase).reduce<Sample | undefined>((a, s) => (!a || s.rssBytes > a.rssBytes ? s : a), undefined);
}

function report(r: RunResult): { backfillPeak: number; idle: number } {
  const start = phaseFigures(r.samples, "start");
  const backfill = phaseFigures(r.samples, "backfill");
  const idle = phaseFigures(r.samples, "idle");
  const wasmIdle = phaseFigures(r.samples, "idle", (s) => s.wasmBytes);
  const wasmPeak = Math.max(...r.samples.map((s) => s.wasmBytes ?? 0));
  const idleHeap = r.samples.filter((s) => s.phase === "idle").at(-1)?.heap;
  const peakHeap = atPeak(r.samples, "backfill")?.heap;
  const h = (x: HeapReport | null | undefined) =>
    x
      ? `JS heap ${mib(x.heapUsed)} used of ${mib(x.heapTotal)}, external ${mib(x.external)} (array buffers ${mib(x.arrayBuffers)})`
      : "n/a";
  console.log(`\n${r.label} (${r.processes} process${r.processes > 1 ? "es" : ""} in the tree at most)`);
  console.log(`  start-up peak      ${mib(start.peakBytes)}   (database, seed, Next, until the banner)`);
  console.log(
    `  backfill peak      ${mib(backfill.peakBytes)}   over ${Math.round(r.backfillMs / 1000)} s (server CPU ${r.backfillCpuS.toFixed(1)} s)${r.backfillComplete ? "" : " (not every device reported its upload)"}; at the peak: ${h(peakHeap)}`,
  );
  console.log(
    `  idle median        ${mib(idle.medianBytes)}   (peak ${mib(idle.peakBytes)}, ${idle.samples} samples over ${IDLE_MS / 1000} s)`,
  );
  console.log(`  idle breakdown     WebAssembly memory ${mib(wasmIdle.medianBytes)} (peak ${mib(wasmPeak)}); ${h(idleHeap)}`);
  return { backfillPeak: Math.max(start.peakBytes, backfill.peakBytes), idle: idle.medianBytes };
}

async function main() {
  ensureProductionBuild(log);
  const runs = (process.env.MEMORY_BENCH_RUNS ?? "pglite,pglite-no-template,postgres").split(",");
  log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, ${os.cpus().length} cores`,
  );
  const results: RunResult[] = [];
  if (runs.includes("pglite")) {
    const template = await ensurePgliteTemplate({ startParams: pgliteStartParams() });
    log(`PGlite template: ${template}`);
    results.push(await measure("PGlite demo (`npm start`, nothing configured)", {}));
  }
  const noTemplate = runs.includes("pglite-no-template")
    ? report(await measure("PGlite demo without the template (PGLITE_TEMPLATE=off: initdb on first start)", { PGLITE_TEMPLATE: "off" }))
    : null;
  if (runs.includes("postgres")) {
    results.push(
      await withPostgresDatabase((url) =>
        measure("PostgreSQL demo (baseline: same server and simulator, database outside the tree)", {
          DATABASE_URL: url,
          SEED_DEMO: "1",
          SIMULATOR: "on",
          DATA_KEY: crypto.randomBytes(32).toString("base64"),
        }),
      ),
    );
  }
  const figures = results.map(report);
  console.log("");
  if (figures.length === 2) {
    console.log(
      `PGlite / PostgreSQL: peak ${ratio(figures[0]!.backfillPeak, figures[1]!.backfillPeak)}, idle ${ratio(figures[0]!.idle, figures[1]!.idle)}`,
    );
  }
  if (noTemplate && runs.includes("pglite")) {
    console.log(
      `PGlite template / no template: peak ${ratio(figures[0]!.backfillPeak, noTemplate.backfillPeak)}, idle ${ratio(figures[0]!.idle, noTemplate.idle)}`,
    );
  }
  if (runs.includes("pglite")) {
    const f = figures[0]!;
    const ok = (v: number, goal: number) => (v <= goal * 2 ** 20 ? "met" : "NOT met");
    console.log(
      `goal (PGlite demo): peak ≤ 600 MiB: ${mib(f.backfillPeak)}, ${ok(f.backfillPeak, 600)}; idle ≤ 400 MiB: ${mib(f.idle)}, ${ok(f.idle, 400)}`,
    );
  }
  log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);

// `npm run bench:ingest`: the ingest benchmark. For PGlite (temporary directory) and PostgreSQL (a fresh
// database), each in its own process, it starts the embedded broker, the telemetry route and Socket.IO
// in-process (no Next), forks a load generator with one MQTT client identity per device, and measures:
// sustained frames/s and values/s over MQTT (QoS 1) and HTTP, publish → durable commit (PUBACK / 202)
// and publish → Socket.IO latency, a 500 devices × 1 Hz latency run, HTTP through the production server
// (server.ts as a child process, keep-alive connections; PostgreSQL only) beside that server's
// /api/health rate, peak RSS, and the raw ceiling (the same rows through a plain batched unnest insert
// loop), measured again before each round of a throughput scenario: the ratio reported is the median
// round's, with the rounds' range. On PostgreSQL it also runs the MQTT flood through the broker on its
// worker thread and through the inline broker in the same rounds, alternated, and prints the main thread's
// µs per frame and event-loop utilisation of each, as ratios. Prints a summary, writes bench-results/ingest.json.
// Environment: BENCH_DEVICES (500), BENCH_DATABASES ("pglite,postgres"), BENCH_SCENARIOS (all), BENCH_DATABASE_URL,
// BENCH_ROUNDS (3), BENCH_CEILING_MS (3000), BENCH_SERVER ("off": skip the scenarios through the real server),
// BENCH_SERVER_BUILD ("reuse": use the production build as it is), BENCH_HTTP_CONNECTIONS (200).
import "server-only";
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runKind, type BenchKind, type KindReport } from "./bench-kind";
import { round } from "./bench-stats";

// The flood scenarios push each device far faster than a real one; the per-device rate limit would
// measure itself rather than ingest, so the bench raises it unless told otherwise.
process.env.INGEST_RATE_PER_SEC ||= "100000";
process.env.INGEST_RATE_BURST ||= "100000";

const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const KINDS = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",").map((k) => k.trim()) as BenchKind[];
const ONE_KIND = process.env.BENCH_ONE_KIND as BenchKind | undefined;

function runKindInChild(kind: BenchKind): Promise<KindReport> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_ONE_KIND: kind },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let report: KindReport | null = null;
    child.on("message", (m: KindReport) => (report = m));
    child.once("exit", (code) => (report ? resolve(report) : reject(new Error(`${kind} run failed (exit ${code})`))));
  });
}

function verdicts(reports: KindReport[]) {
  const pg = reports.find((r) => r.database === "postgres");
  const lite = reports.find((r) => r.database === "pglite");
  const mqtt = (r: KindReport | undefined) => r?.scenarios.find((s) => s.name === "mqtt-throughput");
  const latency = reports.flatMap((r) => r.scenarios.filter((s) => s.name === "mqtt-500x1Hz"));
  const serverHttp = pg?.scenarios.find((s) => s.name === "server-http-1");
  return {
    "postgres ≥ 5,000 frames/s": pg ? (mqtt(pg)?.framesPerSec ?? 0) >= 5000 : null,
    "postgres ≥ 15,000 frames/s over MQTT (median of the rounds)": pg ? median(mqtt(pg)?.roundRates ?? [0]) >= 15000 : null,
    "postgres ≥ 0.5 × raw ceiling": pg ? (mqtt(pg)?.ratioOfRawCeiling ?? 0) >= 0.5 : null,
    "postgres HTTP through the real server ≥ 3,000 frames/s (one frame per request)": serverHttp ? serverHttp.framesPerSec >= 3000 : null,
    "pglite ≥ 2,000 frames/s": lite ? (mqtt(lite)?.framesPerSec ?? 0) >= 2000 : null,
    "p99 publish→Socket.IO ≤ 250 ms at 500 × 1 Hz": latency.length ? latency.every((s) => (s.live?.p99 ?? Infinity) <= 250) : null,
    "peak RSS ≤ 1 GiB": reports.every((r) => r.peakRssMiB <= 1024),
    "no acknowledged frame missing": reports.every((r) => r.scenarios.every((s) => s.probe || s.storedFrames >= s.acked)),
  };
}

/** "0.74 (0.70–0.81, 3 rounds)": the median ratio with the rounds' range. */
function spread(s: { ratioOfRawCeiling: number | null; roundRatios: number[] }): string {
  if (s.ratioOfRawCeiling === null) return "–";
  if (s.roundRatios.length < 2) return String(s.ratioOfRawCeiling);
  return `${s.ratioOfRawCeiling} (${Math.min(...s.roundRatios)}–${Math.max(...s.roundRatios)}, ${s.roundRatios.length} rounds)`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** "×0.55 (0.52–0.58, 3 rounds)": the median of the per-round ratios, with their range. */
function ratioSpread(app: number[], base: number[]): string {
  const ratios = app.map((a, i) => round(a / Math.max(1e-9, base[i] ?? 0), 2));
  const range = ratios.length > 1 ? ` (${Math.min(...ratios)}–${Math.max(...ratios)}, ${ratios.length} rounds)` : "";
  return `×${median(ratios)}${range}`;
}

/** The main thread of a scenario against its baseline's, round by round (the worker thread vs inline broker). */
function printMainThread(database: string, s: KindReport["scenarios"][number]): void {
  const base = s.baseline?.roundMainThread ?? [];
  if (!s.baseline || base.length !== s.roundMainThread.length || base.length === 0) return;
  const us = (m: { usPerFrame: number }[]) => m.map((x) => x.usPerFrame);
  const loop = (m: { eventLoop: number }[]) => m.map((x) => x.eventLoop);
  const pct = (xs: number[]) => `${Math.round(median(xs) * 100)} %`;
  console.log(
    `${database}: ${s.name} vs ${s.baseline.name}, main thread: ${median(us(s.roundMainThread))} vs ${median(us(base))} µs/frame = ${ratioSpread(us(s.roundMainThread), us(base))}; ` +
      `event loop ${pct(loop(s.roundMainThread))} vs ${pct(loop(base))} busy = ${ratioSpread(loop(s.roundMainThread), loop(base))}`,
  );
}

function printSummary(result: {
  devices: number;
  durationSec: number;
  machine: { cpus: number };
  results: KindReport[];
  targets: Record<string, boolean | null>;
}) {
  console.log(`\nIngest benchmark · ${result.devices} devices · ${result.machine.cpus} CPUs · ${result.durationSec} s`);
  for (const r of result.results) {
    console.log(
      `\n${r.database}: raw ceiling (median round) ${r.rawCeiling.framesPerSec} frames/s · peak RSS ${r.peakRssMiB} MiB (JS heap ${r.memory.heapUsedMiB}, external/WASM ${r.memory.externalMiB})`,
    );
    for (const s of r.scenarios) {
      console.log(
        `  ${s.name.padEnd(16)} ${String(s.framesPerSec).padStart(6)} frames/s ${String(s.valuesPerSec).padStart(7)} values/s` +
          `  ×ceiling ${spread(s)}${s.roundRates.length > 1 ? `  rounds ${s.roundRates.join(", ")} frames/s (median ${median(s.roundRates)})` : ""}  commit p50/p99 ${s.commit.p50}/${s.commit.p99} ms  live p50/p99 ${s.live?.p50 ?? "–"}/${s.live?.p99 ?? "–"} ms`,
      );
    }
  }
  for (const r of result.results)
    for (const s of r.scenarios.filter((x) => x.baseline)) {
      const b = s.baseline!;
      const range =
        b.roundRatios.length > 1 ? ` (${Math.min(...b.roundRatios)}–${Math.max(...b.roundRatios)}, ${b.roundRatios.length} rounds)` : "";
      console.log(`\n${r.database}: ${s.name} ${s.framesPerSec} frames/s = ${b.ratio}${range} × ${b.name} (${b.roundRates.join(", ")} /s)`);
      printMainThread(r.database, s);
    }
  console.log("\nTargets:");
  for (const [k, v] of Object.entries(result.targets)) console.log(`  ${v === null ? "–" : v ? "✓" : "✗"} ${k}`);
  console.log("\nWritten to bench-results/ingest.json");
}

async function main() {
  if (ONE_KIND) {
    const report = await runKind(ONE_KIND, DEVICES);
    if (process.send) process.send(report, () => process.exit(0));
    else process.exit(0);
    return;
  }
  const started = Date.now();
  const reports: KindReport[] = [];
  for (const kind of KINDS) reports.push(await runKindInChild(kind));
  const result = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    devices: DEVICES,
    durationSec: round((Date.now() - started) / 1000, 0),
    results: reports,
    targets: verdicts(reports),
  };
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", "ingest.json"), `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result);
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});

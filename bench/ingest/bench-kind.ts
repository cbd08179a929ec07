// One database kind of the ingest benchmark, run in its own process so its peak RSS is its own:
// seed, then run the MQTT and HTTP scenarios through the load generator, each throughput scenario in
// rounds that alternate a short raw-ceiling run with the app's run (bench-plan.ts), and check that every
// acknowledged frame is in the database. A scenario reports its median round and the ratios' spread.
import "server-only";
import { performance } from "node:perf_hooks";
import { setDatabase as installDatabase } from "@/lib/db/database";
import { getObservationWriter } from "@/lib/ingest/accept-telemetry";
import { createBenchDatabase, type BenchDatabase } from "./bench-database";
import { startBenchApp } from "./bench-app";
import { measureRawCeiling, type RawCeiling } from "./raw-ceiling";
import { round, sleep, startRssSampler, type MemoryPeaks } from "./bench-stats";
import { LoadGenerator } from "./load-generator-client";
import type { LoadResult } from "./bench-protocol";
import { CEILING_MS, ingestPlan, type ScenarioCommand } from "./bench-plan";
import { startRealServer, type RealServer } from "./real-server";

export type BenchKind = "pglite" | "postgres";
export type ScenarioReport = LoadResult & {
  valuesPerSec: number;
  /** The median round's ratio of the app's frames/s to the raw ceiling measured just before it. */
  ratioOfRawCeiling: number | null;
  /** Every round's ratio, in run order (the spread), and the ceilings they were measured against. */
  roundRatios: number[];
  roundCeilings: number[];
  /** Every round's frames/s, in run order (a frames/s goal is judged on their median). */
  roundRates: number[];
  storedFrames: number;
  /** A baseline of requests, not frames (server-health): nothing is stored. */
  probe: boolean;
  /** Through the real server: the server process's CPU cores during the scenario. */
  serverCpuCores?: number;
  /** With a baseline run before each round (bench-plan): its name, rate per round and the median ratio to it. */
  baseline: { name: string; roundRates: number[]; roundRatios: number[]; ratio: number; roundMainThread: MainThread[] } | null;
  /** The main thread in each round (in run order). */
  roundMainThread: MainThread[];
  /** The app process during the scenario: CPU cores used and event-loop utilisation (0–1). */
  appCpuCores: number;
  appEventLoopUtilization: number;
};
/** The main thread over a run: busy time (event loop not idle) per acknowledged frame, and utilisation (0–1). */
export type MainThread = { usPerFrame: number; eventLoop: number };

export type KindReport = {
  database: BenchKind;
  /** The median of every ceiling round. */
  rawCeiling: RawCeiling;
  scenarios: ScenarioReport[];
  peakRssMiB: number;
  memory: MemoryPeaks;
};

const VALUES_PER_FRAME = 6;
/**
 * Each scenario gets its own seq range, increasing in plan order: frames never collide, and seq keeps
 * rising per device as the contract requires (a lower seq is taken for a redelivery and not shown live).
 */
const SEQ_RANGE = 10_000_000;

async function storedFrames(bench: BenchDatabase, startSeq: number): Promise<number> {
  const rows = await bench.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE seq >= $1 AND seq < $2`, [
    startSeq,
    startSeq + SEQ_RANGE,
  ]);
  return rows[0]?.n ?? 0;
}

/** Runs a load and measures this process's main thread over it. */
async function measuredRun(load: LoadGenerator, cmd: ScenarioCommand): Promise<{ result: LoadResult; main: MainThread }> {
  const elu = performance.eventLoopUtilization();
  const result = await load.run(cmd);
  const d = performance.eventLoopUtilization(elu);
  return { result, main: { usPerFrame: round((d.active * 1000) / Math.max(1, result.acked), 1), eventLoop: round(d.utilization, 2) } };
}

async function runScenario(
  load: LoadGenerator,
  bench: BenchDatabase,
  cmd: ScenarioCommand,
  ceiling: number | null,
): Promise<ScenarioReport> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { result, main } = await measuredRun(load, cmd);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await (await getObservationWriter()).drain();
  const ratio = ceiling ? round(result.framesPerSec / ceiling, 2) : null;
  return {
    ...result,
    valuesPerSec: result.framesPerSec * VALUES_PER_FRAME,
    ratioOfRawCeiling: ratio,
    roundRatios: ratio === null ? [] : [ratio],
    roundCeilings: ceiling === null ? [] : [ceiling],
    roundRates: [result.framesPerSec],
    storedFrames: await storedFrames(bench, cmd.startSeq),
    probe: cmd.cmd === "http" && cmd.probe !== undefined,
    baseline: null,
    appCpuCores: round((used.user + used.system) / 1000 / wallMs, 2),
    appEventLoopUtilization: main.eventLoop,
    roundMainThread: [main],
  };
}

/** The round with the median ratio (or frames/s), carrying every round's ratio and the frames of all. */
function medianRound(rounds: { report: ScenarioReport; ceiling: number | null }[]): ScenarioReport {
  const key = (r: ScenarioReport) => r.ratioOfRawCeiling ?? r.framesPerSec;
  const sorted = [...rounds].sort((a, b) => key(a.report) - key(b.report));
  const median = sorted[Math.floor(sorted.length / 2)]!.report;
  const baselines = rounds.flatMap((r) => (r.report.baseline ? [r.report.baseline] : []));
  const baselineRatios = baselines.flatMap((b) => b.roundRatios);
  return {
    ...median,
    baseline: baselines.length
      ? {
          name: baselines[0]!.name,
          roundRates: baselines.flatMap((b) => b.roundRates),
          roundRatios: baselineRatios,
          roundMainThread: baselines.flatMap((b) => b.roundMainThread),
          ratio: [...baselineRatios].sort((x, y) => x - y)[Math.floor(baselineRatios.length / 2)]!,
        }
      : null,
    roundRatios: rounds.flatMap((r) => r.report.roundRatios),
    roundCeilings: rounds.flatMap((r) => r.report.roundCeilings),
    roundRates: rounds.flatMap((r) => r.report.roundRates),
    roundMainThread: rounds.flatMap((r) => r.report.roundMainThread),
    acked: rounds.reduce((n, r) => n + r.report.acked, 0),
    storedFrames: rounds.reduce((n, r) => n + r.report.storedFrames, 0),
  };
}

function printScenario(report: ScenarioReport, rss: ReturnType<typeof startRssSampler>, app: { recoveryBufferPackets(): number }) {
  console.log(
    `   ${report.framesPerSec} frames/s${report.ratioOfRawCeiling === null ? "" : ` (×ceiling ${report.ratioOfRawCeiling})`} · commit p50 ${report.commit.p50} ms p99 ${report.commit.p99} ms · live p50 ${report.live?.p50 ?? "–"} ms p99 ${report.live?.p99 ?? "–"} ms · acked ${report.acked} stored ${report.storedFrames}` +
      (Object.keys(report.errors).length ? ` · errors ${JSON.stringify(report.errors)}` : ""),
  );
  if (report.baseline) console.log(`   ×${report.baseline.name} ${report.baseline.ratio}`);
  const main = report.roundMainThread[0];
  const baseMain = report.baseline?.roundMainThread[0];
  if (main && baseMain)
    console.log(
      `   main thread ${main.usPerFrame} µs/frame, event loop ${Math.round(main.eventLoop * 100)} % · ${report.baseline!.name} ${baseMain.usPerFrame} µs/frame, ${Math.round(baseMain.eventLoop * 100)} %`,
    );
  // On a shared machine the server gets what CPU is left: frames per CPU-second it used is the steadier figure.
  if (report.serverCpuCores !== undefined)
    console.log(
      `   server process: ${report.serverCpuCores} CPU cores, ${report.serverCpuCores > 0 ? Math.round(report.framesPerSec / report.serverCpuCores) : "–"} frames per CPU-second`,
    );
  console.log(`   app: ${report.appCpuCores} CPU cores, event loop ${Math.round(report.appEventLoopUtilization * 100)} % busy`);
  console.log(`   load generator: ${report.loadGeneratorCpuCores} CPU cores · live events received ${report.live?.count ?? "–"}`);
  console.log(`   memory peaks so far: ${JSON.stringify(rss.peaks())} · Socket.IO recovery buffer: ${app.recoveryBufferPackets()} packets`);
  if (!report.probe && report.storedFrames < report.acked)
    console.log(`   !! ${report.acked - report.storedFrames} acknowledged frames are not in the database`);
}

export async function runKind(kind: BenchKind, devices: number): Promise<KindReport> {
  const rss = startRssSampler();
  console.log(`\n── ${kind}: seeding ${devices} devices …`);
  const bench = await createBenchDatabase(kind, devices);
  installDatabase(bench.db);
  const app = await startBenchApp(kind);
  const load = await LoadGenerator.start();
  // BENCH_VIEWER=off runs without the Socket.IO viewer, to see what live fan-out costs.
  const socket = process.env.BENCH_VIEWER === "off" ? undefined : { url: app.httpUrl, token: bench.adminToken, wardIds: bench.wardIds };
  const scenarios: ScenarioReport[] = [];
  const ceilings: RawCeiling[] = [];
  // Every run (ceiling or app) takes the next seq range, so seq keeps rising per device in run order.
  let range = 0;
  const nextRange = () => ++range * SEQ_RANGE;
  const rows = bench.devices.map((d, i) => ({ id: d.id, patientId: bench.patientIds[i]! }));
  // The real server needs PostgreSQL (PGlite is one process's); BENCH_SERVER=off leaves it out.
  let server: RealServer | null = null;
  let serverFailed = false;
  const serverTarget =
    bench.url && process.env.BENCH_SERVER !== "off"
      ? { url: () => server?.url ?? "", socket: () => (socket && server ? { ...socket, url: server.url } : undefined) }
      : null;
  try {
    for (const planned of ingestPlan(app, bench.devices, socket, serverTarget, kind === "postgres")) {
      if (planned.target === "server" && serverFailed) continue;
      if (planned.target === "server" && !server) {
        console.log(`── ${kind}: starting the production server (server.ts) on the bench database …`);
        // A build or start that fails leaves the server's scenarios out (reported), not the whole run.
        server = await startRealServer(bench.url!).catch((err: Error) => {
          console.log(`   !! the production server did not start; its scenarios are left out: ${err.message}`);
          serverFailed = true;
          return null;
        });
        if (!server) continue;
      }
      const rounds: { report: ScenarioReport; ceiling: number | null }[] = [];
      for (let r = 0; r < planned.rounds; r++) {
        let ceiling: number | null = null;
        if (planned.rounds > 1) {
          const c = await measureRawCeiling(bench.db.sql, rows, nextRange(), CEILING_MS);
          ceilings.push(c);
          ceiling = c.framesPerSec;
        }
        const runBaseline = async (make: (startSeq: number) => ScenarioCommand) => {
          const b = await measuredRun(load, make(nextRange()));
          return { name: b.result.name, rate: b.result.framesPerSec, main: b.main };
        };
        // Alternating: every second round runs the baseline after the app, so drift favours neither.
        const baselineAfter = planned.alternate === true && r % 2 === 1;
        let baseline = planned.baseline && !baselineAfter ? await runBaseline(planned.baseline) : null;
        const cmd = planned.make(nextRange());
        console.log(
          `── ${kind}: ${cmd.name}${planned.rounds > 1 ? ` round ${r + 1}/${planned.rounds} (ceiling ${ceiling} frames/s)` : ""}${baseline ? ` (${baseline.name} ${baseline.rate}/s)` : ""} …`,
        );
        // The server's CPU over the same window as the frames counted (after the warm-up, before the tail).
        const serverCpu = planned.target === "server" ? server!.cpuCoresBetween(cmd.warmupMs, cmd.warmupMs + cmd.durationMs) : null;
        const report = await runScenario(load, bench, cmd, ceiling);
        const serverCores = await serverCpu;
        if (serverCores !== null && serverCores !== undefined) report.serverCpuCores = serverCores;
        if (planned.baseline && baselineAfter) baseline = await runBaseline(planned.baseline);
        if (baseline) {
          const ratio = round(report.framesPerSec / Math.max(1, baseline.rate), 2);
          report.baseline = {
            name: baseline.name,
            roundRates: [baseline.rate],
            roundRatios: [ratio],
            ratio,
            roundMainThread: [baseline.main],
          };
        }
        rounds.push({ report, ceiling });
        printScenario(report, rss, app);
        await sleep(500);
      }
      scenarios.push(medianRound(rounds));
    }
    const ceilingRates = ceilings.map((c) => c.framesPerSec).sort((a, b) => a - b);
    const medianCeiling = ceilings.find((c) => c.framesPerSec === ceilingRates[Math.floor(ceilingRates.length / 2)]) ?? {
      framesPerSec: 0,
      valuesPerSec: 0,
      batches: 0,
      batchFrames: 0,
    };
    const rawCeiling = medianCeiling;
    const memory = rss.peaks();
    rss.stop();
    return { database: kind, rawCeiling, scenarios, peakRssMiB: memory.rssMiB, memory };
  } finally {
    await server?.close();
    load.stop();
    await app.close();
    await (await getObservationWriter()).drain();
    await bench.destroy();
  }
}

// One database kind of the ingest benchmark, run in its own process so its peak RSS is its own:
// seed, measure the raw ceiling, then run the MQTT and HTTP scenarios through the load generator and
// check that every acknowledged frame is in the database.
import "server-only";
import { performance } from "node:perf_hooks";
import { setDatabase as installDatabase } from "@/lib/db/database";
import { getObservationWriter } from "@/lib/ingest/accept-telemetry";
import { createBenchDatabase, type BenchDatabase } from "./bench-database";
import { startBenchApp } from "./bench-app";
import { measureRawCeiling, type RawCeiling } from "./raw-ceiling";
import { round, sleep, startRssSampler, type MemoryPeaks } from "./bench-stats";
import { LoadGenerator } from "./load-generator-client";
import type { LoadCommand, LoadResult } from "./bench-protocol";

export type BenchKind = "pglite" | "postgres";
export type ScenarioReport = LoadResult & {
  valuesPerSec: number;
  ratioOfRawCeiling: number | null;
  storedFrames: number;
  /** The app process during the scenario: CPU cores used and event-loop utilisation (0–1). */
  appCpuCores: number;
  appEventLoopUtilization: number;
};
export type KindReport = {
  database: BenchKind;
  rawCeiling: RawCeiling;
  scenarios: ScenarioReport[];
  peakRssMiB: number;
  memory: MemoryPeaks;
};

const VALUES_PER_FRAME = 6;
const LATENCY_DEVICES = 500;
/** QoS 1 publishes each device keeps in flight in the throughput runs (saturating the app). */
const INFLIGHT = Number(process.env.BENCH_INFLIGHT ?? 8);
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

export async function runKind(kind: BenchKind, devices: number): Promise<KindReport> {
  const rss = startRssSampler();
  console.log(`\n── ${kind}: seeding ${devices} devices …`);
  const bench = await createBenchDatabase(kind, devices);
  installDatabase(bench.db);
  const app = await startBenchApp();
  const load = await LoadGenerator.start();
  // BENCH_VIEWER=off runs without the Socket.IO viewer, to see what live fan-out costs.
  const socket = process.env.BENCH_VIEWER === "off" ? undefined : { url: app.httpUrl, token: bench.adminToken, wardIds: bench.wardIds };
  const scenarios: ScenarioReport[] = [];
  try {
    console.log(`── ${kind}: raw ceiling …`);
    const rows = bench.devices.map((d, i) => ({ id: d.id, patientId: bench.patientIds[i]! }));
    const rawCeiling = await measureRawCeiling(bench.db.sql, rows, 90 * SEQ_RANGE, 5000);
    console.log(`   ${rawCeiling.framesPerSec} frames/s (${rawCeiling.valuesPerSec} values/s)`);

    const plan: Exclude<LoadCommand, { cmd: "exit" }>[] = [
      {
        cmd: "mqtt",
        name: "mqtt-throughput",
        brokerUrl: app.brokerUrl,
        devices: bench.devices,
        startSeq: 1 * SEQ_RANGE,
        warmupMs: 3000,
        durationMs: 10_000,
        inflight: INFLIGHT,
        socket,
      },
      {
        cmd: "mqtt",
        name: "mqtt-no-viewer",
        brokerUrl: app.brokerUrl,
        devices: bench.devices,
        startSeq: 2 * SEQ_RANGE,
        warmupMs: 2000,
        durationMs: 8000,
        inflight: INFLIGHT,
      },
      {
        cmd: "http",
        name: "http-throughput",
        baseUrl: app.httpUrl,
        devices: bench.devices,
        startSeq: 3 * SEQ_RANGE,
        warmupMs: 2000,
        durationMs: 8000,
        concurrency: Math.min(200, devices),
        framesPerRequest: 1,
        socket,
      },
      {
        cmd: "http",
        name: "http-batch10",
        baseUrl: app.httpUrl,
        devices: bench.devices,
        startSeq: 4 * SEQ_RANGE,
        warmupMs: 2000,
        durationMs: 6000,
        concurrency: Math.min(100, devices),
        framesPerRequest: 10,
        socket,
      },
      {
        cmd: "mqtt",
        name: "mqtt-500x1Hz",
        brokerUrl: app.brokerUrl,
        devices: bench.devices.slice(0, LATENCY_DEVICES),
        startSeq: 5 * SEQ_RANGE,
        warmupMs: 3000,
        durationMs: 15_000,
        ratePerDevice: 1,
        socket,
      },
    ];
    const only = process.env.BENCH_SCENARIOS?.split(",").map((n) => n.trim());
    for (const cmd of plan.filter((c) => !only || only.includes(c.name))) {
      console.log(`── ${kind}: ${cmd.name} …`);
      const cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      const started = performance.now();
      const result = await load.run(cmd);
      const wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      await (await getObservationWriter()).drain();
      const stored = await storedFrames(bench, cmd.startSeq);
      const report: ScenarioReport = {
        ...result,
        valuesPerSec: result.framesPerSec * VALUES_PER_FRAME,
        ratioOfRawCeiling: rawCeiling.framesPerSec ? round(result.framesPerSec / rawCeiling.framesPerSec, 2) : null,
        storedFrames: stored,
        appCpuCores: round((used.user + used.system) / 1000 / wallMs, 2),
        appEventLoopUtilization: round(performance.eventLoopUtilization(elu).utilization, 2),
      };
      scenarios.push(report);
      console.log(
        `   ${report.framesPerSec} frames/s · commit p50 ${report.commit.p50} ms p99 ${report.commit.p99} ms · live p50 ${report.live?.p50 ?? "–"} ms p99 ${report.live?.p99 ?? "–"} ms · acked ${report.acked} stored ${stored}` +
          (Object.keys(report.errors).length ? ` · errors ${JSON.stringify(report.errors)}` : ""),
      );
      console.log(`   app: ${report.appCpuCores} CPU cores, event loop ${Math.round(report.appEventLoopUtilization * 100)} % busy`);
      console.log(
        `   memory peaks so far: ${JSON.stringify(rss.peaks())} · Socket.IO recovery buffer: ${app.recoveryBufferPackets()} packets`,
      );
      if (stored < report.acked) console.log(`   !! ${report.acked - stored} acknowledged frames are not in the database`);
      await sleep(500);
    }
    const memory = rss.peaks();
    rss.stop();
    return { database: kind, rawCeiling, scenarios, peakRssMiB: memory.rssMiB, memory };
  } finally {
    load.stop();
    await app.close();
    await (await getObservationWriter()).drain();
    await bench.destroy();
  }
}

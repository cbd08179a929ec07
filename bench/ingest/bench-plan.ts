// The ingest benchmark's scenarios, in the order they run. Throughput scenarios are measured in rounds,
// each right after a short raw-ceiling run, so every ratio compares the app with the ceiling measured on
// the machine as it was a moment before (a shared 2-core machine drifts; one ceiling for all swung the
// ratio 0.41–0.97 between runs). The latency scenario runs once.
import type { BenchDevice, LoadCommand } from "./bench-protocol";

export type ScenarioCommand = Exclude<LoadCommand, { cmd: "exit" }>;
type Socket = { url: string; token: string; wardIds: string[] } | undefined;
/** "app": the in-process app (no Next); "server": the production server.ts as a child process (PostgreSQL only). */
export type PlannedScenario = {
  rounds: number;
  target?: "app" | "server";
  /** A run before each round (besides the raw ceiling) that the round's `ratioOfBaseline` is to. */
  baseline?: (startSeq: number) => ScenarioCommand;
  /** Run the baseline after the app's run in every second round (an A/B comparison in the same run). */
  alternate?: boolean;
  make: (startSeq: number) => ScenarioCommand;
};

/** QoS 1 publishes each device keeps in flight in the throughput runs (saturating the app). */
const INFLIGHT = Number(process.env.BENCH_INFLIGHT ?? 8);
const LATENCY_DEVICES = 500;
/** Rounds of ceiling + app for each throughput scenario (the median ratio is reported, with its spread). */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** Each ceiling round runs this long. */
export const CEILING_MS = Number(process.env.BENCH_CEILING_MS ?? 3000);

/** Keep-alive connections of the HTTP scenarios through the real server. */
const SERVER_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 200);

export function ingestPlan(
  app: { brokerUrl: string; brokerUrls: { worker: string; inline: string }; httpUrl: string; routeHandlerUrl: string },
  devices: BenchDevice[],
  socket: Socket,
  server: { url: () => string; socket: () => Socket } | null,
  /** Add the scenario comparing the broker on its worker thread with the inline broker (PostgreSQL). */
  compareTransports = false,
) {
  const mqttFlood = (name: string, brokerUrl: string, startSeq: number): ScenarioCommand => ({
    cmd: "mqtt",
    name,
    brokerUrl,
    devices,
    startSeq,
    warmupMs: 2000,
    durationMs: 6000,
    inflight: INFLIGHT,
    socket,
  });
  const plan: PlannedScenario[] = [
    { rounds: ROUNDS, make: (startSeq) => mqttFlood("mqtt-throughput", app.brokerUrl, startSeq) },
    ...(compareTransports
      ? [
          {
            rounds: ROUNDS,
            alternate: true,
            // The same flood through the inline broker in each round (before the worker's run, after it in
            // every second round): the main thread's cost per frame and its event loop's utilisation with
            // and without the worker thread, in the same run.
            baseline: (startSeq: number) => mqttFlood("mqtt-inline", app.brokerUrls.inline, startSeq),
            make: (startSeq: number) => mqttFlood("mqtt-worker", app.brokerUrls.worker, startSeq),
          },
        ]
      : []),
    {
      rounds: ROUNDS,
      make: (startSeq) => ({
        cmd: "mqtt",
        name: "mqtt-no-viewer",
        brokerUrl: app.brokerUrl,
        devices,
        startSeq,
        warmupMs: 2000,
        durationMs: 5000,
        inflight: INFLIGHT,
      }),
    },
    {
      rounds: ROUNDS,
      // Before each round, the same load through the route's Next handler (what ingest cost before the
      // server's direct path), in-process with the same viewer, so that only the path differs.
      baseline: (startSeq) => ({
        cmd: "http",
        name: "next-route-handler",
        baseUrl: app.routeHandlerUrl,
        devices,
        startSeq,
        warmupMs: 1000,
        durationMs: 3000,
        concurrency: Math.min(200, devices.length),
        framesPerRequest: 1,
        socket,
      }),
      make: (startSeq) => ({
        cmd: "http",
        name: "http-throughput",
        baseUrl: app.httpUrl,
        devices,
        startSeq,
        warmupMs: 2000,
        durationMs: 5000,
        concurrency: Math.min(200, devices.length),
        framesPerRequest: 1,
        socket,
      }),
    },
    {
      rounds: ROUNDS,
      make: (startSeq) => ({
        cmd: "http",
        name: "http-batch10",
        baseUrl: app.httpUrl,
        devices,
        startSeq,
        warmupMs: 2000,
        durationMs: 5000,
        concurrency: Math.min(100, devices.length),
        framesPerRequest: 10,
        socket,
      }),
    },
    ...(server
      ? [
          {
            rounds: ROUNDS,
            target: "server" as const,
            // Before each round, the same server's /api/health through Next on as many connections: one
            // request with one database round trip, the baseline this scenario's ratio is to.
            baseline: (startSeq: number): ScenarioCommand => ({
              cmd: "http",
              name: "server-health",
              baseUrl: server.url(),
              devices,
              startSeq,
              warmupMs: 1000,
              durationMs: 3000,
              concurrency: Math.min(SERVER_CONNECTIONS, devices.length),
              framesPerRequest: 1,
              probe: "health",
            }),
            make: (startSeq: number): ScenarioCommand => ({
              cmd: "http",
              name: "server-http-1",
              baseUrl: server.url(),
              devices,
              startSeq,
              warmupMs: 2000,
              durationMs: 5000,
              concurrency: Math.min(SERVER_CONNECTIONS, devices.length),
              framesPerRequest: 1,
              socket: server.socket(),
            }),
          },
        ]
      : []),
    {
      rounds: 1,
      make: (startSeq) => ({
        cmd: "mqtt",
        name: "mqtt-500x1Hz",
        brokerUrl: app.brokerUrl,
        devices: devices.slice(0, LATENCY_DEVICES),
        startSeq,
        warmupMs: 3000,
        durationMs: 15_000,
        ratePerDevice: 1,
        socket,
      }),
    },
  ];
  const only = process.env.BENCH_SCENARIOS?.split(",").map((n) => n.trim());
  return plan.filter((p) => !only || only.includes(p.make(0).name));
}

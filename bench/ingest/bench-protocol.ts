// Messages between the ingest benchmark (the app side: broker, writer, database) and its load
// generator (a child process holding the device clients and the Socket.IO viewer), over Node IPC.
import type { LatencySummary } from "./bench-stats";

export type BenchDevice = { id: string; secret: string };

/** A Socket.IO viewer that subscribes to wards and times each vitals event back to its publish. */
export type SocketTarget = { url: string; token: string; wardIds: string[] };

export type MqttLoad = {
  cmd: "mqtt";
  name: string;
  brokerUrl: string;
  devices: BenchDevice[];
  /** First seq each device uses in this scenario (seq keeps increasing across scenarios). */
  startSeq: number;
  warmupMs: number;
  durationMs: number;
  /** Flood: each device keeps this many QoS 1 publishes in flight. */
  inflight?: number;
  /** Paced: each device publishes this many frames per second instead. */
  ratePerDevice?: number;
  socket?: SocketTarget;
};

export type HttpLoad = {
  cmd: "http";
  name: string;
  baseUrl: string;
  devices: BenchDevice[];
  startSeq: number;
  warmupMs: number;
  durationMs: number;
  /** Concurrent devices posting (each has one request in flight at a time). */
  concurrency: number;
  framesPerRequest: number;
  /** Instead of telemetry, GET /api/health (the baseline of a server: one request, one database round trip). */
  probe?: "health";
  socket?: SocketTarget;
};

export type LoadCommand = MqttLoad | HttpLoad | { cmd: "exit" };

export type LoadResult = {
  name: string;
  transport: "mqtt" | "http";
  devices: number;
  /** Frames sent in total and frames acknowledged (PUBACK / HTTP 202). */
  sent: number;
  acked: number;
  /** Acknowledged frames inside the measuring window, and its length. */
  ackedInWindow: number;
  windowMs: number;
  framesPerSec: number;
  /** Publish → PUBACK / HTTP answer: the durable commit. */
  commit: LatencySummary;
  /** Publish → Socket.IO vitals event at the viewer. */
  live: LatencySummary | null;
  errors: Record<string, number>;
  loadGeneratorPeakRssMiB: number;
  /** CPU cores the load generator process used over the run (its clients and the viewer): to see
   *  whether the generator, not the server, is what limits a run on a shared machine. */
  loadGeneratorCpuCores: number;
};

export type LoadReply = { type: "ready" } | { type: "result"; result: LoadResult } | { type: "error"; message: string };

// The main thread's side of the embedded broker on a worker thread (MQTT_TRANSPORT=worker): starts the
// worker, answers its connect questions from the device gate, runs each turn's batch of publishes
// (already parsed and validated in the worker) through the accept path and sends the verdicts back in
// one message per turn, and tells the worker to drop a device whose rights are withdrawn.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { drainIngest } from "../accept-telemetry";
import type { ListenOptions, Log } from "../broker-net";
import { decideConnect, onRightsWithdrawn } from "../device-gate";
import type { EmbeddedBroker } from "../embedded-broker";
import { publishOutcomes, type PublishOutcomes } from "../publish-outcomes";
import type { BrokerWorkerData, FromWorker, PublishItem, ToWorker } from "./protocol";

const WORKER_FILE = path.join(process.cwd(), "lib", "ingest", "broker-thread", "broker-worker.mjs");
/** An accepted connect is reused this long by the worker (reconnect storms); a withdrawal forgets it at once. */
const CONNECT_CACHE_MS = 5_000;

function verdictFor(outcomes: PublishOutcomes, item: PublishItem, payload: Buffer): Error | null | Promise<Error | null> {
  const { deviceId, topic, route } = item;
  if (deviceId === null || route.kind === "foreign") return outcomes.foreign(deviceId, topic, payload);
  if (route.kind === "ota_status") return outcomes.otaStatus(deviceId, payload);
  if (route.kind === "sightings") return outcomes.sightings(deviceId, topic, payload);
  if (route.kind === "too_large") return outcomes.tooLarge(deviceId, topic, payload, route.limit);
  return outcomes.telemetry(deviceId, topic, route.childId, payload, item.parsed ?? null);
}

/** Collects verdicts and sends those of one turn in one message. */
function verdictSender(send: (m: ToWorker) => void) {
  let reqs: number[] = [];
  let errors: (string | null)[] = [];
  const flush = () => {
    send({ t: "verdicts", reqs, errors });
    reqs = [];
    errors = [];
  };
  return (req: number, err: Error | null) => {
    if (reqs.length === 0) setImmediate(flush);
    reqs.push(req);
    errors.push(err ? err.message || "refused" : null);
  };
}

export async function startWorkerBroker(listen: ListenOptions, log: Log, maxBodyBytes: number): Promise<EmbeddedBroker> {
  const workerData: BrokerWorkerData = { listen, maxBodyBytes, connectCacheMs: CONNECT_CACHE_MS };
  // Not `new Worker(file)`: the production bundler reads that as a module to bundle; this file is plain
  // Node, loaded at run time (as lib/ai/runtime/outbound-thread.ts does).
  const worker = Reflect.construct(Worker, [WORKER_FILE, { workerData }]) as Worker;
  const send = (m: ToWorker) => worker.postMessage(m);
  const outcomes = publishOutcomes(log);
  const verdict = verdictSender(send);
  const published = new Map<number, (error: string | null) => void>();
  let nextPublish = 1;
  let onClosed: (() => void) | null = null;
  let started = false;
  let exited = false;

  const ready = new Promise<Extract<FromWorker, { t: "ready" }>>((resolve, reject) => {
    worker.on("message", (m: FromWorker) => {
      switch (m.t) {
        case "ready":
          return resolve(m);
        case "start_failed":
          return reject(new Error(m.error));
        case "log":
          return log(m.level, m.msg);
        case "connect":
          return void decideConnect(m.request, log).then((decision) => send({ t: "connect_decision", req: m.req, decision }));
        case "publishes":
          for (const item of m.items) {
            const payload = Buffer.from(m.bytes, item.offset, item.length);
            const v = verdictFor(outcomes, item, payload);
            if (v instanceof Promise) void v.then((err) => verdict(item.req, err));
            else verdict(item.req, v);
          }
          return;
        case "published":
          published.get(m.req)?.(m.error);
          published.delete(m.req);
          return;
        case "closed":
          return onClosed?.();
      }
    });
    worker.once("error", (err) => {
      log("warn", `[mqtt] the broker's worker thread failed: ${err.message}`);
      reject(err);
    });
    worker.once("exit", (code) => {
      exited = true;
      if (started && !onClosed) log("warn", `[mqtt] the broker's worker thread exited (code ${code}): MQTT ingest has stopped`);
      for (const done of published.values()) done("the broker's worker thread exited");
      published.clear();
      onClosed?.();
      reject(new Error(`the broker's worker thread exited (code ${code})`));
    });
  });
  let info: Extract<FromWorker, { t: "ready" }>;
  try {
    info = await ready;
    started = true;
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  const unsubscribe = onRightsWithdrawn((deviceId, change) => send({ t: "drop", deviceId, change }));

  return {
    port: info.port,
    tlsPort: info.tlsPort,
    url: info.url,
    transport: "worker",
    publish(topic, payload, o = {}) {
      if (exited) return Promise.reject(new Error("the embedded broker is closed"));
      const req = nextPublish++;
      return new Promise<void>((resolve, reject) => {
        published.set(req, (error) => (error ? reject(new Error(error)) : resolve()));
        send({ t: "publish", req, topic, payload, retain: o.retain ?? false });
      });
    },
    async close() {
      unsubscribe();
      if (!exited) {
        await new Promise<void>((resolve) => {
          onClosed = resolve;
          send({ t: "close" });
        });
        await worker.terminate();
      }
      // Frames already handed to the writer finish writing; their PUBACKs cannot reach the closed
      // connections, so devices resend them after the restart and they count as duplicates.
      await drainIngest();
    },
  };
}

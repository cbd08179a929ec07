// One run of the embedded broker's worker thread, seen from the main thread: starts it, answers its
// connect questions from the device gate, runs each turn's batch of publishes (already parsed and
// validated in the worker) through the accept path and sends the verdicts back in one message per turn.
// Verdicts and publish answers belong to this run only: a restarted worker never gets a dead one's.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Log } from "../broker-net";
import { decideConnect } from "../device-gate";
import type { PublishOutcomes } from "../publish-outcomes";
import type { BrokerWorkerData, FromWorker, PublishItem, ToWorker } from "./protocol";

const WORKER_FILE = path.join(process.cwd(), "lib", "ingest", "broker-thread", "broker-worker.mjs");

export type WorkerReady = Extract<FromWorker, { t: "ready" }>;

export type BrokerWorkerThread = {
  /** Resolves once the worker listens; rejects if it cannot start. */
  ready: Promise<WorkerReady>;
  send(m: ToWorker): void;
  publish(topic: string, payload: string, retain: boolean): Promise<void>;
  /** Closes the broker in the worker (its connections, its listeners) and ends the thread. */
  close(): Promise<void>;
  /** Ends the thread at once (tests: what a crash does). */
  terminate(): Promise<number>;
};

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

export function startBrokerWorkerThread(
  workerData: BrokerWorkerData,
  log: Log,
  outcomes: PublishOutcomes,
  /** The thread ended without being asked to, after it had started. */
  onCrash: (code: number) => void,
): BrokerWorkerThread {
  // Not `new Worker(file)`: the production bundler reads that as a module to bundle; this file is plain
  // Node, loaded at run time (as lib/ai/runtime/outbound-thread.ts does).
  const worker = Reflect.construct(Worker, [WORKER_FILE, { workerData }]) as Worker;
  let exited = false;
  let started = false;
  let onClosed: (() => void) | null = null;
  const send = (m: ToWorker) => void (exited || worker.postMessage(m));
  const verdict = verdictSender(send);
  const published = new Map<number, (error: string | null) => void>();
  let nextPublish = 1;

  const ready = new Promise<WorkerReady>((resolve, reject) => {
    worker.on("message", (m: FromWorker) => {
      switch (m.t) {
        case "ready":
          started = true;
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
      for (const done of published.values()) done("the broker's worker thread exited");
      published.clear();
      if (onClosed) onClosed();
      else if (started) onCrash(code);
      reject(new Error(`the broker's worker thread exited (code ${code})`));
    });
  });

  return {
    ready,
    send,
    publish(topic, payload, retain) {
      if (exited) return Promise.reject(new Error("the broker's worker thread is not running"));
      const req = nextPublish++;
      return new Promise<void>((resolve, reject) => {
        published.set(req, (error) => (error ? reject(new Error(error)) : resolve()));
        send({ t: "publish", req, topic, payload, retain });
      });
    },
    async close() {
      if (exited) return;
      await new Promise<void>((resolve) => {
        onClosed = resolve;
        send({ t: "close" });
      });
      await worker.terminate();
    },
    terminate: () => worker.terminate(),
  };
}

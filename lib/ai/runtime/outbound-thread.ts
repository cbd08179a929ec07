// Composing an outbound AI request (de-identification, rendering, token counting: several milliseconds
// of pure CPU per call) runs on one worker thread, so AI calls do not hold up the event loop that carries
// ingest, alarms and every page; the second core does the work. The worker loads the TypeScript sources
// with tsx (outbound-worker.mjs registers it in the thread), so it is used where this process runs on tsx
// too (`npm start`, the CLI, the benchmarks); elsewhere (Vitest, unless a test asks for it), or with
// AI_OUTBOUND_WORKER=off, or if the worker fails, the same function runs inline. A failed worker is
// replaced on the next call.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { OutboundInput, OutboundResult } from "@/lib/ai/features/compose-outbound";
import { env } from "@/lib/env";

type Pending = { resolve: (r: OutboundResult) => void; reject: (e: Error) => void };

/** A worker that has not answered by then is taken as stuck: replaced, and the call composed inline. */
const WORKER_ANSWER_MS = 5_000;
type Reply = { id: number; result?: OutboundResult; error?: string };

const WORKER_FILE = path.join(process.cwd(), "lib", "ai", "runtime", "outbound-worker.mjs");
let workerFile = WORKER_FILE;

let worker: Worker | null = null;
/** How the worker is started: this process's own loader flags (or what a test sets). */
let workerExecArgv: string[] = process.execArgv;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The worker runs only where Node can load TypeScript the way this process does. */
export function outboundWorkerAvailable(execArgv = workerExecArgv, setting: "on" | "off" = env().AI_OUTBOUND_WORKER): boolean {
  if (setting === "off") return false;
  return execArgv.some((a) => a === "tsx" || a.endsWith("/tsx") || a.includes("tsx/dist") || a.includes("tsx/esm"));
}

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function startWorker(): Worker {
  // Not `new Worker(file)`: the production bundler reads that as a module to bundle and, with a path known
  // only at run time, traces the whole project. The worker file is plain Node, loaded at run time.
  const w = Reflect.construct(Worker, [workerFile]) as Worker;
  w.unref();
  w.on("message", (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.result) p.resolve(m.result);
    else p.reject(new Error(m.error ?? "the outbound worker failed"));
  });
  w.on("error", (err) => {
    console.error(`[ai] outbound worker failed: ${err.message}`);
    failAll(err);
    worker = null;
  });
  w.on("exit", () => {
    failAll(new Error("the outbound worker exited"));
    worker = null;
  });
  return w;
}

/** Loaded on first inline use: composing brings the tokenizer (20 MB of heap) the worker otherwise keeps off this thread. */
async function composeInline(input: OutboundInput): Promise<OutboundResult> {
  const { composeOutbound } = await import("@/lib/ai/features/compose-outbound");
  return composeOutbound(input);
}

export async function composeOutboundOffThread(input: OutboundInput): Promise<OutboundResult> {
  if (!outboundWorkerAvailable()) return composeInline(input);
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  try {
    return await new Promise<OutboundResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        if (worker === w) worker = null;
        void w.terminate();
        reject(new Error(`the outbound worker did not answer within ${WORKER_ANSWER_MS} ms`));
      }, WORKER_ANSWER_MS);
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          fn(v);
        };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      w.postMessage({ id, input });
    });
  } catch (err) {
    // A worker that could not run this call: the same composition inline, so the call is not lost.
    console.error(`[ai] composing inline: ${(err as Error).message}`);
    return composeInline(input);
  }
}

/** Tests: judge availability by these loader flags, and start this worker file (default: the real one). */
export async function useOutboundWorkerWith(execArgv: string[], file = WORKER_FILE): Promise<void> {
  await stopOutboundWorker();
  workerExecArgv = execArgv;
  workerFile = file;
}

/** Whether a worker is running now (tests). */
export function outboundWorkerRunning(): boolean {
  return worker !== null;
}

/** Stops the worker (tests, shutdown). */
export async function stopOutboundWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

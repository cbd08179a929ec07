// The message handler of the worker thread that composes outbound AI requests
// (lib/ai/features/compose-outbound.ts): it takes {id, input} and answers {id, result} or {id, error}.
// Loaded by outbound-worker.mjs; started by outbound-thread.ts.
import { parentPort } from "node:worker_threads";
import { composeOutbound, type OutboundInput } from "@/lib/ai/features/compose-outbound";

parentPort?.on("message", (m: { id: number; input: OutboundInput }) => {
  try {
    parentPort?.postMessage({ id: m.id, result: composeOutbound(m.input) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});

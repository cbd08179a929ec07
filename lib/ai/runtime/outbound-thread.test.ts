import { afterAll, describe, expect, it } from "vitest";
import { composeOutbound, type OutboundInput } from "@/lib/ai/features/compose-outbound";
import { CONTEXT, PATIENT_ID } from "@/test/support/deidentify-context";
import {
  composeOutboundOffThread,
  outboundWorkerAvailable,
  outboundWorkerRunning,
  stopOutboundWorker,
  useOutboundWorkerWith,
} from "./outbound-thread";

const INPUT: OutboundInput = {
  context: CONTEXT,
  parameters: [
    {
      name: "patient.vitals_window",
      value: { patient: PATIENT_ID, note: "Maria Lopez (MRN DEMO-100001) seen by Anna Berg", at: new Date("2026-11-23T15:00:00Z") },
      fields: { patient: "patient_ref", at: "datetime" },
    },
  ],
  messages: [
    { role: "system", content: "You summarise for {{role}}." },
    { role: "user", content: "Data:\n{{param.patient.vitals_window}}\nCall 617-555-0100 if worse." },
  ],
  variables: [{ name: "role", type: "string", description: "who asks" }],
  values: { role: "nurse" },
  model: "gpt-4o-mini",
};

describe("composing outbound AI requests on a worker thread", () => {
  afterAll(async () => stopOutboundWorker());

  it("uses a worker only where the TypeScript loader is present, and never when turned off", () => {
    expect(outboundWorkerAvailable(["--import", "tsx", "--import", "./lib/runtime/server-only-hook.mjs"], "on")).toBe(true);
    expect(outboundWorkerAvailable(["--import", "tsx"], "off")).toBe(false);
    expect(outboundWorkerAvailable([], "on")).toBe(false);
  });

  it("gives exactly the inline result from a real worker thread: same text, receipt, pseudonyms and token count", async () => {
    const inline = composeOutbound(INPUT);
    expect(inline.ok).toBe(true);
    if (!inline.ok) return;
    expect(JSON.stringify(inline.messages)).not.toMatch(/Maria|Lopez|DEMO-100001|Anna Berg|617/);

    await useOutboundWorkerWith(["--import", "tsx", "--import", "./lib/runtime/server-only-hook.mjs"]);
    const threaded = await composeOutboundOffThread(INPUT);
    expect(outboundWorkerRunning()).toBe(true);
    expect(threaded).toEqual(inline);
    // Several at once are answered each with its own result.
    const many = await Promise.all([1, 2, 3].map((n) => composeOutboundOffThread({ ...INPUT, values: { role: `role ${n}` } })));
    expect(many.map((r) => (r.ok ? r.messages[0]?.content : null))).toEqual([
      "You summarise for role 1.",
      "You summarise for role 2.",
      "You summarise for role 3.",
    ]);
  }, 30_000);

  it("falls back inline when the worker cannot start, so no call is lost", async () => {
    await useOutboundWorkerWith(["--import", "tsx"], "/no/such/outbound-worker.mjs");
    const r = await composeOutboundOffThread(INPUT);
    expect(r).toEqual(composeOutbound(INPUT));
    expect(outboundWorkerRunning()).toBe(false);
  }, 30_000);
});

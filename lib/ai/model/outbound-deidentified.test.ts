// The pure half of the governed path end to end: de-identify a parameter's rows, render the prompt, take
// the final pass, send it through the SDK to a local protocol server, and read what actually left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTEXT, PATIENT_ID } from "@/test/support/deidentify-context";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/support/fake-openai-server";
import { createDeidentifier, reidentify } from "@/lib/ai/deidentify/deidentify";
import { renderMessages } from "@/lib/ai/prompts/template";
import { callModel } from "./call-model";
import { createModelClient } from "./model-client";

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});

const ROWS = [
  {
    at: "2026-11-23T14:50:00.000Z",
    deviceId: "mon-4e-01",
    heart_rate: 112,
    spo2: 91,
    note: "Maria Lopez (MRN DEMO-100001) seen by Dr. Wei Chen; call 617-555-0199",
  },
  {
    at: "2026-11-23T17:45:00.000Z",
    deviceId: "SN-4471-XK",
    heart_rate: 118,
    spo2: 90,
    note: "pump-0002 at 10.20.30.40 alarmed, tech jo@biomed.example.org",
  },
];

describe("what leaves for the model", () => {
  it("carries no identifier, only pseudonyms and relative times, and the answer can be shown with real names", async () => {
    fake.enqueue({
      kind: "ok",
      text: "device A shows falling SpO2 for the patient; check device B.",
      usage: { prompt: 300, completion: 20 },
    });
    const d = createDeidentifier(CONTEXT);
    const vitals = d.value(ROWS, { at: "datetime", deviceId: "device_id", note: "free_text" });
    const rendered = renderMessages(
      [
        { role: "system", content: "You write SBAR handovers for Maria's nurse." },
        { role: "user", content: "Vitals:\n{{param.patient.vitals_window}}" },
      ],
      { variables: [], values: {}, parameters: { "patient.vitals_window": vitals } },
    );
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.issues));
    const outbound = rendered.messages.map((m) => ({ ...m, content: d.text(m.content) }));
    const { receipt, pseudonyms } = d.result();

    const client = createModelClient({ baseURL: fake.baseURL, apiKey: "sk-test", timeoutMs: 5000, maxRetries: 0 });
    const answer = await callModel(client, { model: "gpt-4.1-mini", messages: outbound, maxTokens: 200 });

    const sent = fake.requests.at(-1)?.rawBody ?? "";
    for (const raw of [
      "Maria",
      "Lopez",
      "DEMO-100001",
      "Wei",
      "Chen",
      "617-555",
      "mon-4e-01",
      "SN-4471",
      "pump-0002",
      "10.20.30.40",
      "jo@",
      "2026-11-23",
      "14:50",
      "17:45",
      PATIENT_ID,
    ]) {
      expect(sent, `${raw} left in the request body`).not.toContain(raw);
    }
    expect(sent).toContain('\\"at\\":\\"-3 h 10 min\\"');
    expect(sent).toContain("device A");
    expect(receipt).toEqual({ date: 2, device_id: 3, name: 3, mrn: 1, phone: 1, ip: 1, email: 1 });
    expect(reidentify(answer.text, pseudonyms, (t) => (t.kind === "device" ? `[${t.id}]` : "Maria Lopez"))).toBe(
      "[mon-4e-01] shows falling SpO2 for Maria Lopez; check [pump-0002].",
    );
  });
});

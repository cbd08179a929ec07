import crypto from "node:crypto";
// The governed path end to end through the REST routes, with a local server speaking the OpenAI protocol:
// what leaves is de-identified (read from the outbound request body), scope refusals are 403 and logged,
// cost is the usage priced with cached tokens apart, a model timeout is 503 and logged as an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/support/fake-openai-server";
import { createAiFixture, RAW_IDENTIFIERS, type AiFixture } from "@/test/support/ai-fixture";
import { settlementsLanded } from "@/lib/ai/budgets/settlements";
import { createModelClient } from "@/lib/ai/model/model-client";
import { setModelRuntime } from "@/lib/ai/runtime/model-runtime";
import { IDENTIFIER_KINDS } from "@/lib/ai/deidentify/types";
import { POST as handover } from "@/app/api/v1/patients/[id]/ai/handover/route";
import { POST as explain } from "@/app/api/v1/alerts/[id]/ai/explain/route";
import { GET as listCalls } from "@/app/api/v1/ai/calls/route";
import { POST as maintenance } from "@/app/api/v1/alerts/[id]/ai/maintenance/route";
import { POST as brief } from "@/app/api/v1/wards/[id]/ai/brief/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, token: string, params: Record<string, string>, method = "POST", url = "http://x/api") {
  return handler(new NextRequest(url, { method, headers: { authorization: `Bearer ${token}`, "user-agent": "vitest" } }), {
    params: Promise.resolve(params),
  });
}

describe.each(testDatabaseKinds)("governed AI path on %s", (kind) => {
  let db: TestDatabase;
  let fake: FakeOpenAiServer;
  let f: AiFixture;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    fake = await startFakeOpenAiServer();
    setModelRuntime({
      client: createModelClient({ baseURL: fake.baseURL, apiKey: "sk-test", timeoutMs: 5000, maxRetries: 0 }),
      modelOverride: null,
    });
    f = await createAiFixture(db);
  }, 180_000);
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });

  it("sends no identifier of any kind: every one is replaced before it leaves, and the receipt counts them", async () => {
    fake.enqueue({ kind: "ok", text: "device A desaturated; check the patient.", usage: { prompt: 900, completion: 60, cached: 0 } });
    const res = await call(explain as Handler, f.users.nurse4e.token, { id: f.alert4e });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      callId: string;
      text: string;
      promptVersion: number;
      model: string;
      demo: boolean;
      redactions: Record<string, number>;
    };
    const sent = fake.requests.at(-1)?.rawBody ?? "";
    expect(sent).toContain("alert.context");
    for (const raw of [...RAW_IDENTIFIERS, f.patient4e, f.alert4e, f.ward4e, f.users.nurse4e.principal.userId]) {
      expect(sent, `${raw} left in the request body`).not.toContain(raw);
    }
    for (const k of IDENTIFIER_KINDS) expect(body.redactions[k] ?? 0, `receipt counts ${k}`).toBeGreaterThan(0);
    expect(body).toMatchObject({ promptVersion: 1, model: "gpt-4o-mini", demo: false });
    // Pseudonyms in the answer are mapped back for the clinician (the mapping never left).
    expect(body.text).toBe("mon-4e-01 desaturated; check Maria Elena Lopez.");
    await settlementsLanded();
    const row = await db.prisma.aiCall.findUniqueOrThrow({ where: { id: body.callId } });
    expect(row).toMatchObject({
      status: "ok",
      feature: "alert-explanation",
      patientId: f.patient4e,
      userId: f.users.nurse4e.principal.userId,
    });
    expect(row.redactions).toEqual(body.redactions);
    expect((row.parameters as { name: string; rows: number }[]).map((p) => p.name)).toEqual(["alert.context", "patient.news2_trend"]);
    expect(row.content).toBeNull();
  });

  it("prices a call at its usage with cached input tokens at their own price, and logs it", async () => {
    fake.enqueue({ kind: "ok", text: "S: stable.", usage: { prompt: 1000, completion: 200, cached: 400 } });
    const res = await call(handover as Handler, f.users.nurse4e.token, { id: f.patient4e });
    expect(res.status).toBe(200);
    const { callId } = (await res.json()) as { callId: string };
    const sent = fake.requests.at(-1)?.body as { model: string; max_tokens: number; messages: { content: string }[] };
    expect(sent.model).toBe("gpt-4o-mini");
    expect(sent.max_tokens).toBe(600);
    expect(sent.messages.map((m) => m.content).join("\n")).toContain("patient.vitals_window");
    // gpt-4o-mini: 600 uncached × 0.15 + 400 cached × 0.075 + 200 out × 0.60 per 1M = 0.00024 USD
    const list = (await (
      await call(listCalls as Handler, f.users.admin.token, {}, "GET", "http://x/api/v1/ai/calls?status=ok")
    ).json()) as {
      calls: { id: string; costUsd: number; inputTokens: number; cachedTokens: number; outputTokens: number }[];
    };
    expect(list.calls.find((c) => c.id === callId)).toMatchObject({
      costUsd: 0.00024,
      inputTokens: 1000,
      cachedTokens: 400,
      outputTokens: 200,
    });
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "ai.handover-summary", patientId: f.patient4e } });
    expect(audit?.detail).toMatchObject({ callId });
  });

  it("refuses a 4E nurse asking about an ICU patient or alert (403), logs blocked_scope, and sends nothing", async () => {
    const before = fake.requests.length;
    const r1 = await call(handover as Handler, f.users.nurse4e.token, { id: f.patientIcu });
    expect(r1.status).toBe(403);
    const r2 = await call(explain as Handler, f.users.nurse4e.token, { id: f.alertIcu });
    expect(r2.status).toBe(403);
    const r3 = await call(handover as Handler, f.users.biomed.token, { id: f.patient4e });
    expect(r3.status).toBe(403);
    expect(fake.requests.length).toBe(before);
    const blocked = await db.prisma.aiCall.findMany({ where: { status: "blocked_scope", userId: f.users.nurse4e.principal.userId } });
    expect(blocked.map((b) => b.subject).sort()).toEqual([`alert:${f.alertIcu}`, `patient:${f.patientIcu}`].sort());
    const ok = await call(handover as Handler, f.users.nurseIcu.token, { id: f.patientIcu });
    expect(ok.status).toBe(200);
  });

  it("refuses every AI feature for a patient who withdrew AI processing, at once, and leaves them out of the ward brief", async () => {
    const withdraw = (granted: boolean) =>
      db.sql.query(
        `INSERT INTO patient_consents (id, patient_id, purpose, granted, text_version, channel) VALUES ($1, $2, 'ai_processing', $3, 'test', 'staff')`,
        [crypto.randomUUID(), f.patient4e, granted],
      );
    await withdraw(false);
    const before = fake.requests.length;
    const refused = await call(handover as Handler, f.users.nurse4e.token, { id: f.patient4e });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe(
      "the patient has not consented to ai processing (ai_processing), or withdrew it",
    );
    expect((await call(explain as Handler, f.users.nurse4e.token, { id: f.alert4e })).status).toBe(403);
    expect(fake.requests.length).toBe(before);
    const [logged] = await db.sql.query<{ status: string }>(
      `SELECT status FROM ai_calls WHERE patient_id IS NULL AND subject = $1 ORDER BY at DESC LIMIT 1`,
      [`patient:${f.patient4e}`],
    );
    expect(logged?.status).toBe("blocked_scope");
    // The ward brief still runs for the charge nurse, without that patient's rows or alerts.
    fake.enqueue({ kind: "ok", text: "Ward calm.", usage: { prompt: 300, completion: 5 } });
    expect((await call(brief as Handler, f.users.nurse4e.token, { id: f.ward4e })).status).toBe(200);
    const sent = fake.requests.at(-1)?.rawBody ?? "";
    expect(sent).toContain("ward.census_and_alerts");
    expect(sent).toContain('\\"patients\\":[]');
    expect(sent).not.toContain("patient A");
    await withdraw(true);
    fake.enqueue({ kind: "ok", text: "S: stable.", usage: { prompt: 100, completion: 5 } });
    expect((await call(handover as Handler, f.users.nurse4e.token, { id: f.patient4e })).status).toBe(200);
  });

  it("answers 503 with an error when the model times out, and logs the call as an error", async () => {
    setModelRuntime({
      client: createModelClient({ baseURL: fake.baseURL, apiKey: "sk-test", timeoutMs: 300, maxRetries: 0 }),
      modelOverride: null,
    });
    try {
      fake.enqueue({ kind: "ok", text: "too late", delayMs: 2000 });
      const res = await call(handover as Handler, f.users.nurse4e.token, { id: f.patient4e });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toBe("The AI model did not answer within 0.3 s");
      await settlementsLanded();
      const [row] = await db.prisma.aiCall.findMany({ where: { status: "error" }, orderBy: { at: "desc" }, take: 1 });
      expect(row?.error).toBe("The AI model did not answer within 0.3 s");
      expect(row?.latencyMs).toBeGreaterThanOrEqual(300);
      // The request left with the patient's (de-identified) data: that access is audited even though it failed.
      const audited = await db.prisma.auditEvent.findMany({ where: { action: "ai.handover-summary", patientId: f.patient4e } });
      expect(audited.some((e) => (e.detail as { callId?: string } | null)?.callId === row?.id)).toBe(true);
      fake.enqueue({ kind: "error", status: 500 });
      const failed = await call(explain as Handler, f.users.nurse4e.token, { id: f.alert4e });
      expect(failed.status).toBe(503);
      expect(((await failed.json()) as { error: string }).error).toBe("The AI model service failed (HTTP 500)");
    } finally {
      setModelRuntime({
        client: createModelClient({ baseURL: fake.baseURL, apiKey: "sk-test", timeoutMs: 5000, maxRetries: 0 }),
        modelOverride: null,
      });
    }
  });

  it("explains a pump's equipment alarm to biomed and briefs the 4E charge nurse, each with its own parameters", async () => {
    fake.enqueue({ kind: "ok", text: "Service device A before it fails.", usage: { prompt: 300, completion: 20 } });
    const res = await call(maintenance as Handler, f.users.biomed.token, { id: f.pumpAlert });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text: string; parametersUsed: { name: string }[] };
    expect(body.parametersUsed.map((p) => p.name)).toEqual(["device.maintenance_findings"]);
    expect(body.text).toBe("Service pump-0002 before it fails.");
    const sent = fake.requests.at(-1)?.rawBody ?? "";
    expect(sent).toContain("device.maintenance_findings");
    expect(sent).toContain("vibration");
    for (const raw of ["pump-0002", "PUMP-0002", "2026-"]) expect(sent).not.toContain(raw);
    expect((await call(maintenance as Handler, f.users.nurse4e.token, { id: f.pumpAlert })).status).toBe(403);

    fake.enqueue({ kind: "ok", text: "Ward calm.", usage: { prompt: 300, completion: 5 } });
    expect((await call(brief as Handler, f.users.nurse4e.token, { id: f.ward4e })).status).toBe(200);
    const wardSent = fake.requests.at(-1)?.rawBody ?? "";
    expect(wardSent).toContain("ward.census_and_alerts");
    for (const raw of RAW_IDENTIFIERS) expect(wardSent, raw).not.toContain(raw);
    expect((await call(brief as Handler, f.users.nurse4e.token, { id: f.wardIcu })).status).toBe(403);
    // The brief is the charge nurse's: another 4E nurse is refused, told who is on duty, and the refusal is logged.
    const staff = await call(brief as Handler, f.users.nurse4eStaff.token, { id: f.ward4e });
    expect(staff.status).toBe(403);
    expect(((await staff.json()) as { error: string }).error).toBe(
      "the ward brief is for the ward's charge nurse on duty (on duty now: Anna Berg)",
    );
    const [logged] = await db.sql.query<{ status: string }>(
      `SELECT status FROM ai_calls WHERE user_id = $1 AND feature = 'ward-brief' ORDER BY at DESC LIMIT 1`,
      [f.users.nurse4eStaff.principal.userId],
    );
    expect(logged?.status).toBe("blocked_scope");
  });

  it("runs the whole governed path on the built-in demo model when no model is configured", async () => {
    setModelRuntime({ client: createModelClient({ timeoutMs: 5000, maxRetries: 0 }), modelOverride: null });
    try {
      const res = await call(handover as Handler, f.users.nurse4e.token, { id: f.patient4e });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { text: string; model: string; demo: boolean; callId: string };
      expect(body).toMatchObject({ model: "demo-template", demo: true });
      expect(body.text).toMatch(/^Handover summary \(SBAR\) — Template output from the built-in demo model, not a language model\./);
      expect(body.text).toContain("NEWS2");
      await settlementsLanded();
      const row = await db.prisma.aiCall.findUniqueOrThrow({ where: { id: body.callId } });
      expect(row).toMatchObject({ status: "ok", demo: true, model: "demo-template" });
      expect(row.inputTokens).toBeGreaterThan(100);
    } finally {
      setModelRuntime({
        client: createModelClient({ baseURL: fake.baseURL, apiKey: "sk-test", timeoutMs: 5000, maxRetries: 0 }),
        modelOverride: null,
      });
    }
  });
});

// The call log as admins read it: filters, per-version metrics, CSV export, content kept only while
// content logging is on and purged after its retention, clinician feedback, and patient-facing prompts off
// by default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/support/fake-openai-server";
import { createAiFixture, type AiFixture } from "@/test/support/ai-fixture";
import { createUserWithToken } from "@/test/support/principals";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { createModelClient } from "@/lib/ai/model/model-client";
import { setModelRuntime } from "@/lib/ai/runtime/model-runtime";
import {
  getCallContent,
  recordFeedback,
  runHandover,
  setContentLogging,
  setPatientFacing,
  versionMetrics,
  wardBrief,
} from "@/lib/ai/service";
import { purgeExpiredContent } from "./content-logging";
import { GET as listCalls } from "@/app/api/v1/ai/calls/route";
import { POST as feedback } from "@/app/api/v1/ai/calls/[id]/feedback/route";

describe.each(testDatabaseKinds)("AI call log on %s", (kind) => {
  let db: TestDatabase;
  let fake: FakeOpenAiServer;
  let f: AiFixture;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    fake = await startFakeOpenAiServer({ kind: "ok", text: "Answer.", usage: { prompt: 500, completion: 50, cached: 100 } });
    setModelRuntime({
      client: createModelClient({ baseURL: fake.baseURL, apiKey: "k", timeoutMs: 5000, maxRetries: 0 }),
      modelOverride: null,
    });
    f = await createAiFixture(db);
  }, 180_000);
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });

  it("keeps content only while logging is on, and purges it after its retention", async () => {
    const nurse = { principal: f.users.nurse4e.principal };
    const admin = { principal: f.users.admin.principal };
    const off = await runHandover(nurse, f.patient4e);
    expect(await getCallContent(admin, off.callId)).toBeNull();
    await setContentLogging(admin, { enabled: true, retentionDays: 7 });
    const on = await wardBrief(nurse, f.ward4e);
    const content = await getCallContent(admin, on.callId);
    expect(content?.response).toBe("Answer.");
    expect(content?.messages.map((m) => m.content).join("\n")).toContain("ward.census_and_alerts");
    expect(Date.parse(content?.expiresAt ?? "") - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await purgeExpiredContent(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await purgeExpiredContent(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    expect(await getCallContent(admin, on.callId)).toBeNull();
    await setContentLogging(admin, { enabled: false, retentionDays: 7 });
    await expect(setContentLogging(admin, { enabled: true, retentionDays: 0 })).rejects.toThrow("retentionDays");
  });

  it("filters, exports CSV, computes per-version metrics and takes the caller's feedback", async () => {
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
    const nurse = { principal: f.users.nurse4e.principal };
    const r = await runHandover(nurse, f.patient4e);
    const fb = await (feedback as (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new NextRequest("http://x/api", {
        method: "POST",
        headers: auth(f.users.nurse4e.token),
        body: JSON.stringify({ useful: false, comment: "missed the fever" }),
      }),
      { params: Promise.resolve({ id: r.callId }) },
    );
    expect(fb.status).toBe(200);
    await expect(recordFeedback({ principal: f.users.nurseIcu.principal }, r.callId, { useful: true })).rejects.toThrow("no such AI call");

    const get = (url: string) =>
      (listCalls as (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>)(
        new NextRequest(url, { headers: auth(f.users.admin.token) }),
        { params: Promise.resolve({}) },
      );
    const json = (await (await get("http://x/api/v1/ai/calls?feature=handover-summary&status=ok")).json()) as {
      calls: { id: string; feedback: string | null; costUsd: number; parameters: { name: string; rows: number }[] }[];
    };
    expect(json.calls).toHaveLength(2);
    expect(json.calls[0]).toMatchObject({ id: r.callId, feedback: "not_useful" });
    expect(json.calls[0]?.parameters.map((p) => p.name)).toEqual([
      "patient.vitals_window",
      "patient.news2_trend",
      "patient.open_alerts",
      "patient.cgm_summary",
    ]);
    expect(json.calls[0]?.parameters[0]?.rows).toBeGreaterThan(0);
    const bad = await get("http://x/api/v1/ai/calls?status=fine");
    expect(bad.status).toBe(400);

    const csv = await (await get("http://x/api/v1/ai/calls?format=csv&feature=handover-summary")).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,at,feature,prompt,promptVersion,model,userId,patientId,status,inputTokens,cachedTokens,outputTokens,costUsd,latencyMs,parameters,redactions,error,feedback",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${r.callId},`);
    expect(lines[1]).toContain(",ok,500,100,50,");

    const metrics = await versionMetrics({ principal: f.users.admin.principal }, { prompt: "handover-summary" });
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({
      prompt: "handover-summary",
      version: 1,
      calls: 2,
      okCalls: 2,
      meanInputTokens: 500,
      meanOutputTokens: 50,
      notUsefulCount: 1,
    });
    expect(metrics[0]?.p50LatencyMs).not.toBeNull();
    // 400 uncached × 0.15 + 100 cached × 0.075 + 50 × 0.60 per 1M = 0.0000975 USD per call
    expect(metrics[0]?.costUsd).toBeCloseTo(2 * 0.0000975, 12);
  });

  it("shows patients no AI output unless an admin makes the prompt patient-facing", async () => {
    const { user } = await createUserWithToken(db.prisma, "patient", { patientId: f.patient4e });
    const patient = { principal: (await loadPrincipal(user.id, "token"))! };
    await expect(runHandover(patient, f.patient4e)).rejects.toThrow('role "patient" may not use handover-summary');
    await setPatientFacing({ principal: f.users.admin.principal }, "handover-summary", true);
    expect((await runHandover(patient, f.patient4e)).text).toBe("Answer.");
    await expect(runHandover(patient, f.patientIcu)).rejects.toThrow("you may not see this patient");
    await setPatientFacing({ principal: f.users.admin.principal }, "handover-summary", false);
  });
});

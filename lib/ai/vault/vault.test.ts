// The prompt vault through its REST contract: the seeded prompts, saving a version (refusing each unknown
// variable and each parameter that is not allow-listed), four eyes, production only when approved, label
// moves audited with before and after, the preview of exactly what would leave.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createAiFixture, RAW_IDENTIFIERS, type AiFixture } from "@/test/support/ai-fixture";
import { createModelClient } from "@/lib/ai/model/model-client";
import { setModelRuntime } from "@/lib/ai/runtime/model-runtime";
import { seedPromptVault } from "./seed-vault";
import { GET as listPrompts } from "@/app/api/v1/ai/prompts/route";
import { GET as getPrompt } from "@/app/api/v1/ai/prompts/[name]/route";
import { POST as createVersion } from "@/app/api/v1/ai/prompts/[name]/versions/route";
import { POST as approve } from "@/app/api/v1/ai/prompts/[name]/versions/[version]/approve/route";
import { POST as preview } from "@/app/api/v1/ai/prompts/[name]/versions/[version]/preview/route";
import { PUT as moveLabel } from "@/app/api/v1/ai/prompts/[name]/labels/[label]/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function send(handler: Handler, token: string, params: Record<string, string>, method: string, body?: unknown) {
  return handler(
    new NextRequest("http://x/api", {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

const EDIT = {
  messages: [
    { role: "system", content: "You write short SBAR handovers for {{role}}." },
    { role: "user", content: "Vitals:\n{{param.patient.vitals_window}}\nAlerts:\n{{param.patient.open_alerts}}" },
  ],
  variables: [{ name: "role", type: "string" }],
  model: "gpt-4.1-mini",
  params: { temperature: 0.1, maxTokens: 500 },
  parameters: [{ name: "patient.vitals_window", bounds: { hours: 8 } }, "patient.open_alerts"],
  commitMessage: "Shorter, for the reader's role",
};

describe.each(testDatabaseKinds)("prompt vault on %s", (kind) => {
  let db: TestDatabase;
  let f: AiFixture;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    setModelRuntime({ client: createModelClient({ timeoutMs: 5000, maxRetries: 0 }), modelOverride: null });
    f = await createAiFixture(db);
  }, 180_000);
  afterAll(async () => db?.destroy());

  it("seeds the four prompts once, version 1 approved by the system and in production", async () => {
    expect(await seedPromptVault()).toEqual([]);
    const res = await send(listPrompts as Handler, f.users.admin.token, {}, "GET");
    const { prompts } = (await res.json()) as { prompts: { name: string; labels: Record<string, number | null>; versions: number }[] };
    expect(prompts.map((p) => p.name)).toEqual(["alert-explanation", "handover-summary", "maintenance-explanation", "ward-brief"]);
    for (const p of prompts) expect(p).toMatchObject({ labels: { production: 1, staging: null, latest: 1 }, versions: 1 });
    expect((await send(listPrompts as Handler, f.users.nurse4e.token, {}, "GET")).status).toBe(403);
  });

  it("refuses a version naming each unknown variable and each parameter that is not allow-listed", async () => {
    const bad = {
      ...EDIT,
      messages: [{ role: "user", content: "{{patient_nme}} {{param.patient.vitals_window}} {{param.ward.census_and_alerts}}" }],
      parameters: ["patient.vitals_window", "patient.everything", { name: "patient.open_alerts", bounds: { rows: 500 } }],
    };
    const res = await send(createVersion as Handler, f.users.admin.token, { name: "handover-summary" }, "POST", bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { field: string; reason: string }[] };
    expect(body.issues).toEqual([
      { field: "body.parameters[1].name", reason: 'parameter "patient.everything" is not allow-listed' },
      { field: "body.parameters[2].bounds", reason: "rows must be between 1 and 50 rows" },
      { field: "body.messages[0].content", reason: 'unknown variable "patient_nme"' },
      { field: "body.messages[0].content", reason: 'parameter "ward.census_and_alerts" is not allow-listed' },
    ]);
    expect(body.error).toContain('unknown variable "patient_nme"');
  });

  it("four eyes: the author cannot approve; production only for an approved version; every move audited", async () => {
    const created = await send(createVersion as Handler, f.users.admin.token, { name: "handover-summary" }, "POST", EDIT);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ version: 2 });
    const v = { name: "handover-summary", version: "2" };

    const early = await send(moveLabel as Handler, f.users.admin.token, { name: "handover-summary", label: "production" }, "PUT", {
      version: 2,
    });
    expect(early.status).toBe(409);
    const staging = await send(moveLabel as Handler, f.users.admin.token, { name: "handover-summary", label: "staging" }, "PUT", {
      version: 2,
    });
    expect(staging.status).toBe(200);

    const self = await send(approve as Handler, f.users.admin.token, v, "POST");
    expect(self.status).toBe(403);
    expect(((await self.json()) as { error: string }).error).toContain("four eyes");
    const other = await send(approve as Handler, f.users.admin2.token, v, "POST");
    expect(other.status).toBe(200);
    expect(((await other.json()) as { version: { approvedBy: { name: string } } }).version.approvedBy.name).toBe("Admin Two");

    const promote = await send(moveLabel as Handler, f.users.admin.token, { name: "handover-summary", label: "production" }, "PUT", {
      version: 2,
    });
    expect(await promote.json()).toEqual({ name: "handover-summary", label: "production", from: 1, to: 2 });
    const rollback = await send(moveLabel as Handler, f.users.admin2.token, { name: "handover-summary", label: "production" }, "PUT", {
      version: 1,
    });
    expect(rollback.status).toBe(200);
    const latest = await send(moveLabel as Handler, f.users.admin.token, { name: "handover-summary", label: "latest" }, "PUT", {
      version: 1,
    });
    expect(latest.status).toBe(400);

    const moves = await db.prisma.auditEvent.findMany({ where: { action: "ai.prompt.label_moved" }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.actorUserId, m.detail])).toEqual([
      [f.users.admin.principal.userId, { prompt: "handover-summary", label: "staging", before: null, after: 2 }],
      [f.users.admin.principal.userId, { prompt: "handover-summary", label: "production", before: 1, after: 2 }],
      [f.users.admin2.principal.userId, { prompt: "handover-summary", label: "production", before: 2, after: 1 }],
    ]);
    const detail = (await (await send(getPrompt as Handler, f.users.admin.token, { name: "handover-summary" }, "GET")).json()) as {
      versions: { version: number; labels: string[]; author: { name: string }; parameters: unknown }[];
    };
    expect(detail.versions.map((x) => [x.version, x.labels])).toEqual([
      [2, ["staging", "latest"]],
      [1, ["production"]],
    ]);
    expect(detail.versions[0]?.parameters).toEqual([
      { name: "patient.vitals_window", bounds: { hours: 8 } },
      { name: "patient.open_alerts", bounds: {} },
    ]);
  });

  it("previews exactly what would leave, de-identified with its receipt, without calling the model", async () => {
    const res = await send(preview as Handler, f.users.admin.token, { name: "alert-explanation", version: "1" }, "POST", {
      alertId: f.alert4e,
    });
    expect(res.status).toBe(200);
    const p = (await res.json()) as {
      messages: { content: string }[];
      redactions: Record<string, number>;
      inputTokens: number;
      model: string;
    };
    const text = p.messages.map((m) => m.content).join("\n");
    expect(text).toContain("```json alert.context");
    for (const raw of RAW_IDENTIFIERS) expect(text, raw).not.toContain(raw);
    expect(p.redactions.name).toBeGreaterThan(0);
    expect(p.model).toBe("demo-template");
    expect(p.inputTokens).toBeGreaterThan(50);
    expect(await db.prisma.aiCall.count()).toBe(0);
  });
});

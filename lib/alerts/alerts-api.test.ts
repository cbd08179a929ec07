import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { GET as listRoute } from "@/app/api/v1/alerts/route";
import { GET as detailRoute } from "@/app/api/v1/alerts/[id]/route";
import { POST as acknowledgeRoute } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import { POST as resolveRoute } from "@/app/api/v1/alerts/[id]/resolve/route";
import { POST as silenceRoute } from "@/app/api/v1/alerts/[id]/silence/route";
import { POST as escalateRoute } from "@/app/api/v1/alerts/[id]/escalate/route";
import { GET as limitsGet, PUT as limitsPut } from "@/app/api/v1/alerts/limits/route";
import { AlertWriter } from "./alert-writer";
import { finding } from "./rule-types";
import type { AlertDetailView, AlertPriority, AlertView } from "@/lib/events";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds)("alerts API on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  let other: Awaited<ReturnType<typeof createWardWithPatients>>;
  let nurse: string, physician: string, admin: string, patient: string, otherNurse: string;
  const ids: Record<string, string> = {};
  let now = Date.parse("2026-11-23T18:00:00.000Z");

  const call = async (
    handler: Handler,
    url: string,
    token: string | null,
    params: Record<string, string> = {},
    body?: unknown,
    method = "POST",
  ) => {
    const headers: Record<string, string> = { "user-agent": "vitest" };
    if (token) headers.authorization = `Bearer ${token}`;
    const init =
      body === undefined
        ? { headers }
        : { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
    const res = await handler(new NextRequest(`http://x${url}`, init), { params: Promise.resolve(params) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    other = await createWardWithPatients(db.prisma, 1);
    nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
    physician = (await createUserWithToken(db.prisma, "physician", { wardIds: [ward.ward.id] })).token;
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    patient = (await createUserWithToken(db.prisma, "patient", { patientId: ward.patients[0]!.id })).token;
    otherNurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [other.ward.id] })).token;
    const writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: () => now,
      escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 },
    });
    const raise = (name: string, rule: string, priority: AlertPriority, p: { id: string }, wardId: string) => {
      now += 1000;
      writer.raise(finding("violated", now, 0, { rule, priority, message: name, value: 1, patientId: p.id, wardId, deviceId: "mon-1" }));
    };
    raise("oldest medium", "heart_rate.high", "medium", ward.patients[0]!, ward.ward.id);
    raise("technical", "tech.battery", "technical", ward.patients[1]!, ward.ward.id);
    raise("high", "spo2.desat", "high", ward.patients[1]!, ward.ward.id);
    raise("newer medium", "resp_rate.high", "medium", ward.patients[0]!, ward.ward.id);
    raise("other ward", "spo2.low", "medium", other.patients[0]!, other.ward.id);
    await writer.drain();
    for (const a of await db.prisma.alert.findMany()) ids[a.message] = a.id;
  });
  afterAll(async () => db?.destroy());

  const list = async (token: string, qs = "") => {
    const r = await call(listRoute, `/api/v1/alerts${qs}`, token);
    return { ...r, messages: ((r.body.alerts ?? []) as AlertView[]).map((a) => a.message) };
  };

  it("lists the caller's alerts high priority first, then the oldest, and audits the read", async () => {
    expect((await list(nurse)).messages).toEqual(["high", "oldest medium", "newer medium", "technical"]);
    expect((await list(otherNurse)).messages).toEqual(["other ward"]);
    expect((await list(admin)).messages).toHaveLength(5);
    expect((await list(patient)).messages).toEqual(["oldest medium", "newer medium"]); // a patient reads its own
    // One row per list read, naming the patients it showed (detail.patientIds).
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "alerts.read" } });
    const naming = audit.filter((r) => (r.detail as { patientIds?: string[] }).patientIds?.includes(ward.patients[1]!.id));
    expect(naming.length).toBeGreaterThanOrEqual(2);
  });

  it("filters by patient, ward, priority and state, and explains a bad query", async () => {
    expect((await list(nurse, `?patientId=${ward.patients[1]!.id}`)).messages).toEqual(["high", "technical"]);
    expect((await list(admin, `?wardId=${other.ward.id}`)).messages).toEqual(["other ward"]);
    expect((await list(nurse, "?priority=medium")).messages).toEqual(["oldest medium", "newer medium"]);
    expect((await list(nurse, "?status=resolved")).messages).toEqual([]);
    const bad = await call(listRoute, "/api/v1/alerts?status=closed&priority=urgent", nurse);
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((i) => i.field).sort()).toEqual(["query.priority", "query.status"]);
    expect((await call(listRoute, "/api/v1/alerts", null)).status).toBe(401);
  });

  it("shows one alert with its trail, within scope", async () => {
    const id = ids["high"]!;
    const r = await call(detailRoute, `/api/v1/alerts/${id}`, nurse, { id });
    expect(r.status).toBe(200);
    const detail = r.body as unknown as AlertDetailView;
    expect(detail.alert).toMatchObject({ id, priority: "high", state: "active", bedLabel: "2" });
    expect(detail.events.map((e) => e.type)).toEqual(["raised", "notified"]);
    expect((await call(detailRoute, `/api/v1/alerts/${id}`, otherNurse, { id })).status).toBe(403);
    expect((await call(detailRoute, `/api/v1/alerts/missing`, admin, { id: "missing" })).status).toBe(404);
  });

  it("acknowledges, silences, escalates and resolves for clinicians only (a patient: own alerts, acknowledge only)", async () => {
    const id = ids["oldest medium"]!;
    const post = (h: Handler, action: string, token: string, body?: unknown) =>
      call(h, `/api/v1/alerts/${id}/${action}`, token, { id }, body ?? {});
    // A patient may acknowledge its own alert (lib/notify tests), never another patient's, and nothing else.
    expect((await call(acknowledgeRoute, `/api/v1/alerts/${ids["high"]}/acknowledge`, patient, { id: ids["high"]! }, {})).status).toBe(403);
    expect((await post(silenceRoute, "silence", patient, { reason: "x", minutes: 5 })).status).toBe(403);
    expect((await post(escalateRoute, "escalate", patient, {})).status).toBe(403);
    expect((await post(acknowledgeRoute, "acknowledge", otherNurse)).status).toBe(403);

    const silenced = await post(silenceRoute, "silence", nurse, { reason: "family at bedside", minutes: 10 });
    expect(silenced.status).toBe(200);
    expect(silenced.body.alert).toMatchObject({ silenceReason: "family at bedside" });
    expect((await post(silenceRoute, "silence", nurse, { reason: "x", minutes: 31 })).status).toBe(400);
    expect((await post(silenceRoute, "silence", nurse, { minutes: 5 })).status).toBe(400);

    const escalated = await post(escalateRoute, "escalate", nurse, { reason: "no response" });
    expect(escalated.status).toBe(200);
    expect((escalated.body.alert as AlertView).escalationLevel).toBe(2); // nobody on duty at level 1: on to level 2

    const acked = await post(acknowledgeRoute, "acknowledge", nurse);
    expect(acked.status).toBe(200);
    expect(acked.body.alert).toMatchObject({ state: "acknowledged", acknowledgedBy: { name: expect.stringContaining("nurse-") } });

    expect((await post(resolveRoute, "resolve", physician, {})).status).toBe(400);
    const resolved = await post(resolveRoute, "resolve", physician, { reason: "reviewed, rate expected after exercise" });
    expect(resolved.status).toBe(200);
    expect(resolved.body.alert).toMatchObject({ state: "resolved", resolveReason: "reviewed, rate expected after exercise" });
    expect((await post(resolveRoute, "resolve", physician, { reason: "again" })).status).toBe(409);
    expect((await post(acknowledgeRoute, "acknowledge", nurse)).status).toBe(409);

    const trail = (await call(detailRoute, `/api/v1/alerts/${id}`, admin, { id })).body as unknown as AlertDetailView;
    expect(trail.events.map((e) => e.type)).toEqual([
      "raised",
      "notified",
      "silenced",
      "escalated",
      "escalated",
      "acknowledged",
      "resolved",
    ]);
    expect((await list(nurse, "?status=resolved")).messages).toEqual(["oldest medium"]);
  });

  it("sets alarm limits: physicians only, a patient override only with a reason", async () => {
    const pid = ward.patients[0]!.id;
    const body = { patientId: pid, code: "heart_rate", low: 40, high: 140 };
    expect((await call(limitsPut, "/api/v1/alerts/limits", nurse, {}, body, "PUT")).status).toBe(403);
    const noReason = await call(limitsPut, "/api/v1/alerts/limits", physician, {}, body, "PUT");
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatch(/reason/);
    expect((await call(limitsPut, "/api/v1/alerts/limits", physician, {}, { ...body, low: 150, reason: "x" }, "PUT")).status).toBe(400);
    const set = await call(limitsPut, "/api/v1/alerts/limits", physician, {}, { ...body, reason: "athlete, resting HR 42" }, "PUT");
    expect(set.status).toBe(200);
    const got = await call(limitsGet, `/api/v1/alerts/limits?patientId=${pid}`, nurse);
    const hr = (got.body.limits as { code: string }[]).find((l) => l.code === "heart_rate");
    expect(hr).toMatchObject({
      low: 40,
      high: 140,
      criticalLow: 40,
      source: { low: "patient", high: "patient" },
      reason: "athlete, resting HR 42",
    });
    expect(await db.prisma.alarmLimit.findFirst({ where: { scope: `patient:${pid}` } })).toMatchObject({
      reason: "athlete, resting HR 42",
      low: 40,
    });
    const ward4 = await call(
      limitsPut,
      "/api/v1/alerts/limits",
      physician,
      {},
      { wardId: ward.ward.id, code: "spo2", low: 92, high: null },
      "PUT",
    );
    expect(ward4.status).toBe(200);
    expect((ward4.body.limits as { code: string; low: number }[]).find((l) => l.code === "spo2")?.low).toBe(92);
  });
});

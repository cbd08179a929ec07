import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { ObservationWriter } from "@/lib/store/observation-writer";
import { GET as listPatients } from "@/app/api/v1/patients/route";
import { GET as getObservations } from "@/app/api/v1/patients/[id]/observations/route";

describe.each(testDatabaseKinds)("read API scope and audit on %s", (kind) => {
  let db: TestDatabase;
  let wardA: Awaited<ReturnType<typeof createWardWithPatients>>;
  let wardB: Awaited<ReturnType<typeof createWardWithPatients>>;
  let nurseA: string, admin: string, patientA0: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    wardA = await createWardWithPatients(db.prisma, 2);
    wardB = await createWardWithPatients(db.prisma, 1);
    nurseA = (await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] })).token;
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    patientA0 = (await createUserWithToken(db.prisma, "patient", { patientId: wardA.patients[0]!.id })).token;
    await db.sql.query(`INSERT INTO devices (id, type, secret_hash, patient_id) VALUES ('dev-1', 'bedside_monitor', 'x', $1)`, [
      wardA.patients[0]!.id,
    ]);
    // 24 h of heart rate at 1 Hz for patient A0.
    const writer = new ObservationWriter(db.sql, { maxBatchFrames: 5000 });
    const end = Date.now();
    const frames = Array.from({ length: 86_400 }, (_, i) => ({
      deviceId: "dev-1",
      patientId: wardA.patients[0]!.id,
      seq: i + 1,
      ts: end - (86_400 - i) * 1000,
      values: { heart_rate: 60 + (i % 40) },
    }));
    for (let i = 0; i < frames.length; i += 5000) await writer.write(frames.slice(i, i + 5000));
  }, 120_000);
  afterAll(async () => db?.destroy());

  const get = (handler: typeof listPatients, url: string, token: string | null, params: Record<string, string> = {}) =>
    handler(new NextRequest(url, { headers: token ? { authorization: `Bearer ${token}`, "user-agent": "vitest" } : {} }), {
      params: Promise.resolve(params),
    });

  it("refuses a caller without credentials or with an unknown token", async () => {
    expect((await get(listPatients, "http://x/api/v1/patients", null)).status).toBe(401);
    expect((await get(listPatients, "http://x/api/v1/patients", "iomt_nope")).status).toBe(401);
  });

  it("lists only the patients in the caller's scope, and audits each list once", async () => {
    const ids = async (token: string) =>
      ((await (await get(listPatients, "http://x/api/v1/patients", token)).json()) as { patients: { id: string }[] }).patients
        .map((p) => p.id)
        .sort();
    expect(await ids(nurseA)).toEqual(wardA.patients.map((p) => p.id).sort());
    expect(await ids(patientA0)).toEqual([wardA.patients[0]!.id]);
    expect((await ids(admin)).length).toBe(3);
    const lists = await db.prisma.auditEvent.findMany({ where: { action: "patient.list" } });
    expect(lists).toHaveLength(3); // one row per request
    const audits = lists.filter((r) => (r.detail as { patientIds: string[] }).patientIds.includes(wardB.patients[0]!.id));
    expect(audits).toHaveLength(1); // only the admin's list included ward B's patient
    expect(audits[0]).toMatchObject({ actorRole: "admin", userAgent: "vitest", patientId: null });
    expect(audits[0]!.detail).toMatchObject({ patientCount: 3 });
  });

  it("serves 24 h of 1 Hz readings downsampled to at most 1,000 points, and audits the read", async () => {
    const id = wardA.patients[0]!.id;
    const res = await get(getObservations, `http://x/api/v1/patients/${id}/observations?code=heart_rate`, nurseA, { id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; points: { t: number; v: number }[]; unit: string };
    expect(body.total).toBeGreaterThanOrEqual(86_000);
    expect(body.points).toHaveLength(1000);
    expect(body.unit).toBe("/min");
    expect(Math.max(...body.points.map((p) => p.v))).toBe(99);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "observations.read", patientId: id }, orderBy: { id: "desc" } });
    expect(audit?.detail).toMatchObject({ code: "heart_rate" });
  });

  it("refuses another patient's data to a patient account and to a nurse of another ward", async () => {
    const other = wardA.patients[1]!.id;
    expect(
      (await get(getObservations, `http://x/api/v1/patients/${other}/observations?code=heart_rate`, patientA0, { id: other })).status,
    ).toBe(403);
    const nurseB = (await createUserWithToken(db.prisma, "nurse", { wardIds: [wardB.ward.id] })).token;
    const own = wardA.patients[0]!.id;
    expect((await get(getObservations, `http://x/api/v1/patients/${own}/observations?code=heart_rate`, nurseB, { id: own })).status).toBe(
      403,
    );
    expect(
      (await get(getObservations, `http://x/api/v1/patients/missing/observations?code=heart_rate`, nurseB, { id: "missing" })).status,
    ).toBe(403);
    expect(
      (await get(getObservations, `http://x/api/v1/patients/missing/observations?code=heart_rate`, admin, { id: "missing" })).status,
    ).toBe(404);
  });

  it("answers every asked series in one request (the patient page's charts), audited once", async () => {
    const id = wardA.patients[0]!.id;
    const before = await db.prisma.auditEvent.count({ where: { action: "observations.read", patientId: id } });
    const from = new Date(Date.now() - 8 * 3600_000).toISOString();
    const res = await get(
      getObservations,
      `http://x/api/v1/patients/${id}/observations?codes=heart_rate,spo2,news2&from=${from}&maxPoints=500`,
      nurseA,
      { id },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { series: { code: string; unit: string; total: number; points: unknown[] }[] };
    expect(body.series.map((s) => s.code)).toEqual(["heart_rate", "spo2", "news2"]);
    const hr = body.series[0]!;
    expect(hr.unit).toBe("/min");
    expect(hr.total).toBeGreaterThanOrEqual(8 * 3600 - 120); // the readings end when the set-up wrote them
    expect(hr.points).toHaveLength(500);
    expect(body.series[1]).toMatchObject({ total: 0, points: [] });
    expect(await db.prisma.auditEvent.count({ where: { action: "observations.read", patientId: id } })).toBe(before + 1);
    for (const qs of ["codes=heart_rate&code=spo2", "from=" + from]) {
      const bad = await get(getObservations, `http://x/api/v1/patients/${id}/observations?${qs}`, nurseA, { id });
      expect(bad.status, qs).toBe(400);
      expect(((await bad.json()) as { issues: { field: string; reason: string }[] }).issues).toEqual([
        expect.objectContaining({ field: "query.code", reason: "give code or codes (not both)" }),
      ]);
    }
    const unknown = await get(getObservations, `http://x/api/v1/patients/${id}/observations?codes=heart_rate,pulse`, nurseA, { id });
    expect(unknown.status).toBe(400);
  });

  it("explains a bad query", async () => {
    const id = wardA.patients[0]!.id;
    const res = await get(getObservations, `http://x/api/v1/patients/${id}/observations?code=pulse&maxPoints=3`, admin, { id });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { field: string }[] };
    expect(body.issues.map((i) => i.field).sort()).toEqual(["query.code", "query.maxPoints"]);
  });
});

describe("GET /api/v1/audit", () => {
  it("lists audit events to admins only", async () => {
    const db = await createTestDatabase();
    setDatabase(db);
    const { GET } = await import("@/app/api/v1/audit/route");
    const { patients } = await createWardWithPatients(db.prisma, 1);
    const admin = (await createUserWithToken(db.prisma, "admin")).token;
    const nurse = (await createUserWithToken(db.prisma, "nurse")).token;
    await db.prisma.auditEvent.create({ data: { action: "patient.view", patientId: patients[0]!.id, actorEmail: "someone@x" } });
    const call = (token: string, qs = "") =>
      GET(new NextRequest(`http://x/api/v1/audit${qs}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      });
    expect((await call(nurse)).status).toBe(403);
    const res = await call(admin, `?patientId=${patients[0]!.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: { action: string; patientId: string }[] };
    expect(body.events).toEqual([expect.objectContaining({ action: "patient.view", patientId: patients[0]!.id })]);
    expect((await call(admin, "?limit=0")).status).toBe(400);
    await db.destroy();
  });
});

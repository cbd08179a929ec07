import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { createTwoPatientRecords, type RecordFixture } from "@/test/support/data-rights-fixture";
import { createWardWithPatients } from "@/test/support/fixtures";
import { GET as myExport } from "@/app/api/v1/me/export/route";
import { GET as patientExport } from "@/app/api/v1/patients/[id]/export/route";
import { GET as accessReportRoute } from "@/app/api/v1/me/access-report/route";
import { GET as researchExport } from "@/app/api/v1/research/export/route";
import { PUT as putConsent } from "@/app/api/v1/me/consents/route";
import { GET as listErasure, POST as postErasure } from "@/app/api/v1/me/erasure-request/route";
import { enrolPatient } from "@/lib/programs/programs";
import { completeErasure, listErasureQueue, refuseErasure } from "./erasure-requests";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds)("patient data rights on %s", (kind) => {
  let db: TestDatabase;
  let a: RecordFixture;
  let b: RecordFixture;
  let tokenA: string, tokenB: string, admin: string, adminId: string, nurseIn: string, nurseOut: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const records = await createTwoPatientRecords(db, 1500);
    ({ a, b } = records);
    tokenA = (await createUserWithToken(db.prisma, "patient", { patientId: a.patientId })).token;
    tokenB = (await createUserWithToken(db.prisma, "patient", { patientId: b.patientId })).token;
    const ad = await createUserWithToken(db.prisma, "admin");
    admin = ad.token;
    adminId = ad.user.id;
    nurseIn = (await createUserWithToken(db.prisma, "nurse", { wardIds: [records.ward.ward.id] })).token;
    const other = await createWardWithPatients(db.prisma, 1);
    nurseOut = (await createUserWithToken(db.prisma, "nurse", { wardIds: [other.ward.id] })).token;
  }, 120_000);
  afterAll(async () => db?.destroy());

  const call = (
    handler: Handler,
    url: string,
    token: string,
    init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
  ) =>
    handler(
      new NextRequest(url, {
        method: init.method ?? "GET",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": "vitest" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
      { params: Promise.resolve(init.params ?? {}) },
    );

  it("downloads the patient's own record as a FHIR Bundle attachment, audited", async () => {
    const res = await call(myExport, "http://x/api/v1/me/export", tokenA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="health-record-\d{4}-\d{2}-\d{2}\.fhir\.json"$/);
    const bundle = (await res.json()) as { entry: { resource: { resourceType: string } }[] };
    expect(bundle.entry.filter((e) => e.resource.resourceType === "Observation").length).toBeGreaterThan(1500);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "patient.export", patientId: a.patientId } });
    expect(audit?.detail).toMatchObject({ format: "json" });
  });

  it("serves the readable HTML summary with ?format=html, and names a bad format", async () => {
    const res = await call(myExport, "http://x/api/v1/me/export?format=html", tokenA);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(a.mrn);
    expect(html).toContain("Pulse");
    expect(html).not.toContain(b.mrn);
    const bad = await call(myExport, "http://x/api/v1/me/export?format=pdf", tokenA);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe("query.format: must be one of: json, html");
  });

  it("lets an admin export any patient and a clinician those in scope", async () => {
    const url = `http://x/api/v1/patients/${b.patientId}/export`;
    expect((await call(patientExport, url, admin, { params: { id: b.patientId } })).status).toBe(200);
    expect((await call(patientExport, url, nurseIn, { params: { id: b.patientId } })).status).toBe(200);
    expect((await call(patientExport, url, nurseOut, { params: { id: b.patientId } })).status).toBe(403);
    expect((await call(patientExport, `http://x/api/v1/patients/nope/export`, admin, { params: { id: "nope" } })).status).toBe(404);
    expect(await db.prisma.auditEvent.count({ where: { action: "patient.export", patientId: b.patientId } })).toBe(2);
  });

  it("shows the patient who looked at the record: name, role, action, time", async () => {
    const res = await call(accessReportRoute, "http://x/api/v1/me/access-report", tokenB);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: { action: string; user: { name: string; role: string }; self: boolean; at: string }[] };
    const exports = body.entries.filter((e) => e.action === "patient.export");
    expect(exports.map((e) => e.user.role).sort()).toEqual(["admin", "nurse"]);
    expect(exports.every((e) => e.user.name.endsWith("@test.local") && !e.self)).toBe(true);
    const second = (await (await call(accessReportRoute, "http://x/api/v1/me/access-report", tokenB)).json()) as typeof body;
    expect(second.entries[0]).toMatchObject({ action: "access_report.read", self: true });
    const mine = (await (await call(accessReportRoute, "http://x/api/v1/me/access-report", tokenA)).json()) as typeof body;
    expect(mine.entries.filter((e) => e.action === "patient.export" && !e.self)).toEqual([]);
  });

  it("exports de-identified research data of consenting patients only; a withdrawal removes the patient from the next export", async () => {
    const research = async () => {
      const res = await call(researchExport, "http://x/api/v1/research/export", admin);
      expect(res.status).toBe(200);
      const text = await res.text();
      return {
        text,
        data: JSON.parse(text) as { subjects: { subject: string }[]; readings: { subject: string; year: number; t: number }[] },
      };
    };
    const before = await research();
    expect(before.data.subjects).toHaveLength(2);
    expect(before.data.readings.length).toBe(1500 + 30 + 2 * 6); // heart rates + BP (sys, 2 dia), glucose, SpO2, NEWS2; no artifact
    for (const needle of [a.patientId, a.mrn, a.familyName, a.deviceId, b.patientId, b.mrn])
      expect(before.text.includes(needle), needle).toBe(false);
    expect(before.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(
      (await call(putConsent, "http://x/api/v1/me/consents", tokenA, { method: "PUT", body: { purpose: "research", granted: false } }))
        .status,
    ).toBe(200);
    const after = await research();
    expect(after.data.subjects).toHaveLength(1);
    expect(after.data.readings.length).toBe(30 + 6);
    expect(new Set(after.data.readings.map((r) => r.subject))).toEqual(new Set([after.data.subjects[0]!.subject]));
  });

  it("takes an erasure request (202, one pending at a time), shows its status, and an admin refuses it with a reason", async () => {
    const res = await call(postErasure, "http://x/api/v1/me/erasure-request", tokenB, { method: "POST", body: { note: "please" } });
    expect(res.status).toBe(202);
    const { request } = (await res.json()) as { request: { id: string; status: string } };
    expect(request.status).toBe("pending");
    const again = (await (await call(postErasure, "http://x/api/v1/me/erasure-request", tokenB, { method: "POST", body: {} })).json()) as {
      request: { id: string };
    };
    expect(again.request.id).toBe(request.id);
    const bad = await call(postErasure, "http://x/api/v1/me/erasure-request", tokenB, { method: "POST", body: { note: 5 } });
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe("body.note");
    const admActor = { actor: { userId: adminId, email: "admin@test.local", role: "admin" as const }, userId: adminId };
    await refuseErasure(request.id, "an open complaint needs the record", admActor);
    await expect(refuseErasure(request.id, "again", admActor)).rejects.toThrow(/already refused/);
    const list = (await (await call(listErasure, "http://x/api/v1/me/erasure-request", tokenB)).json()) as {
      requests: { status: string; decisionReason: string }[];
    };
    expect(list.requests[0]).toMatchObject({ status: "refused", decisionReason: "an open complaint needs the record" });
    expect(
      await db.prisma.auditEvent.count({ where: { patientId: b.patientId, action: { in: ["erasure.request", "erasure.refuse"] } } }),
    ).toBe(2);
  });

  it("completes an erasure: the account and pairings go, optional consents are withdrawn, the clinical record is kept until its retention date", async () => {
    const res = await call(postErasure, "http://x/api/v1/me/erasure-request", tokenA, { method: "POST", body: {} });
    const { request } = (await res.json()) as { request: { id: string } };
    const queue = await listErasureQueue(db.sql);
    expect(queue[0]).toMatchObject({ id: request.id, status: "pending", patient: { mrn: a.mrn } });
    const readingsBefore = await db.prisma.observation.count({ where: { patientId: a.patientId } });
    const done = await completeErasure(request.id, null, {
      actor: { userId: adminId, email: "admin@test.local", role: "admin" },
      userId: adminId,
    });
    expect(done).toMatchObject({ status: "completed", outcome: { accounts: 1, devicesUnpaired: 1, consentsWithdrawn: 3, apiTokens: 1 } });
    const retainYears = new Date(done.retainUntil!).getUTCFullYear() - new Date().getUTCFullYear();
    expect(retainYears).toBe(10);
    const user = await db.prisma.user.findFirstOrThrow({ where: { patientId: a.patientId } });
    expect(user).toMatchObject({ name: "Erased account", email: `erased-${user.id}@erased.invalid` });
    expect(user.disabledAt).not.toBeNull();
    expect((await call(myExport, "http://x/api/v1/me/export", tokenA)).status).toBe(401); // the token is gone
    expect(await db.prisma.device.count({ where: { patientId: a.patientId } })).toBe(0);
    expect(await db.prisma.observation.count({ where: { patientId: a.patientId } })).toBe(readingsBefore);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "erasure.complete", patientId: a.patientId } });
    expect(audit?.detail).toMatchObject({ requestId: request.id, retainUntil: done.retainUntil });
  });

  it("lets a home patient's care team export the record (no ward), and ends the enrolment when an erasure completes", async () => {
    const home = await db.prisma.patient.create({
      data: { mrn: `H-${kind}`, givenName: "Hana", familyName: "Home", birthDate: new Date("1960-05-01") },
    });
    const program = await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes" } });
    const team = await createUserWithToken(db.prisma, "nurse");
    await db.prisma.programCareTeam.create({ data: { programId: program.id, userId: team.user.id } });
    const url = `http://x/api/v1/patients/${home.id}/export`;
    expect((await call(patientExport, url, team.token, { params: { id: home.id } })).status).toBe(403);
    const enrolled = await enrolPatient(program.id, home.id, team.user.id);
    expect(enrolled.ok).toBe(true);
    expect((await call(patientExport, url, team.token, { params: { id: home.id } })).status).toBe(200);
    expect((await call(patientExport, url, nurseIn, { params: { id: home.id } })).status).toBe(403);
    const homeToken = (await createUserWithToken(db.prisma, "patient", { patientId: home.id })).token;
    const { request } = (await (
      await call(postErasure, "http://x/api/v1/me/erasure-request", homeToken, { method: "POST", body: {} })
    ).json()) as {
      request: { id: string };
    };
    await completeErasure(request.id, "done", { actor: { userId: adminId, email: "admin@test.local", role: "admin" }, userId: adminId });
    expect(await db.prisma.enrolment.count({ where: { patientId: home.id, endedAt: null } })).toBe(0);
    expect((await call(patientExport, url, team.token, { params: { id: home.id } })).status).toBe(403);
    expect((await call(patientExport, url, admin, { params: { id: home.id } })).status).toBe(200); // the record is kept
  });
});

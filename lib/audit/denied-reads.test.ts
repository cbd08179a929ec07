// Issue 11 item 11: a refused read of patient data is audited (scope refusal and role refusal).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { GET as getObservations } from "@/app/api/v1/patients/[id]/observations/route";
import { GET as getAudit } from "@/app/api/v1/audit/route";
import { verifyAuditChain } from "./audit-chain";

describe.each(testDatabaseKinds)("denied reads are audited on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
  });
  afterAll(async () => db?.destroy());

  const call = (handler: typeof getAudit, url: string, token: string, params: Record<string, string> = {}) =>
    handler(new NextRequest(url, { headers: { authorization: `Bearer ${token}`, "user-agent": "vitest" } }), {
      params: Promise.resolve(params),
    });
  const denied = () => db.prisma.auditEvent.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" } });

  it("records a patient account asking for another patient's observations", async () => {
    const { token, user } = await createUserWithToken(db.prisma, "patient", { patientId: ward.patients[0]!.id });
    const other = ward.patients[1]!.id;
    const res = await call(getObservations, `http://x/api/v1/patients/${other}/observations?code=heart_rate`, token, { id: other });
    expect(res.status).toBe(403);
    const rows = await denied();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: user.id, actorRole: "patient", userAgent: "vitest" });
    expect(rows[0]!.detail).toMatchObject({
      method: "GET",
      path: `/api/v1/patients/${other}/observations`,
      requestedPatientId: other,
      reason: expect.stringMatching(/^forbidden: /),
    });
  });

  it("records a role that may not use a read endpoint, and the chain stays intact", async () => {
    const { token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] });
    expect((await call(getAudit, `http://x/api/v1/audit?patientId=${ward.patients[0]!.id}`, token)).status).toBe(403);
    const rows = await denied();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.detail).toMatchObject({ path: "/api/v1/audit", reason: 'role "nurse" may not use this endpoint' });
    expect((await verifyAuditChain(db.sql)).ok).toBe(true);
  });
});

// Issue 12 item 6: a list read writes ONE audit row naming every patient it showed; filtering the trail by
// one of them finds it; the audit view resolves patients to name and MRN and audits that display once;
// the CSV export carries the same rows; the hash chain stays intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { runCliCommand } from "@/lib/cli/commands";
import { GET as listPatients } from "@/app/api/v1/patients/route";
import { GET as getAudit } from "@/app/api/v1/audit/route";
import { GET as exportAudit } from "@/app/api/v1/audit/export/route";
import { loadAuditView, listAuditActions, patientIdOfFilter } from "./audit-view";
import { verifyAuditChain } from "@/lib/audit/audit-chain";
import type { Principal } from "@/lib/auth/principal";

const META = { ip: "10.1.2.3", userAgent: "vitest" };

const principalOf = (u: { id: string; email: string; role: Principal["role"] }, wardIds: string[] = []): Principal => ({
  userId: u.id,
  email: u.email,
  name: u.email,
  role: u.role,
  patientId: null,
  wardIds,
  via: "token",
});

describe.each(testDatabaseKinds)("one audit row per request on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  let admin: Awaited<ReturnType<typeof createUserWithToken>>;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 32);
    admin = await createUserWithToken(db.prisma, "admin");
  });
  afterAll(async () => db?.destroy());

  const call = (handler: typeof getAudit, url: string, token: string) =>
    handler(new NextRequest(url, { headers: { authorization: `Bearer ${token}`, "user-agent": "vitest" } }), {
      params: Promise.resolve({}),
    });
  const ids = () => ward.patients.map((p) => p.id).sort();

  it("writes one row naming all 32 patients for a list read", async () => {
    const { token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] });
    const res = await call(listPatients, `http://x/api/v1/patients?wardId=${ward.ward.id}`, token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { patients: unknown[] }).patients).toHaveLength(32);
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "patient.list" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.patientId).toBeNull();
    expect(rows[0]!.detail).toMatchObject({ via: "api", patientIds: ids(), patientCount: 32 });
  });

  it("finds the list read when filtering by one of its patients, with names and MRNs, and audits that once", async () => {
    const target = ward.patients[17]!;
    const before = await db.prisma.auditEvent.count();
    const res = await call(getAudit, `http://x/api/v1/audit?patientId=${target.id}&action=patient.list`, admin.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      events: { action: string; patientId: string | null; patientCount: number; patients: { id: string; name: string; mrn: string }[] }[];
      nextCursor: unknown;
    };
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ action: "patient.list", patientId: null, patientCount: 32 });
    expect(body.events[0]!.patients).toContainEqual({ id: target.id, name: `Given18 ${target.familyName}`, mrn: target.mrn });
    expect(body.nextCursor).toBeNull();
    // The display of 32 names is itself one audited read.
    expect(await db.prisma.auditEvent.count()).toBe(before + 1);
    const view = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.view" }, orderBy: { id: "desc" } });
    expect(view.detail).toMatchObject({ via: "api", patientCount: 32 });

    // A patient on no event finds nothing.
    const other = await createWardWithPatients(db.prisma, 1);
    const none = (await (
      await call(getAudit, `http://x/api/v1/audit?patientId=${other.patients[0]!.id}&action=patient.list`, admin.token)
    ).json()) as {
      events: unknown[];
    };
    expect(none.events).toEqual([]);
  });

  it("resolves patients for the page loader, takes an MRN as the patient filter, and lists the actions", async () => {
    const target = ward.patients[3]!;
    expect(await patientIdOfFilter(target.mrn)).toBe(target.id);
    expect(await patientIdOfFilter("no-such")).toBe("no-such");
    const { events } = await loadAuditView(principalOf(admin.user), META, {
      query: { patientId: target.id, action: "patient.list", actionExact: true, limit: 50 },
      action: "audit.view",
      detail: { filters: { patient: target.mrn } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.patients.find((p) => p.id === target.id)).toEqual({
      id: target.id,
      name: `Given4 ${target.familyName}`,
      mrn: target.mrn,
    });
    const last = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "audit.view", actorUserId: admin.user.id, ip: "10.1.2.3" });
    expect((last.detail as { patientIds: string[] }).patientIds).toEqual(ids());
    expect(await listAuditActions()).toEqual(expect.arrayContaining(["audit.view", "patient.list"]));
  });

  it("refuses the loader and the export to a nurse", async () => {
    const { token, user } = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] });
    await expect(
      loadAuditView(principalOf(user, [ward.ward.id]), META, { query: { limit: 5 }, action: "audit.view", detail: {} }),
    ).rejects.toThrow(/may not read the audit log/);
    expect((await call(exportAudit, "http://x/api/v1/audit/export", token)).status).toBe(403);
  });

  it("exports the filtered rows as CSV with names and MRNs, audited as one export", async () => {
    const target = ward.patients[0]!;
    const res = await call(exportAudit, `http://x/api/v1/audit/export?patientId=${target.id}&action=patient.list&exact=1`, admin.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,at,actor_email,actor_role,action,patient_names,patient_mrns,patient_ids,patient_count,ip,user_agent,detail");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",patient.list,");
    expect(lines[1]).toContain(`Given1 ${target.familyName}`);
    expect(lines[1]).toContain(target.mrn);
    expect(lines[1]).toContain(",32,");
    expect(await db.prisma.auditEvent.count({ where: { action: "audit.export" } })).toBe(1);
  });

  it("keeps the hash chain intact", async () => {
    expect((await verifyAuditChain(db.sql)).ok).toBe(true);
    expect((await runCliCommand(["audit", "verify"])).text).toMatch(/^Audit chain intact: \d+ rows checked/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { GET, PUT } from "@/app/api/v1/me/consents/route";
import { consentInForceSql, currentConsents, hasConsent } from "./consents";

describe.each(testDatabaseKinds)("patient consents on %s", (kind) => {
  let db: TestDatabase;
  let patientId: string;
  let otherId: string;
  let token: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await createWardWithPatients(db.prisma, 2);
    patientId = ward.patients[0]!.id;
    otherId = ward.patients[1]!.id;
    token = (await createUserWithToken(db.prisma, "patient", { patientId })).token;
  });
  afterAll(async () => db?.destroy());

  const call = (method: "GET" | "PUT", body?: unknown) =>
    (method === "GET" ? GET : PUT)(
      new NextRequest("http://x/api/v1/me/consents", {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );

  it("starts from each purpose's default: care, monitoring and AI processing yes, research no", async () => {
    const res = await call("GET");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { consents: { purpose: string; granted: boolean; source: string; text: string }[] };
    expect(body.consents.map((c) => [c.purpose, c.granted, c.source])).toEqual([
      ["care", true, "default"],
      ["remote_monitoring", true, "default"],
      ["ai_processing", true, "default"],
      ["research", false, "default"],
    ]);
    expect(body.consents[2]!.text).toMatch(/de-identified/);
  });

  it("records each decision with its text version and channel, keeps the history, audits it, and the newest is in force", async () => {
    expect((await call("PUT", { purpose: "ai_processing", granted: false })).status).toBe(200);
    expect(await hasConsent(db.sql, patientId, "ai_processing")).toBe(false);
    expect((await call("PUT", { purpose: "research", granted: true })).status).toBe(200);
    const states = await currentConsents(db.sql, patientId);
    expect(states.find((s) => s.purpose === "ai_processing")).toMatchObject({ granted: false, source: "recorded", channel: "api" });
    expect(states.find((s) => s.purpose === "research")).toMatchObject({ granted: true, source: "recorded" });
    expect(await hasConsent(db.sql, otherId, "ai_processing")).toBe(true);
    const audit = await db.prisma.auditEvent.findMany({ where: { patientId, action: { startsWith: "consent." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["consent.read", "consent.withdraw", "consent.grant"]);
    expect(audit[1]!.detail).toMatchObject({ purpose: "ai_processing", before: true, after: false, channel: "api" });
    expect((await call("PUT", { purpose: "ai_processing", granted: true })).status).toBe(200);
    expect(await hasConsent(db.sql, patientId, "ai_processing")).toBe(true);
    expect(await db.prisma.patientConsent.count({ where: { patientId } })).toBe(3);
  });

  it("gives multi-patient queries the same answer in SQL", async () => {
    await call("PUT", { purpose: "ai_processing", granted: false });
    const rows = await db.sql.query<{ id: string }>(
      `SELECT p.id FROM patients p WHERE p.id = ANY($1::text[]) AND ${consentInForceSql("p.id", "ai_processing")}`,
      [[patientId, otherId]],
    );
    expect(rows.map((r) => r.id)).toEqual([otherId]);
    const research = await db.sql.query<{ id: string }>(
      `SELECT p.id FROM patients p WHERE p.id = ANY($1::text[]) AND ${consentInForceSql("p.id", "research")}`,
      [[patientId, otherId]],
    );
    expect(research.map((r) => r.id)).toEqual([patientId]);
    await call("PUT", { purpose: "ai_processing", granted: true });
  });

  it("names the field and the reason for a bad body", async () => {
    const res = await call("PUT", { purpose: "marketing", granted: "yes" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { field: string; reason: string }[] };
    expect(body.issues.map((i) => i.field).sort()).toEqual(["body.granted", "body.purpose"]);
    expect(body.issues.find((i) => i.field === "body.purpose")?.reason).toBe(
      "must be one of: care, remote_monitoring, ai_processing, research",
    );
  });
});

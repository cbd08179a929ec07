// Bed turnarounds over the contract: a discharge and a transfer out leave the bed awaiting cleaning,
// POST /api/v1/beds/{id}/cleaned clears it (404 unknown bed, 409 not awaiting), the flow report counts
// the beds waiting and the vacated → cleaned time.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { POST as admit } from "@/app/api/v1/encounters/route";
import { POST as transfer } from "@/app/api/v1/encounters/[id]/transfer/route";
import { POST as discharge } from "@/app/api/v1/encounters/[id]/discharge/route";
import { POST as cleaned } from "@/app/api/v1/beds/[id]/cleaned/route";
import { buildFlowReport } from "@/lib/patient-flow/flow-report";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds)("bed cleaning on %s", (kind) => {
  let db: TestDatabase;
  let admin: string;
  let ward: { id: string; code: string };
  let beds: Record<string, string>;

  const call = async (h: Handler, url: string, body: unknown, params: Record<string, string> = {}) => {
    const res = await h(
      new NextRequest(`http://x${url}`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve(params) },
    );
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const awaiting = async () =>
    (await db.prisma.bedCleaning.findMany({ where: { cleanedAt: null }, select: { bedId: true } })).map((r) => r.bedId).sort();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(2).toString("hex");
    ward = await db.prisma.ward.create({
      data: { code: `C${tag}`, name: "Ward", beds: { create: ["1", "2", "3"].map((label) => ({ label, room: `R${label}` })) } },
    });
    const rows = await db.prisma.bed.findMany({ where: { wardId: ward.id } });
    beds = Object.fromEntries(rows.map((b) => [b.label, b.id]));
    admin = (await createUserWithToken(db.prisma, "admin")).token;
  });
  afterAll(async () => db?.destroy());

  it("marks vacated beds awaiting cleaning, counts them in the flow report, and clears them (200/404/409)", async () => {
    const patients = await Promise.all(
      ["P1", "P2"].map((mrn) =>
        db.prisma.patient.create({
          data: { mrn: `${mrn}-${ward.code}`, givenName: "A", familyName: "B", birthDate: new Date("1950-01-01") },
        }),
      ),
    );
    const a1 = await call(admit, "/api/v1/encounters", { patientId: patients[0]!.id, bedId: beds["1"] });
    const a2 = await call(admit, "/api/v1/encounters", { patientId: patients[1]!.id, bedId: beds["2"] });
    expect([a1.status, a2.status]).toEqual([201, 201]);
    const e1 = (a1.json.encounter as { id: string }).id;
    const e2 = (a2.json.encounter as { id: string }).id;
    expect(await awaiting()).toEqual([]);

    expect((await call(discharge, "/x", { disposition: "01" }, { id: e1 })).status).toBe(200);
    expect((await call(transfer, "/x", { bedId: beds["3"] }, { id: e2 })).status).toBe(200);
    expect(await awaiting()).toEqual([beds["1"], beds["2"]].sort());

    const now = new Date(Date.now() + 60_000);
    const before = await buildFlowReport({ wardIds: [ward.id], from: new Date(Date.now() - 3_600_000), to: now, now });
    const stage = before.waitsNow.stages.find((s) => s.stage === "bed-cleaning")!;
    expect(stage.waiting).toBe(2);
    expect([...stage.ids].sort()).toEqual([beds["1"], beds["2"]].sort());
    expect(before.bedToClean.denominator).toBe(0);

    const ok = await call(cleaned, "/x", undefined, { id: beds["1"]! });
    expect(ok.status).toBe(200);
    expect((ok.json.bed as { bedId: string }).bedId).toBe(beds["1"]);
    expect((await call(cleaned, "/x", undefined, { id: beds["1"]! })).status).toBe(409);
    expect((await call(cleaned, "/x", undefined, { id: "no-such-bed" })).status).toBe(404);
    expect((await call(cleaned, "/x", undefined, { id: beds["3"]! })).status).toBe(409);
    expect(await awaiting()).toEqual([beds["2"]]);
    expect(await db.prisma.auditEvent.count({ where: { action: "bed.cleaned" } })).toBe(1);

    const after = await buildFlowReport({ wardIds: [ward.id], from: new Date(Date.now() - 3_600_000), to: now, now });
    expect(after.waitsNow.stages.find((s) => s.stage === "bed-cleaning")!.waiting).toBe(1);
    expect(after.bedToClean.numerator).toBe(1);
    expect(after.bedToClean.value.p50).not.toBeNull();

    // Admitting to a bed awaiting cleaning is allowed (the PAS is the authority); it stays awaiting cleaning.
    const p3 = await db.prisma.patient.create({
      data: { mrn: `P3-${ward.code}`, givenName: "C", familyName: "D", birthDate: new Date("1960-01-01") },
    });
    expect((await call(admit, "/api/v1/encounters", { patientId: p3.id, bedId: beds["2"] })).status).toBe(201);
    expect(await awaiting()).toEqual([beds["2"]]);
  });
});

// The hospital-operations contract over HTTP (route handlers with a real token): patients, encounters
// (admit, transfer, discharge), wards with beds, users (create, invite, disable), duty, flow and KPIs.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { AccessChangedEvent } from "@/lib/events/access-events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { acceptInvite } from "@/lib/users/user-admin";
import { POST as createPatient } from "@/app/api/v1/patients/route";
import { POST as admit } from "@/app/api/v1/encounters/route";
import { POST as transfer } from "@/app/api/v1/encounters/[id]/transfer/route";
import { POST as discharge } from "@/app/api/v1/encounters/[id]/discharge/route";
import { GET as wardsGet } from "@/app/api/v1/wards/route";
import { GET as usersGet, POST as usersPost } from "@/app/api/v1/users/route";
import { POST as disable } from "@/app/api/v1/users/[id]/disable/route";
import { GET as dutyGet, PUT as dutyPut } from "@/app/api/v1/duty/route";
import { GET as flowGet } from "@/app/api/v1/flow/route";
import { GET as kpisGet } from "@/app/api/v1/kpis/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds)("hospital operations API on %s", (kind) => {
  let db: TestDatabase;
  let admin: string;
  let nurseB: string;
  let ward: { id: string; code: string };
  let wardB: { id: string; code: string };

  const call = async (
    h: Handler,
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
    params: Record<string, string> = {},
  ) => {
    const res = await h(
      new NextRequest(`http://x${url}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve(params) },
    );
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = { text };
    }
    return { status: res.status, json, text };
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(2).toString("hex");
    ward = await db.prisma.ward.create({
      data: { code: `W${tag}`, name: "Ward", beds: { create: ["1", "2"].map((label) => ({ label, room: "10" })) } },
    });
    wardB = await db.prisma.ward.create({ data: { code: `X${tag}`, name: "Other", beds: { create: [{ label: "1" }] } } });
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    nurseB = (await createUserWithToken(db.prisma, "nurse", { wardIds: [wardB.id] })).token;
  });
  afterAll(async () => db?.destroy());

  it("admits, transfers and discharges over the contract, with GET /api/v1/wards showing who lies where", async () => {
    const p = await call(createPatient, "POST", "/api/v1/patients", admin, {
      mrn: "A-1",
      givenName: "Ada",
      familyName: "King",
      birthDate: "1950-01-02",
      sex: "F",
    });
    expect(p.status).toBe(201);
    const patientId = (p.json.patient as { id: string }).id;
    expect(
      (
        await call(createPatient, "POST", "/api/v1/patients", admin, {
          mrn: "A-1",
          givenName: "X",
          familyName: "Y",
          birthDate: "1950-01-02",
        })
      ).status,
    ).toBe(409);
    const bad = await call(createPatient, "POST", "/api/v1/patients", admin, {
      mrn: "A-2",
      givenName: "X",
      familyName: "Y",
      birthDate: "tomorrow",
    });
    expect(bad.status).toBe(400);
    expect((bad.json.issues as { field: string }[])[0]!.field).toBe("body.birthDate");

    const beds = async () =>
      (await call(wardsGet, "GET", "/api/v1/wards", admin)).json.wards as {
        id: string;
        code: string;
        beds: { id: string; label: string; room: string | null; patientId: string | null }[];
      }[];
    const w = (await beds()).find((x) => x.id === ward.id)!;
    expect(w).toMatchObject({
      code: ward.code,
      name: "Ward",
      beds: [
        { label: "1", room: "10", patientId: null },
        { label: "2", patientId: null },
      ],
    });

    const a = await call(admit, "POST", "/api/v1/encounters", admin, { patientId, bedId: w.beds[0]!.id });
    expect(a.status).toBe(201);
    const encounterId = (a.json.encounter as { id: string }).id;
    expect((await beds()).find((x) => x.id === ward.id)!.beds[0]!.patientId).toBe(patientId);
    const again = await call(admit, "POST", "/api/v1/encounters", admin, { patientId, bedId: w.beds[1]!.id });
    expect(again).toMatchObject({ status: 409, json: { issues: [{ field: "body.patientId" }] } });
    // A nurse of another ward may not move this patient.
    expect(
      (
        await call(
          transfer,
          "POST",
          `/api/v1/encounters/${encounterId}/transfer`,
          nurseB,
          { bedId: `${wardB.code}/1` },
          { id: encounterId },
        )
      ).status,
    ).toBe(403);

    const t = await call(
      transfer,
      "POST",
      `/api/v1/encounters/${encounterId}/transfer`,
      admin,
      { bedId: w.beds[1]!.id },
      { id: encounterId },
    );
    expect(t).toMatchObject({ status: 200, json: { encounter: { bed: { label: "2" } } } });
    const d0 = await call(discharge, "POST", `/api/v1/encounters/${encounterId}/discharge`, admin, {}, { id: encounterId });
    expect(d0).toMatchObject({ status: 400, json: { issues: [{ field: "body.disposition" }] } });
    const d = await call(
      discharge,
      "POST",
      `/api/v1/encounters/${encounterId}/discharge`,
      admin,
      { disposition: "01" },
      { id: encounterId },
    );
    expect(d).toMatchObject({ status: 200, json: { encounter: { status: "discharged", disposition: "01", bed: null } } });
    expect((await beds()).find((x) => x.id === ward.id)!.beds.every((b) => b.patientId === null)).toBe(true);
    // The nurse sees only her ward.
    expect(((await call(wardsGet, "GET", "/api/v1/wards", nurseB)).json.wards as { id: string }[]).map((x) => x.id)).toEqual([wardB.id]);
  });

  it("invites a user with a one-time link, and disables a user: tokens stop at once and access:changed is published", async () => {
    const created = await call(usersPost, "POST", "/api/v1/users", admin, {
      email: "new.nurse@test.local",
      role: "nurse",
      wards: [ward.code],
    });
    expect(created.status).toBe(201);
    const invite = created.json.invite as { token: string; url: string };
    expect(invite.url).toMatch(/\/invite\/inv_/);
    const stored = await db.prisma.userInvite.findFirst({ where: { usedAt: null }, orderBy: { createdAt: "desc" } });
    expect(stored?.tokenHash).not.toContain(invite.token);
    await acceptInvite(invite.token, "correct horse battery");
    await expect(acceptInvite(invite.token, "another password 123")).rejects.toMatchObject({ field: "token" });
    expect((await call(usersGet, "GET", "/api/v1/users", nurseB)).status).toBe(403);

    const victim = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] });
    const events: AccessChangedEvent[] = [];
    const off = eventBus().subscribe("access:changed", (e) => events.push(e));
    expect((await call(wardsGet, "GET", "/api/v1/wards", victim.token)).status).toBe(200);
    const res = await call(disable, "POST", `/api/v1/users/${victim.user.id}/disable`, admin, undefined, { id: victim.user.id });
    off();
    expect(res).toMatchObject({ status: 200, json: { user: { disabledAt: expect.any(String) } } });
    expect(events).toEqual([{ userId: victim.user.id, change: "disabled" }]);
    expect((await call(wardsGet, "GET", "/api/v1/wards", victim.token)).status).toBe(401);
    expect(await db.prisma.apiToken.count({ where: { userId: victim.user.id, revokedAt: null } })).toBe(0);
  });

  it("sets and reads the duty roster of a ward, naming the field at fault", async () => {
    const charge = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] });
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 8 * 3_600_000).toISOString();
    const before = await call(dutyGet, "GET", `/api/v1/duty?wardId=${ward.id}`, admin);
    expect(before.json.uncovered).toEqual(["charge", "on_call"]);
    const put = await call(dutyPut, "PUT", `/api/v1/duty?wardId=${ward.id}`, admin, {
      shifts: [{ duty: "charge", userId: charge.user.id, startsAt: start, endsAt: end }],
    });
    expect(put).toMatchObject({
      status: 200,
      json: { uncovered: ["on_call"], onDutyNow: { charge: [{ id: charge.user.id, via: "roster" }] } },
    });
    const bad = await call(dutyPut, "PUT", `/api/v1/duty?wardId=${ward.id}`, admin, {
      shifts: [{ duty: "on_call", userId: charge.user.id, startsAt: start, endsAt: end }],
    });
    expect(bad).toMatchObject({ status: 400, json: { issues: [{ field: "body.shifts[0].userId" }] } });
    expect((await call(dutyGet, "GET", `/api/v1/duty?wardId=${ward.id}`, nurseB)).status).toBe(403);
  });

  it("serves the flow report and KPIs with definitions, CSV and the rows behind a figure", async () => {
    const flow = await call(flowGet, "GET", `/api/v1/flow?wardId=${ward.id}`, admin);
    expect(flow.status).toBe(200);
    expect(flow.json).toMatchObject({ wardId: ward.id, movements: { admissions: 1, discharges: 1 } });
    expect(flow.json.trend).toHaveLength(30);
    expect((await call(flowGet, "GET", `/api/v1/flow?wardId=${ward.id}`, nurseB)).status).toBe(403);
    const kpis = await call(kpisGet, "GET", `/api/v1/kpis?wardId=${ward.id}`, admin);
    const list = kpis.json.kpis as { key: string; kpi: { denominator: number; definition: string } }[];
    expect(list.map((k) => k.key)).toEqual(
      expect.arrayContaining([
        "readmission_30d",
        "average_length_of_stay",
        "bed_occupancy",
        "alarm_burden",
        "time_to_acknowledge",
        "device_uptime",
      ]),
    );
    expect(list.find((k) => k.key === "average_length_of_stay")!.kpi).toMatchObject({
      denominator: 1,
      definition: expect.stringContaining("Average length of stay"),
    });
    const csv = await call(kpisGet, "GET", `/api/v1/kpis?wardId=${ward.id}&format=csv`, admin);
    expect(csv.text.split("\r\n")[0]).toBe("key,label,value,p50,p90,numerator,denominator,unit,from,to,ward_id,definition");
    const rows = await call(kpisGet, "GET", `/api/v1/kpis?wardId=${ward.id}&kpi=average_length_of_stay&rows=denominator`, admin);
    expect(rows.json).toMatchObject({ kind: "encounter", rows: [{ mrn: "A-1", disposition: "01" }] });
    expect((await call(kpisGet, "GET", `/api/v1/kpis?from=2026-13-01`, admin)).status).toBe(400);
  });
});

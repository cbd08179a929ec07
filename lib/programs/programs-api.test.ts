// The programs contract end to end through the route handlers, on both databases: list, enrol (201, 404,
// 409, 403 outside scope), the triage list from SQL aggregates, care-team scope that ends with the
// enrolment, messages both ways, and the onboarding invite.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { acceptInvite } from "@/lib/users/user-admin";
import { encryptedIdentity } from "@/lib/patients/write-patient";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { GET as listProgramsRoute } from "@/app/api/v1/programs/route";
import { POST as enrolRoute } from "@/app/api/v1/programs/[id]/enrolments/route";
import { POST as endRoute } from "@/app/api/v1/programs/[id]/enrolments/[eid]/end/route";
import { DELETE as deleteRoute } from "@/app/api/v1/programs/[id]/enrolments/[eid]/route";
import { GET as triageRoute } from "@/app/api/v1/programs/[id]/patients/route";
import { GET as observationsRoute } from "@/app/api/v1/patients/[id]/observations/route";
import { GET as patientsRoute } from "@/app/api/v1/patients/route";
import { GET as myMessages, POST as sendMine } from "@/app/api/v1/me/messages/route";
import { GET as patientMessages, POST as sendToPatient } from "@/app/api/v1/patients/[id]/messages/route";
import { POST as inviteRoute } from "@/app/api/v1/patients/[id]/invite/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (h: Handler, method: string, token: string, params: Record<string, string> = {}, body?: unknown, query = "") =>
  h(
    new NextRequest(`http://x/api/v1/test${query}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "user-agent": "vitest", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve(params) },
  );
const DAY = 86_400_000;

describe.each(testDatabaseKinds)("remote monitoring programs API on %s", (kind) => {
  let db: TestDatabase;
  let diabetes: string, hypertension: string, asthma: string;
  let homeA: string, homeB: string, homeC: string, wardPatient: string;
  let admin: string, nurseOn: string, nurseOff: string, wardNurse: string, patientA: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(3).toString("hex");
    const home = (n: string) =>
      db.prisma.patient.create({ data: { mrn: `H-${tag}-${n}`, givenName: n, familyName: "Home", birthDate: new Date("1960-01-01") } });
    // A stored encrypted, as every patient written by the app (lib/patients/write-patient).
    homeA = (
      await db.prisma.patient.create({
        data: { mrn: `H-${tag}-Ada`, ...encryptedIdentity({ givenName: "Ada", familyName: "Home", birthDate: "1960-01-01" }) },
      })
    ).id;
    homeB = (await home("Ben")).id;
    homeC = (await home("Cal")).id;
    const ward = await createWardWithPatients(db.prisma, 1);
    wardPatient = ward.patients[0]!.id;
    diabetes = (await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes" } })).id;
    hypertension = (await db.prisma.program.create({ data: { kind: "hypertension", name: "Hypertension" } })).id;
    asthma = (await db.prisma.program.create({ data: { kind: "asthma_copd", name: "Asthma" } })).id;
    await db.prisma.enrolment.create({ data: { programId: asthma, patientId: homeC } });
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    const on = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] });
    nurseOn = on.token;
    nurseOff = (await createUserWithToken(db.prisma, "nurse")).token;
    wardNurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
    patientA = (await createUserWithToken(db.prisma, "patient", { patientId: homeA })).token;
    await db.prisma.programCareTeam.createMany({
      data: [
        { programId: diabetes, userId: on.user.id },
        { programId: hypertension, userId: on.user.id },
      ],
    });
    // 14 days of CGM for A: 100 readings, 20 below 70 of which 10 below 54; B: a week of home BP, one crisis.
    const now = Date.now();
    await db.sql.query(
      `INSERT INTO devices (id, type, secret_hash, patient_id, last_seen_at) VALUES ($1, 'cgm', 'x', $2, now()), ($3, 'bp_cuff', 'x', $4, now() - interval '3 hours')`,
      [`cgm-${tag}`, homeA, `bp-${tag}`, homeB],
    );
    const obs: unknown[][] = [];
    for (let i = 0; i < 100; i++)
      obs.push([homeA, `cgm-${tag}`, "glucose", i < 10 ? 50 : i < 20 ? 65 : 120, now - (i + 1) * 3 * 3600_000, i + 1]);
    obs.push([homeA, `cgm-${tag}`, "glucose", 40, now - 20 * DAY, 101]); // outside the 14 days
    const bp = [
      [150, 95],
      [148, 92],
      [185, 100],
      [140, 90],
    ];
    bp.forEach(([s, d], i) => {
      obs.push([homeB, `bp-${tag}`, "bp_sys", s, now - (i + 1) * DAY, i + 1]);
      obs.push([homeB, `bp-${tag}`, "bp_dia", d, now - (i + 1) * DAY, i + 1]);
    });
    // C's inhaler: one controller dose a day of the 2 prescribed over the last 7 complete days (50%); rescue on
    // 3 days this week (6 puffs) against 2 puffs last week.
    const today = Math.floor(now / DAY) * DAY;
    for (let k = 1; k <= 7; k++) obs.push([homeC, `inh-${tag}`, "controller_puffs", 1, today - k * DAY + DAY / 2, k]);
    for (let k = 1; k <= 3; k++) obs.push([homeC, `inh-${tag}`, "rescue_puffs", 2, now - k * DAY, 10 + k]);
    obs.push([homeC, `inh-${tag}`, "rescue_puffs", 2, now - 10 * DAY, 20]);
    await db.sql.query(
      `INSERT INTO devices (id, type, secret_hash, patient_id, last_seen_at) VALUES ($1, 'smart_inhaler', 'x', $2, now())`,
      [`inh-${tag}`, homeC],
    );
    for (const o of obs)
      await db.sql.query(
        `INSERT INTO observations (patient_id, device_id, code, value, ts, seq) VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), $6)`,
        o,
      );
  }, 60_000);
  afterAll(async () => db?.destroy());

  it("lists the programs to clinicians and admins", async () => {
    const res = await call(listProgramsRoute as Handler, "GET", nurseOff);
    expect(res.status).toBe(200);
    const { programs } = (await res.json()) as { programs: { id: string; kind: string; name: string }[] };
    expect(programs).toEqual([
      { id: diabetes, kind: "diabetes", name: "Diabetes" },
      { id: hypertension, kind: "hypertension", name: "Hypertension" },
      { id: asthma, kind: "asthma_copd", name: "Asthma" },
    ]);
    expect((await call(listProgramsRoute as Handler, "GET", patientA)).status).toBe(403);
  });

  it("enrols: 201, 409 when already enrolled, 404 unknown program or patient, 403 outside the caller's care team or scope", async () => {
    const enrol = (token: string, programId: string, patientId: unknown) =>
      call(enrolRoute as Handler, "POST", token, { id: programId }, { patientId });
    const res = await enrol(admin, diabetes, homeA);
    expect(res.status).toBe(201);
    const { enrolment } = (await res.json()) as { enrolment: { programId: string; patientId: string; endedAt: null } };
    expect(enrolment).toMatchObject({ programId: diabetes, patientId: homeA, endedAt: null });
    expect((await enrol(admin, diabetes, homeA)).status).toBe(409);
    expect((await enrol(admin, "no-such-program", homeA)).status).toBe(404);
    expect((await enrol(admin, diabetes, "no-such-patient")).status).toBe(404);
    const bad = await enrol(admin, diabetes, 42);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("patientId");
    // On the team but B is not (yet) in the nurse's scope; off the team even for a ward patient in scope.
    expect((await enrol(nurseOn, hypertension, homeB)).status).toBe(403);
    expect((await enrol(wardNurse, hypertension, wardPatient)).status).toBe(403);
    expect((await enrol(admin, hypertension, homeB)).status).toBe(201);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "program.enrol" } });
    expect(audit.map((a) => a.patientId).sort()).toEqual([homeA, homeB].sort());
  });

  it("the triage list: aggregates, risk flags and sickest first, for the care team and admins only", async () => {
    const res = await call(triageRoute as Handler, "GET", nurseOn, { id: diabetes });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      patients: {
        patientId: string;
        mrn: string;
        metrics: { glucose: unknown };
        risk: { flags: { code: string }[]; below70Pct: number; below54Pct: number };
      }[];
    };
    expect(body.patients.map((p) => p.patientId)).toEqual([homeA]);
    expect((body.patients[0] as unknown as { name: string }).name).toBe("Ada Home");
    expect(body.patients[0]!.metrics.glucose).toEqual({ readings: 100, below70: 20, below54: 10 });
    expect(body.patients[0]!.risk).toMatchObject({ below70Pct: 20, below54Pct: 10 });
    expect(body.patients[0]!.risk.flags.map((f) => f.code)).toEqual(["glucose_below_54", "glucose_below_70"]);

    const htn = (await (await call(triageRoute as Handler, "GET", admin, { id: hypertension })).json()) as {
      patients: { metrics: { bp: { readings: number; avgSys: number; maxSys: number } }; risk: { flags: { code: string }[] } }[];
    };
    expect(htn.patients[0]!.metrics.bp).toMatchObject({ readings: 4, avgSys: 155.75, maxSys: 185 });
    expect(htn.patients[0]!.risk.flags.map((f) => f.code)).toEqual(["bp_crisis", "bp_above_target", "data_gap"]);

    expect((body.patients[0]!.metrics as unknown as { inhaler: unknown }).inhaler).toBeNull();

    const asthmaList = (await (await call(triageRoute as Handler, "GET", admin, { id: asthma })).json()) as {
      patients: { patientId: string; metrics: { inhaler: unknown }; risk: { flags: { code: string }[] } }[];
    };
    expect(asthmaList.patients[0]!.metrics.inhaler).toEqual({
      rescueThisWeek: 6,
      rescueLastWeek: 2,
      rescueDaysThisWeek: 3,
      controllerAdherencePct: 50,
    });
    expect(asthmaList.patients[0]!.risk.flags.map((f) => f.code)).toEqual(["rescue_rising", "rescue_days", "controller_adherence"]);

    expect((await call(triageRoute as Handler, "GET", nurseOff, { id: diabetes })).status).toBe(403);
    expect((await call(triageRoute as Handler, "GET", nurseOn, { id: "no-such-program" })).status).toBe(404);
    const read = await db.prisma.auditEvent.findFirst({ where: { action: "program.triage_read" } });
    expect(read?.patientId).toBe(homeA);
  });

  it("a care-team nurse sees the home patient like a ward patient; another nurse gets 403; ending the enrolment removes access at once", async () => {
    const obs = (token: string) => call(observationsRoute as Handler, "GET", token, { id: homeA }, undefined, "?code=glucose");
    expect((await obs(nurseOn)).status).toBe(200);
    expect((await obs(nurseOff)).status).toBe(403);
    const listed = (await (await call(patientsRoute as Handler, "GET", nurseOn)).json()) as { patients: { id: string }[] };
    expect(listed.patients.map((p) => p.id)).toContain(homeA);
    expect((await call(patientMessages as Handler, "GET", nurseOff, { id: homeA })).status).toBe(403);

    const enrolment = await db.prisma.enrolment.findFirstOrThrow({ where: { programId: diabetes, patientId: homeA, endedAt: null } });
    expect((await call(endRoute as Handler, "POST", nurseOff, { id: diabetes, eid: enrolment.id })).status).toBe(403);
    const ended = await call(endRoute as Handler, "POST", nurseOn, { id: diabetes, eid: enrolment.id });
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { enrolment: { endedAt: string | null } }).enrolment.endedAt).not.toBeNull();
    expect((await obs(nurseOn)).status).toBe(403);
    expect((await call(triageRoute as Handler, "GET", nurseOn, { id: diabetes })).status).toBe(200);
    // Re-enrol, then end with DELETE.
    expect((await call(enrolRoute as Handler, "POST", admin, { id: diabetes }, { patientId: homeA })).status).toBe(201);
    expect((await obs(nurseOn)).status).toBe(200);
    const again = await db.prisma.enrolment.findFirstOrThrow({ where: { programId: diabetes, patientId: homeA, endedAt: null } });
    expect((await call(deleteRoute as Handler, "DELETE", admin, { id: diabetes, eid: again.id })).status).toBe(200);
    expect((await obs(nurseOn)).status).toBe(403);
    expect((await call(deleteRoute as Handler, "DELETE", admin, { id: diabetes, eid: "nope" })).status).toBe(404);
    expect((await call(enrolRoute as Handler, "POST", admin, { id: diabetes }, { patientId: homeA })).status).toBe(201);
  });

  it("messages: the patient writes to the care team and reads the replies; both reads audited", async () => {
    const sent = await call(sendMine as Handler, "POST", patientA, {}, { body: "  Low again last night  " });
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { message: { direction: string; body: string } }).message).toMatchObject({
      direction: "patient",
      body: "Low again last night",
    });
    expect((await call(sendMine as Handler, "POST", patientA, {}, { body: "" })).status).toBe(400);
    const reply = await call(sendToPatient as Handler, "POST", nurseOn, { id: homeA }, { body: "Lower the evening dose by 2 units" });
    expect(reply.status).toBe(201);
    expect((await call(sendToPatient as Handler, "POST", nurseOff, { id: homeA }, { body: "hi" })).status).toBe(403);
    const mine = (await (await call(myMessages as Handler, "GET", patientA)).json()) as {
      messages: { direction: string; senderName: string }[];
    };
    expect(mine.messages.map((m) => m.direction)).toEqual(["patient", "care_team"]);
    const theirs = (await (await call(patientMessages as Handler, "GET", nurseOn, { id: homeA })).json()) as { messages: unknown[] };
    expect(theirs.messages).toHaveLength(2);
    expect(await db.prisma.auditEvent.count({ where: { action: "messages.read", patientId: homeA } })).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: "message.send", patientId: homeA } })).toBe(2);
  });

  it("onboarding: the care team invites a patient to the portal with a one-time link; 409 once the patient has one", async () => {
    const email = `ben-${crypto.randomBytes(3).toString("hex")}@home.test`;
    expect((await call(inviteRoute as Handler, "POST", nurseOff, { id: homeB }, { email })).status).toBe(403);
    expect((await call(inviteRoute as Handler, "POST", nurseOn, { id: homeB }, { email: "not-an-email" })).status).toBe(400);
    const res = await call(inviteRoute as Handler, "POST", nurseOn, { id: homeB }, { email });
    expect(res.status).toBe(201);
    const { user, invite } = (await res.json()) as { user: { id: string; name: string }; invite: { path: string } };
    expect(user.name).toBe("Ben Home");
    expect(invite.path).toMatch(/^\/invite\/inv_/);
    expect(await acceptInvite(invite.path.slice("/invite/".length), "a-long-enough-password")).toEqual({ email });
    const account = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(account).toMatchObject({ role: "patient", patientId: homeB });
    expect((await call(inviteRoute as Handler, "POST", nurseOn, { id: homeB }, { email: `x${email}` })).status).toBe(409);
  });
});

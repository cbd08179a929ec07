// Managing a care team through the route handlers, on both databases: an admin puts a nurse on a program's
// team and she sees its enrolled home patient at once; taken off, she is refused at once; only nurses and
// physicians may join (the refusal names the field); only admins change the team; the team reads it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { GET as teamRoute, POST as addRoute } from "@/app/api/v1/programs/[id]/care-team/route";
import { DELETE as removeRoute } from "@/app/api/v1/programs/[id]/care-team/[userId]/route";
import { GET as observationsRoute } from "@/app/api/v1/patients/[id]/observations/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (h: Handler, method: string, token: string, params: Record<string, string>, body?: unknown, query = "") =>
  h(
    new NextRequest(`http://x/api/v1/test${query}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "user-agent": "vitest", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve(params) },
  );

describe.each(testDatabaseKinds)("care team management on %s", (kind) => {
  let db: TestDatabase;
  let program: string, home: string;
  let admin: string;
  let nurse: { token: string; id: string };
  let biomed: { token: string; id: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(3).toString("hex");
    home = (
      await db.prisma.patient.create({ data: { mrn: `H-${tag}`, givenName: "Ada", familyName: "Home", birthDate: new Date("1960-01-01") } })
    ).id;
    program = (await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes" } })).id;
    await db.prisma.enrolment.create({ data: { programId: program, patientId: home } });
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    const n = await createUserWithToken(db.prisma, "nurse");
    nurse = { token: n.token, id: n.user.id };
    const b = await createUserWithToken(db.prisma, "biomed");
    biomed = { token: b.token, id: b.user.id };
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  });

  const readsHome = async (token: string) =>
    (await call(observationsRoute as Handler, "GET", token, { id: home }, undefined, "?code=glucose")).status;

  it("grants the enrolled patients while on the team, and takes them away at once when off it", async () => {
    expect(await readsHome(nurse.token)).toBe(403);
    const added = await call(addRoute as Handler, "POST", admin, { id: program }, { userId: nurse.id });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { member: { userId: string; role: string } }).member).toMatchObject({
      userId: nurse.id,
      role: "nurse",
    });
    expect(await readsHome(nurse.token)).toBe(200);

    const team = (await (await call(teamRoute as Handler, "GET", nurse.token, { id: program })).json()) as {
      members: { userId: string }[];
    };
    expect(team.members.map((m) => m.userId)).toEqual([nurse.id]);

    expect((await call(removeRoute as Handler, "DELETE", admin, { id: program, userId: nurse.id })).status).toBe(204);
    expect(await readsHome(nurse.token)).toBe(403);
    expect((await call(teamRoute as Handler, "GET", nurse.token, { id: program })).status).toBe(403);
    expect((await call(removeRoute as Handler, "DELETE", admin, { id: program, userId: nurse.id })).status).toBe(404);

    const actions = (await db.prisma.auditEvent.findMany({ where: { action: { startsWith: "program.care_team" } } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["program.care_team_add", "program.care_team_remove"]);
  });

  it("takes only nurses and physicians, names the field, and lets only admins change the team", async () => {
    const res = await call(addRoute as Handler, "POST", admin, { id: program }, { userId: biomed.id });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      issues: [{ field: "body.userId", reason: "a biomed cannot be on a care team (nurses and physicians only)" }],
    });
    expect((await call(addRoute as Handler, "POST", admin, { id: program }, { userId: "no-such-user" })).status).toBe(404);
    expect((await call(addRoute as Handler, "POST", nurse.token, { id: program }, { userId: nurse.id })).status).toBe(403);
    expect((await call(addRoute as Handler, "POST", admin, { id: "no-such-program" }, { userId: nurse.id })).status).toBe(404);
  });
});

// Live sockets follow care-team scope: a care-team nurse may follow an enrolled home patient's room, a
// nurse not on the team may not, and ending the enrolment makes the connection leave the room at once.
// New care messages reach the other side's connection as `message:new`.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { loadPrincipal } from "@/lib/auth/load-principal";
import type { CareMessage } from "@/lib/events";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness, type TestClient } from "@/test/support/socket-harness";
import { sendCareMessage } from "./care-messages";
import { endEnrolment, enrolPatient, removeFromCareTeam } from "./programs";

const meta = { ip: null, userAgent: "vitest" };

describe("live care-team scope and messages", () => {
  let db: TestDatabase;
  let harness: SocketHarness;
  let home: string, programId: string;
  let nurseOn: { user: { id: string }; token: string }, nurseOff: { token: string }, patient: { user: { id: string }; token: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    home = (
      await db.prisma.patient.create({
        data: {
          mrn: `H-${crypto.randomBytes(3).toString("hex")}`,
          givenName: "Hal",
          familyName: "Home",
          birthDate: new Date("1955-01-01"),
        },
      })
    ).id;
    programId = (await db.prisma.program.create({ data: { kind: "hypertension", name: "Hypertension" } })).id;
    nurseOn = await createUserWithToken(db.prisma, "nurse");
    nurseOff = await createUserWithToken(db.prisma, "nurse");
    patient = await createUserWithToken(db.prisma, "patient", { patientId: home });
    await db.prisma.programCareTeam.create({ data: { programId, userId: nurseOn.user.id } });
    harness = await startSocketHarness();
  });
  afterAll(async () => {
    await harness.close();
    await db.destroy();
  });

  const receivesVitals = (c: TestClient, ms = 400) =>
    new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      c.once("vitals", () => {
        clearTimeout(t);
        resolve(true);
      });
      eventBus().publish("vitals", { deviceId: "bp", patientId: home, wardId: null, seq: 1, ts: Date.now(), values: { bp_sys: 150 } });
    });
  const nextMessage = (c: TestClient, ms = 2000) =>
    new Promise<CareMessage | null>((resolve) => {
      const t = setTimeout(() => resolve(null), ms);
      c.once("message:new", (m) => {
        clearTimeout(t);
        resolve(m);
      });
    });
  const until = async (check: () => Promise<boolean>, ms = 3000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  it("follows the home patient while enrolled; a nurse off the team is refused; ending the enrolment drops the room", async () => {
    const enrolled = await enrolPatient(programId, home, null);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const on = await harness.connect(nurseOn.token);
    const off = await harness.connect(nurseOff.token);
    expect(await harness.subscribe(on, "patient", home)).toEqual({ ok: true });
    expect((await harness.subscribe(off, "patient", home)).ok).toBe(false);
    expect(await receivesVitals(on)).toBe(true);

    await endEnrolment(programId, enrolled.enrolment.id, null);
    expect(await until(async () => !(await receivesVitals(on, 150)))).toBe(true);
    expect((await harness.subscribe(on, "patient", home)).ok).toBe(false);
    expect(on.connected).toBe(true);
  });

  it("leaving the care team drops the room too", async () => {
    const enrolled = await enrolPatient(programId, home, null);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const on = await harness.connect(nurseOn.token);
    expect(await harness.subscribe(on, "patient", home)).toEqual({ ok: true });
    await removeFromCareTeam(programId, nurseOn.user.id);
    expect(await until(async () => !(await receivesVitals(on, 150)))).toBe(true);
    await db.prisma.programCareTeam.create({ data: { programId, userId: nurseOn.user.id } });
  });

  it("a new message reaches the other side live (message:new)", async () => {
    const nurseSocket = await harness.connect(nurseOn.token);
    const patientSocket = await harness.connect(patient.token);
    const toPatient = nextMessage(patientSocket);
    const nurse = (await loadPrincipal(nurseOn.user.id, "token"))!;
    await sendCareMessage(nurse, home, "How were the readings this morning?", meta);
    expect(await toPatient).toMatchObject({ patientId: home, direction: "care_team", body: "How were the readings this morning?" });

    const toNurse = nextMessage(nurseSocket);
    const me = (await loadPrincipal(patient.user.id, "token"))!;
    await sendCareMessage(me, home, "152/96 and 149/94", meta);
    expect(await toNurse).toMatchObject({ patientId: home, direction: "patient", body: "152/96 and 149/94" });
  });
});

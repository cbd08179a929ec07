// Who a home patient's alert reaches (a patient on no ward): level 0 the patient's own portal account(s)
// and the care team of the programs the patient is enrolled in; levels 1 and 2 the care team. A ward
// patient's alert keeps the ward's recipients, enrolled or not.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { AlertNotifyRequest } from "@/lib/events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { AlertWriter } from "./alert-writer";
import { finding } from "./rule-types";
import { findRecipients } from "./alert-recipients";

describe.each(testDatabaseKinds)("home-patient alert recipients on %s", (kind) => {
  let db: TestDatabase;
  let home: string, lonely: string;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(3).toString("hex");
    const patient = (n: string) =>
      db.prisma.patient.create({ data: { mrn: `H-${tag}-${n}`, givenName: n, familyName: "Home", birthDate: new Date("1970-01-01") } });
    home = (await patient("Hope")).id;
    lonely = (await patient("Lone")).id;
    ward = await createWardWithPatients(db.prisma, 1);
    const user = async (key: string, role: "nurse" | "physician" | "patient", opts: Parameters<typeof createUserWithToken>[2] = {}) => {
      ids[key] = (await createUserWithToken(db.prisma, role, opts)).user.id;
    };
    await user("own", "patient", { patientId: home });
    await user("teamNurse", "nurse");
    await user("teamPhysician", "physician");
    await user("otherProgram", "nurse");
    await user("disabled", "nurse");
    await user("wardNurse", "nurse", { wardIds: [ward.ward.id] });
    await user("wardCharge", "nurse", { wardIds: [ward.ward.id] });
    await user("wardOnCall", "physician", { wardIds: [ward.ward.id] });
    await db.prisma.userWard.updateMany({ where: { userId: ids.wardCharge }, data: { duty: "charge" } });
    await db.prisma.userWard.updateMany({ where: { userId: ids.wardOnCall }, data: { duty: "on_call" } });
    await db.prisma.user.update({ where: { id: ids.disabled }, data: { disabledAt: new Date() } });
    const diabetes = await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes" } });
    const asthma = await db.prisma.program.create({ data: { kind: "asthma_copd", name: "Asthma" } });
    await db.prisma.programCareTeam.createMany({
      data: [
        { programId: diabetes.id, userId: ids.teamNurse! },
        { programId: diabetes.id, userId: ids.teamPhysician! },
        { programId: diabetes.id, userId: ids.disabled! },
        { programId: asthma.id, userId: ids.otherProgram! },
      ],
    });
    await db.prisma.enrolment.create({ data: { programId: diabetes.id, patientId: home } });
    await db.prisma.enrolment.create({ data: { programId: diabetes.id, patientId: ward.patients[0]!.id } });
    // An ended enrolment grants nothing.
    await db.prisma.enrolment.create({ data: { programId: asthma.id, patientId: home, endedAt: new Date() } });
  });
  afterAll(async () => db?.destroy());

  const who = async (patientId: string, wardId: string | null, level: 0 | 1 | 2) =>
    (await findRecipients(db.sql, { wardId, patientId }, level)).map((p) => p.id).sort();

  it("level 0: the patient's own account and the care team; levels 1 and 2: the care team", async () => {
    expect(await who(home, null, 0)).toEqual([ids.own, ids.teamNurse, ids.teamPhysician].sort());
    expect(await who(home, null, 1)).toEqual([ids.teamNurse, ids.teamPhysician].sort());
    expect(await who(home, null, 2)).toEqual([ids.teamNurse, ids.teamPhysician].sort());
    expect(await who(lonely, null, 0)).toEqual([]);
  });

  it("a ward patient's alert keeps the ward's recipients even when enrolled", async () => {
    const p = ward.patients[0]!.id;
    expect(await who(p, ward.ward.id, 0)).toEqual([ids.wardNurse, ids.wardCharge].sort());
    expect(await who(p, ward.ward.id, 1)).toEqual([ids.wardCharge]);
    expect(await who(p, ward.ward.id, 2)).toEqual([ids.wardOnCall]);
  });

  it("a home patient's raised alert notifies the patient and the care team", async () => {
    const notified: AlertNotifyRequest[] = [];
    const off = eventBus().subscribe("alert:notify", (n) => void notified.push(n));
    const writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: () => Date.now(),
      escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 },
      retryBaseMs: 10,
    });
    writer.raise(
      finding("violated", Date.now(), 0, {
        rule: "glucose.urgent_low",
        priority: "high",
        message: "glucose 51 mg/dL",
        value: 51,
        patientId: home,
        wardId: null,
        deviceId: null,
      }),
    );
    await writer.drain();
    off();
    expect(notified).toHaveLength(1);
    expect(notified[0]!.recipients.map((r) => r.id).sort()).toEqual([ids.own, ids.teamNurse, ids.teamPhysician].sort());
  });
});

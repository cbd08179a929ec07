import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { canSeePatient } from "@/lib/auth/principal";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { findCareTeam, isOnCareTeam } from "./care-team";
import { endEnrolment, enrolPatient } from "./programs";

describe.each(testDatabaseKinds)("care team and care scope on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  it("a care-team nurse sees an enrolled home patient until the enrolment ends; others never", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const home = await db.prisma.patient.create({
      data: { mrn: `H-${tag}`, givenName: "Hana", familyName: "Home", birthDate: new Date("1960-01-01") },
    });
    const program = await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes" } });
    const { user: onTeam } = await createUserWithToken(db.prisma, "nurse");
    const { user: offTeam } = await createUserWithToken(db.prisma, "nurse");
    const { user: disabled } = await createUserWithToken(db.prisma, "physician");
    await db.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await db.prisma.programCareTeam.createMany({
      data: [
        { programId: program.id, userId: onTeam.id },
        { programId: program.id, userId: disabled.id },
      ],
    });
    expect(await findCareTeam(db.sql, home.id)).toEqual([]);

    const enrolled = await enrolPatient(program.id, home.id, onTeam.id);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    expect(await enrolPatient(program.id, home.id, onTeam.id)).toEqual({ ok: false, reason: "already_enrolled" });
    expect(await findCareTeam(db.sql, home.id)).toEqual([{ id: onTeam.id, name: onTeam.name }]);
    expect(await isOnCareTeam(db.sql, onTeam.id, home.id)).toBe(true);
    expect(await isOnCareTeam(db.sql, offTeam.id, home.id)).toBe(false);
    expect(await isOnCareTeam(db.sql, disabled.id, home.id)).toBe(false);

    const location = { patientId: home.id, wardId: null };
    const nurse = await loadPrincipal(onTeam.id, "token");
    expect(nurse?.carePatientIds).toEqual([home.id]);
    expect(canSeePatient(nurse!, location)).toBe(true);
    expect(canSeePatient((await loadPrincipal(offTeam.id, "token"))!, location)).toBe(false);

    await endEnrolment(program.id, enrolled.enrolment.id, onTeam.id);
    expect(await findCareTeam(db.sql, home.id)).toEqual([]);
    expect(await isOnCareTeam(db.sql, onTeam.id, home.id)).toBe(false);
    const after = await loadPrincipal(onTeam.id, "token");
    expect(after?.carePatientIds).toEqual([]);
    expect(canSeePatient(after!, location)).toBe(false);

    // Ended enrolments are kept; the patient can be enrolled again.
    expect((await enrolPatient(program.id, home.id, null)).ok).toBe(true);
    expect(await db.prisma.enrolment.count({ where: { patientId: home.id } })).toBe(2);
  });
});

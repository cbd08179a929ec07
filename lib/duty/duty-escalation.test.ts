// Escalation reads the duty roster: the shift's charge nurse and physician on call at that moment; an
// empty roster falls back to the standing duty, a level with nobody falls through to the next and is
// recorded; wards with nobody on duty are listed for the warning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { escalateDueAlerts } from "@/lib/alerts/escalate-alert";
import { finding } from "@/lib/alerts/rule-types";
import type { AlertNotifyRequest, AlertPriority } from "@/lib/events";
import { putRoster, getRoster } from "./duty-roster";
import { findDutyGaps } from "./on-duty";

const ESCALATION = { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 } satisfies Record<AlertPriority, number>;
const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const by = { actor: { email: "test" } };

describe.each(testDatabaseKinds)("duty roster and escalation on %s", (kind) => {
  let db: TestDatabase;
  const notified: AlertNotifyRequest[] = [];
  let off: () => void;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    off = eventBus().subscribe("alert:notify", (n) => notified.push(n));
  });
  afterAll(async () => {
    off?.();
    await db?.destroy();
  });

  const raise = async (w: Awaited<ReturnType<typeof createWardWithPatients>>) => {
    const writer = new AlertWriter({ sql: db.sql, bus: eventBus(), now: () => T0, escalationMs: ESCALATION, retryBaseMs: 10 });
    const f = finding("violated", T0, 15_000, {
      rule: "spo2.low",
      priority: "high",
      message: "SpO₂ low",
      value: 88,
      patientId: w.patients[0]!.id,
      wardId: w.ward.id,
      deviceId: "mon-1",
    });
    writer.raise(f);
    await writer.drain();
    return (await db.prisma.alert.findUnique({ where: { openKey: f.key } }))!.id;
  };
  const trail = async (alertId: string) =>
    (await db.prisma.alertEvent.findMany({ where: { alertId, type: "escalated" }, orderBy: { id: "asc" } })).map(
      (e) => e.detail as Record<string, unknown>,
    );

  it("notifies the rostered charge nurse of the shift, not the standing one", async () => {
    const w = await createWardWithPatients(db.prisma, 1);
    const standing = (await createUserWithToken(db.prisma, "nurse", { wardIds: [w.ward.id] })).user;
    await db.prisma.userWard.updateMany({ where: { userId: standing.id }, data: { duty: "charge" } });
    const rostered = (await createUserWithToken(db.prisma, "nurse", { wardIds: [w.ward.id] })).user;
    const doctor = (await createUserWithToken(db.prisma, "physician", { wardIds: [w.ward.id] })).user;
    const shift = { startsAt: new Date(T0 - 3_600_000), endsAt: new Date(T0 + 6 * 3_600_000) };
    const roster = await putRoster(
      w.ward.id,
      [
        { duty: "charge", userId: rostered.id, ...shift },
        { duty: "on_call", userId: doctor.id, ...shift },
      ],
      by,
      new Date(T0),
    );
    expect(roster.shifts).toHaveLength(2);
    const id = await raise(w);
    await escalateDueAlerts(db.sql, new Date(T0 + 60_000), { escalationMs: ESCALATION });
    expect(notified.at(-1)).toMatchObject({ notification: { level: 1 }, recipients: [{ id: rostered.id }] });
    expect((await trail(id))[0]).toMatchObject({ level: 1, recipients: [{ id: rostered.id }] });
  });

  it("refuses a roster naming a nurse as physician on call, someone off the ward, or a shift that ends before it starts", async () => {
    const w = await createWardWithPatients(db.prisma, 1);
    const nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [w.ward.id] })).user;
    const outsider = (await createUserWithToken(db.prisma, "nurse")).user;
    const s = { startsAt: new Date(T0), endsAt: new Date(T0 + 3_600_000) };
    await expect(putRoster(w.ward.id, [{ duty: "on_call", userId: nurse.id, ...s }], by, new Date(T0))).rejects.toMatchObject({
      field: "shifts[0].userId",
    });
    await expect(putRoster(w.ward.id, [{ duty: "charge", userId: outsider.id, ...s }], by, new Date(T0))).rejects.toMatchObject({
      field: "shifts[0].userId",
    });
    await expect(
      putRoster(w.ward.id, [{ duty: "charge", userId: nurse.id, startsAt: s.endsAt, endsAt: s.startsAt }], by, new Date(T0)),
    ).rejects.toMatchObject({ field: "shifts[0].endsAt" });
  });

  it("with an empty roster and no standing duty: level 1 finds nobody, falls back to level 2 and records that", async () => {
    const w = await createWardWithPatients(db.prisma, 1);
    const doctor = (await createUserWithToken(db.prisma, "physician", { wardIds: [w.ward.id] })).user;
    await putRoster(
      w.ward.id,
      [{ duty: "on_call", userId: doctor.id, startsAt: new Date(T0), endsAt: new Date(T0 + 3_600_000) }],
      by,
      new Date(T0),
    );
    const gaps = await findDutyGaps(db.sql, new Date(T0 + 60_000), w.ward.id);
    expect(gaps).toEqual([expect.objectContaining({ wardId: w.ward.id, duties: ["charge"] })]);
    expect((await getRoster(w.ward.id, new Date(T0 + 60_000))).uncovered).toEqual(["charge"]);
    const id = await raise(w);
    await escalateDueAlerts(db.sql, new Date(T0 + 60_000), { escalationMs: ESCALATION });
    expect(await trail(id)).toEqual([
      expect.objectContaining({ level: 1, recipients: [], nobodyOnDuty: true }),
      expect.objectContaining({ level: 2, recipients: [{ id: doctor.id, name: doctor.name }] }),
    ]);
    expect(notified.at(-1)).toMatchObject({ notification: { level: 2 }, recipients: [{ id: doctor.id }] });
  });

  it("a ward with nobody on duty at all is listed as a gap, and escalation records that nobody was reached at either level", async () => {
    const w = await createWardWithPatients(db.prisma, 1);
    const gaps = await findDutyGaps(db.sql, new Date(T0), w.ward.id);
    expect(gaps[0]?.duties).toEqual(["charge", "on_call"]);
    const id = await raise(w);
    await escalateDueAlerts(db.sql, new Date(T0 + 60_000), { escalationMs: ESCALATION });
    expect((await trail(id)).map((d) => [d.level, d.nobodyOnDuty])).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});

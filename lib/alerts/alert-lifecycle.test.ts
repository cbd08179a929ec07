import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { loadPrincipal } from "@/lib/auth/load-principal";
import type { Principal } from "@/lib/auth/principal";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { AlertWriter } from "./alert-writer";
import { acknowledgeAlert, resolveAlert, silenceAlert } from "./alert-actions";
import { escalateAlert, escalateDueAlerts, nextEscalationDue } from "./escalate-alert";
import { getAlertDetail } from "./alert-queries";
import { finding, type Finding } from "./rule-types";
import type { AlertNotifyRequest, AlertPriority, AlertUpdate } from "@/lib/events";

const ESCALATION = { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 } satisfies Record<AlertPriority, number>;
const T0 = Date.parse("2026-11-23T18:00:00.000Z");

describe.each(testDatabaseKinds)("alert lifecycle and escalation on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  let other: Awaited<ReturnType<typeof createWardWithPatients>>;
  let nurse: Principal, charge: Principal, onCall: Principal, otherNurse: Principal, patientUser: Principal;
  const now = T0;
  let writer: AlertWriter;
  const changes: AlertUpdate[] = [];
  const notified: AlertNotifyRequest[] = [];
  const offs: (() => void)[] = [];

  const principal = async (role: Principal["role"], opts: { wardIds?: string[]; patientId?: string }, duty?: string) => {
    const { user } = await createUserWithToken(db.prisma, role, opts);
    if (duty) await db.prisma.userWard.updateMany({ where: { userId: user.id }, data: { duty } });
    return (await loadPrincipal(user.id, "token"))!;
  };
  const spo2Low = (patientIndex = 0, w = ward): Finding =>
    finding("violated", now, 15_000, {
      rule: "spo2.low",
      priority: "high",
      message: "SpO₂ low: 88 % (below 90)",
      value: 88,
      patientId: w.patients[patientIndex]!.id,
      wardId: w.ward.id,
      deviceId: "mon-1",
    });
  const alertByKey = async (key: string) => db.prisma.alert.findUnique({ where: { openKey: key } });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 3);
    other = await createWardWithPatients(db.prisma, 1);
    nurse = await principal("nurse", { wardIds: [ward.ward.id] });
    charge = await principal("nurse", { wardIds: [ward.ward.id] }, "charge");
    onCall = await principal("physician", { wardIds: [ward.ward.id] }, "on_call");
    otherNurse = await principal("nurse", { wardIds: [other.ward.id] });
    patientUser = await principal("patient", { patientId: ward.patients[0]!.id });
    writer = new AlertWriter({ sql: db.sql, bus: eventBus(), now: () => now, escalationMs: ESCALATION, retryBaseMs: 10 });
    offs.push(eventBus().subscribe("alert:changed", (u) => changes.push(u)));
    offs.push(eventBus().subscribe("alert:notify", (n) => notified.push(n)));
  });
  afterAll(async () => {
    offs.forEach((off) => off());
    await db?.destroy();
  });

  it("stores a raised alarm with its trail before announcing it, and never duplicates a persisting condition", async () => {
    const f = spo2Low();
    writer.raise(f);
    writer.raise(f); // the same condition again (e.g. after a restart)
    await writer.drain();
    const rows = await db.prisma.alert.findMany({ where: { patientId: ward.patients[0]!.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      openKey: "spo2.low:" + ward.patients[0]!.id,
      state: "active",
      priority: "high",
      conditionActive: true,
      escalationLevel: 0,
    });
    expect(rows[0]!.nextEscalationAt?.getTime()).toBe(T0 + 60_000);
    const detail = await getAlertDetail(nurse, rows[0]!.id);
    expect(detail.events.map((e) => e.type)).toEqual(["raised", "notified"]);
    const recipients = (detail.events[1]!.detail as { recipients: { id: string }[] }).recipients.map((r) => r.id).sort();
    expect(recipients).toEqual([nurse.userId, charge.userId].sort()); // level 0: the ward's nurses
    expect(changes.filter((c) => c.alert.id === rows[0]!.id).map((c) => c.change)).toEqual(["raised"]);
    expect(notified.at(-1)).toMatchObject({ notification: { level: 0, reason: "raised", alert: { id: rows[0]!.id } } });
  });

  it("latches: a cleared condition stays active until acknowledged, and a returning one reuses the open alert", async () => {
    const f = spo2Low();
    const before = await alertByKey(f.key);
    writer.clear({ ...f, status: "normal" });
    await writer.drain();
    expect(await alertByKey(f.key)).toMatchObject({ id: before!.id, state: "active", conditionActive: false });
    writer.raise(f);
    await writer.drain();
    expect(await alertByKey(f.key)).toMatchObject({ id: before!.id, conditionActive: true });
    const types = (await getAlertDetail(nurse, before!.id)).events.map((e) => e.type);
    expect(types).toEqual(["raised", "notified", "condition_cleared", "condition_returned"]);
  });

  it("does not latch a device's technical alarm: the offline banner goes when the monitor is back", async () => {
    const offline = finding("violated", now, 0, {
      rule: "tech.offline",
      priority: "technical",
      message: "Device mon-9 offline: no data",
      value: null,
      patientId: ward.patients[2]!.id,
      wardId: ward.ward.id,
      deviceId: "mon-9",
    });
    writer.raise(offline);
    await writer.drain();
    const raised = await alertByKey(offline.key);
    expect(raised).toMatchObject({ state: "active", priority: "technical" });
    writer.clear({ ...offline, status: "normal" });
    await writer.drain();
    const row = await db.prisma.alert.findUniqueOrThrow({ where: { id: raised!.id } });
    expect(row).toMatchObject({ state: "resolved", openKey: null, conditionActive: false, resolvedById: null });
    expect(row.resolveReason).toBe("technical condition cleared: the device is back");
    expect(changes.filter((c) => c.alert.id === row.id).map((c) => c.change)).toEqual(["raised", "resolved"]);
    const types = (await getAlertDetail(nurse, row.id)).events.map((e) => e.type);
    expect(types).toEqual(["raised", "notified", "condition_cleared", "resolved"]);
  });

  it("acknowledges (who, when), stops escalation, and resolves automatically once the condition clears", async () => {
    const f = spo2Low();
    const id = (await alertByKey(f.key))!.id;
    const acked = await acknowledgeAlert(nurse, id);
    expect(acked).toMatchObject({ state: "acknowledged", acknowledgedBy: { id: nurse.userId, name: nurse.name }, nextEscalationAt: null });
    expect(await acknowledgeAlert(charge, id)).toMatchObject({ acknowledgedBy: { id: nurse.userId } }); // idempotent
    writer.clear({ ...f, status: "normal" });
    await writer.drain();
    const row = await db.prisma.alert.findUnique({ where: { id } });
    expect(row).toMatchObject({
      state: "resolved",
      openKey: null,
      resolveReason: "condition cleared after acknowledgement",
      resolvedById: null,
    });
    expect(changes.filter((c) => c.alert.id === id).map((c) => c.change)).toContain("resolved");
    writer.raise(f); // a new episode: a new alert
    await writer.drain();
    expect((await alertByKey(f.key))!.id).not.toBe(id);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "alert.acknowledge", actorUserId: nurse.userId } });
    expect(audit).toMatchObject({ patientId: ward.patients[0]!.id, detail: { alertId: id } });
  });

  it("resolves by hand with a reason, once", async () => {
    const id = (await alertByKey(spo2Low().key))!.id;
    const resolved = await resolveAlert(onCall, id, "sensor repositioned, patient well");
    expect(resolved).toMatchObject({
      state: "resolved",
      resolvedBy: { id: onCall.userId },
      resolveReason: "sensor repositioned, patient well",
    });
    await expect(resolveAlert(onCall, id, "again")).rejects.toMatchObject({ kind: "conflict" });
    expect(changes.at(-1)).toMatchObject({ change: "resolved", actor: { id: onCall.userId } });
  });

  it("acknowledging an alarm whose condition has cleared resolves it", async () => {
    const f = spo2Low(1);
    writer.raise(f);
    writer.clear({ ...f, status: "normal" });
    await writer.drain();
    const id = (await alertByKey(f.key))!.id;
    expect(await acknowledgeAlert(nurse, id)).toMatchObject({
      state: "resolved",
      acknowledgedBy: { id: nurse.userId },
      resolveReason: "acknowledged after the condition cleared",
    });
  });

  it("silences with a reason for at most 30 minutes; escalation goes on", async () => {
    const f = spo2Low(2);
    writer.raise(f);
    await writer.drain();
    const id = (await alertByKey(f.key))!.id;
    const at = new Date(T0 + 1000);
    const silenced = await silenceAlert(nurse, id, { reason: "patient coughing", minutes: 45 }, { now: at });
    expect(silenced).toMatchObject({
      state: "active",
      silenceReason: "patient coughing",
      silencedUntil: new Date(at.getTime() + 30 * 60_000).toISOString(),
    });
    expect(silenced.nextEscalationAt).not.toBeNull();
  });

  it("refuses changes outside the caller's scope or role", async () => {
    const id = (await alertByKey(spo2Low(2).key))!.id;
    await expect(acknowledgeAlert(otherNurse, id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(acknowledgeAlert(patientUser, id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(acknowledgeAlert(nurse, "missing")).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("escalates an unacknowledged alarm on time: charge nurse at 60 s, physician on call at 120 s, then stops", async () => {
    const f = spo2Low(2);
    const id = (await alertByKey(f.key))!.id;
    const opts = { escalationMs: ESCALATION };
    expect(await nextEscalationDue(db.sql)).toEqual(new Date(T0 + 60_000));
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 59_999), opts)).toBe(0);
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 60_000), opts)).toBe(1);
    let row = await db.prisma.alert.findUnique({ where: { id } });
    expect(row).toMatchObject({ escalationLevel: 1, nextEscalationAt: new Date(T0 + 120_000) });
    expect(notified.at(-1)).toMatchObject({
      notification: { level: 1, reason: "escalated" },
      recipients: [{ id: charge.userId, name: charge.name }],
    });
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 119_000), opts)).toBe(0);
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 120_000), opts)).toBe(1);
    row = await db.prisma.alert.findUnique({ where: { id } });
    expect(row).toMatchObject({ escalationLevel: 2, nextEscalationAt: null });
    expect(notified.at(-1)).toMatchObject({ notification: { level: 2 }, recipients: [{ id: onCall.userId }] });
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 3_600_000), opts)).toBe(0);
    const trail = (await getAlertDetail(charge, id)).events.filter((e) => e.type === "escalated").map((e) => e.detail);
    expect(trail).toEqual([
      expect.objectContaining({ level: 1, automatic: true, recipients: [{ id: charge.userId, name: charge.name }] }),
      expect.objectContaining({ level: 2, automatic: true, recipients: [{ id: onCall.userId, name: onCall.name }] }),
    ]);
  });

  it("does not escalate an acknowledged alarm; skips a level with nobody on duty; escalates by hand", async () => {
    const acked = spo2Low(0, other);
    writer.raise(acked);
    await writer.drain();
    const ackedId = (await alertByKey(acked.key))!.id;
    await acknowledgeAlert(otherNurse, ackedId);
    expect(await escalateDueAlerts(db.sql, new Date(T0 + 600_000), { escalationMs: ESCALATION })).toBe(0);

    const manual = await escalateAlert(otherNurse, ackedId, { escalationMs: ESCALATION, reason: "needs a physician" });
    // Ward "other" has no charge nurse and no physician on call: both levels recorded, nobody reached.
    expect(manual).toMatchObject({ escalationLevel: 2, state: "acknowledged", nextEscalationAt: null });
    const steps = (await getAlertDetail(otherNurse, ackedId)).events.filter((e) => e.type === "escalated");
    expect(
      steps.map((e) => [e.actor?.id, (e.detail as { level: number }).level, (e.detail as { nobodyOnDuty?: boolean }).nobodyOnDuty]),
    ).toEqual([
      [otherNurse.userId, 1, true],
      [otherNurse.userId, 2, true],
    ]);
  });
});

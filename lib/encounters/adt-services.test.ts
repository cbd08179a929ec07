import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createDevice, assignDevice } from "@/lib/devices/manage-devices";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { createPatientRecord } from "@/lib/patients/write-patient";
import type { Principal } from "@/lib/auth/principal";
import { admitPatient } from "./admit-patient";
import { transferPatient } from "./transfer-patient";
import { dischargePatient } from "./discharge-patient";
import { cancelAdmission, cancelDischarge } from "./correct-encounter";
import type { AdtActor } from "./encounter-context";

const cli: AdtActor = { kind: "system", source: "cli" };

describe.each(testDatabaseKinds)("ADT services on %s", (kind) => {
  let db: TestDatabase;
  let wardA: { id: string; code: string };
  let wardB: { id: string; code: string };
  const bed = (w: { code: string }, label: string) => `${w.code}/${label}`;
  const newPatient = async () =>
    createPatientRecord(db.prisma, {
      mrn: `M${crypto.randomBytes(4).toString("hex")}`,
      givenName: "Ada",
      familyName: "Lovelace",
      birthDate: "1950-12-10",
      sex: "F",
    });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const tag = crypto.randomBytes(2).toString("hex");
    wardA = await db.prisma.ward.create({
      data: { code: `A${tag}`, name: "Ward A", beds: { create: [1, 2, 3, 4].map((i) => ({ label: String(i), room: `R${i}` })) } },
    });
    wardB = await db.prisma.ward.create({
      data: { code: `B${tag}`, name: "Ward B", beds: { create: [1, 2].map((i) => ({ label: String(i) })) } },
    });
  });
  afterAll(async () => db?.destroy());

  it("writes patients through one function: MRN unique, fields validated by name", async () => {
    const p = await newPatient();
    await expect(
      createPatientRecord(db.prisma, { mrn: p.mrn, givenName: "X", familyName: "Y", birthDate: "1960-01-01" }),
    ).rejects.toMatchObject({
      kind: "conflict",
      field: "mrn",
    });
    await expect(
      createPatientRecord(db.prisma, { mrn: "OK1", givenName: "X", familyName: "Y", birthDate: "1960-02-30" }),
    ).rejects.toMatchObject({
      field: "birthDate",
    });
    await expect(
      createPatientRecord(db.prisma, { mrn: "OK2", givenName: "X", familyName: "Y", birthDate: "1960-01-01", sex: "Q" as "M" }),
    ).rejects.toMatchObject({ field: "sex" });
  });

  it("a bed holds one patient; a patient holds one open encounter", async () => {
    const p1 = await newPatient();
    const p2 = await newPatient();
    const e1 = await admitPatient(cli, { patientId: p1.id, bedId: bed(wardA, "1") });
    expect(e1).toMatchObject({ status: "admitted", bed: { label: "1", room: "R1", wardId: wardA.id }, source: "cli" });
    await expect(admitPatient(cli, { patientId: p2.id, bedId: bed(wardA, "1") })).rejects.toMatchObject({
      kind: "conflict",
      field: "bedId",
    });
    await expect(admitPatient(cli, { patientId: p1.id, bedId: bed(wardA, "2") })).rejects.toMatchObject({
      kind: "conflict",
      field: "patientId",
    });
    await expect(admitPatient(cli, { patientId: p2.id, bedId: `${wardA.code}/99` })).rejects.toMatchObject({
      kind: "not_found",
      field: "bedId",
    });
    await expect(transferPatient(cli, e1.id, { bedId: bed(wardA, "1") })).rejects.toMatchObject({ field: "bedId" });
    // Two admissions racing for one bed: exactly one wins.
    const results = await Promise.allSettled([
      admitPatient(cli, { patientId: p2.id, bedId: bed(wardA, "2") }),
      admitPatient(cli, { patientId: (await newPatient()).id, bedId: bed(wardA, "2") }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.patient.count({ where: { bed: { wardId: wardA.id, label: "2" } } })).toBe(1);
  });

  it("refuses a nurse outside her wards and a patient account", async () => {
    const p = await newPatient();
    const nurse: Principal = { userId: "u1", email: "n@x", name: "N", role: "nurse", patientId: null, wardIds: [wardA.id], via: "token" };
    await expect(admitPatient({ kind: "user", principal: nurse }, { patientId: p.id, bedId: bed(wardB, "2") })).rejects.toMatchObject({
      kind: "forbidden",
    });
    const pat: Principal = { ...nurse, role: "patient", wardIds: [] };
    await expect(admitPatient({ kind: "user", principal: pat }, { patientId: p.id, bedId: bed(wardA, "3") })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("a transfer moves the bed's device stream to the new bed's patient from that moment on, never retroactively", async () => {
    const p = await newPatient();
    const enc = await admitPatient(cli, { patientId: p.id, bedId: bed(wardB, "1"), admittedAt: new Date(Date.now() - 3_600_000) });
    const oldBedMonitor = await createDevice({ type: "bedside_monitor", bed: bed(wardB, "1") });
    const newBedMonitor = await createDevice({ type: "bedside_monitor", bed: bed(wardA, "3") });
    const send = async (dev: { id: string; secret: string }, seq: number, ts: number) => {
      const auth = await authenticateDevice(dev.id, dev.secret);
      if (!auth.ok) throw new Error(auth.reason);
      const r = await acceptTelemetry(auth.device, JSON.stringify({ seq, ts: new Date(ts).toISOString(), values: { heart_rate: 70 } }), {
        transport: "http",
        topic: null,
        rateLimit: false,
      });
      expect(r.ok).toBe(true);
    };
    const owner = async (deviceId: string, seq: number) =>
      (
        await db.sql.query<{ patient_id: string | null }>(`SELECT patient_id FROM observations WHERE device_id=$1 AND seq=$2`, [
          deviceId,
          seq,
        ])
      )[0]?.patient_id;
    const t0 = Date.now() - 60_000;
    await send(oldBedMonitor, 1, t0);
    await send(newBedMonitor, 1, t0);
    const transferAt = new Date(Date.now() - 30_000);
    await transferPatient(cli, enc.id, { bedId: bed(wardA, "3"), at: transferAt });
    // After the transfer moment: the new bed's monitor reports for the patient, the old bed's for nobody.
    await send(newBedMonitor, 2, Date.now());
    await send(oldBedMonitor, 2, Date.now());
    // A late frame from before the transfer keeps its owner at that time.
    await send(oldBedMonitor, 3, transferAt.getTime() - 1000);
    expect(await owner(oldBedMonitor.id, 1)).toBe(p.id);
    expect(await owner(newBedMonitor.id, 1)).toBeNull();
    expect(await owner(newBedMonitor.id, 2)).toBe(p.id);
    expect(await owner(oldBedMonitor.id, 2)).toBeNull();
    expect(await owner(oldBedMonitor.id, 3)).toBe(p.id);
    const spans = await db.prisma.bedAssignment.findMany({ where: { encounterId: enc.id }, orderBy: { fromAt: "asc" } });
    expect(spans.map((s) => [s.wardId, s.toAt?.getTime() ?? null])).toEqual([
      [wardB.id, transferAt.getTime()],
      [wardA.id, null],
    ]);
  });

  it("discharge frees the bed and leaves no device attached; a readmission within 30 days links back", async () => {
    const p = await newPatient();
    const enc = await admitPatient(cli, { patientId: p.id, bedId: bed(wardB, "2"), admittedAt: new Date(Date.now() - 86_400_000) });
    const wearable = await createDevice({ type: "wearable", patientId: p.id });
    await expect(dischargePatient(cli, enc.id, { disposition: "99" })).rejects.toMatchObject({ field: "disposition" });
    const done = await dischargePatient(cli, enc.id, { disposition: "01" });
    expect(done).toMatchObject({ status: "discharged", disposition: "01", bed: null });
    expect(await db.prisma.device.count({ where: { patientId: p.id } })).toBe(0);
    // The device's assignment history: on the patient at its bed, then detached by the discharge.
    const history = await db.prisma.deviceAssignmentHistory.findMany({ where: { deviceId: wearable.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.kind, h.patientId, h.label, h.reason, h.actorEmail])).toEqual([
      ["patient", p.id, `${wardB.code}/2`, "provisioned", null],
      ["none", null, null, "patient discharged", "cli"],
    ]);
    expect((await db.prisma.bed.findFirst({ where: { wardId: wardB.id, label: "2" }, include: { patient: true } }))?.patient).toBeNull();
    await expect(assignDevice(wearable.id, { kind: "patient", patientId: p.id })).rejects.toMatchObject({ field: "patient" });
    await expect(dischargePatient(cli, enc.id, { disposition: "01" })).rejects.toMatchObject({ kind: "conflict" });

    const again = await admitPatient(cli, { patientId: p.id, bedId: bed(wardB, "2") });
    expect(again.readmissionOfId).toBe(enc.id);
  });

  it("corrections: cancel an admission frees the bed; cancel a discharge puts the patient back in a free last bed", async () => {
    const p = await newPatient();
    const enc = await admitPatient(cli, { patientId: p.id, bedId: bed(wardA, "4") });
    expect((await cancelAdmission(cli, enc.id)).status).toBe("cancelled");
    expect(await db.prisma.patient.findUnique({ where: { id: p.id }, select: { bedId: true } })).toEqual({ bedId: null });
    const enc2 = await admitPatient(cli, { patientId: p.id, bedId: bed(wardA, "4") });
    expect(enc2.readmissionOfId).toBeNull();
    await dischargePatient(cli, enc2.id, { disposition: "01" });
    const back = await cancelDischarge(cli, enc2.id);
    expect(back).toMatchObject({ status: "admitted", disposition: null, bed: { label: "4" } });
  });
});

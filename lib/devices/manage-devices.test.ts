import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { DeviceChangedEvent } from "@/lib/events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { authenticateDevice } from "./authenticate-device";
import { Refusal } from "@/lib/errors/refusal";
import { assignDevice, assignmentBodySchema, createDevice, revokeDevice, rotateDeviceSecret, unassignDevice } from "./manage-devices";
import { getRegistryDevice, listRegistryDevices } from "./device-queries";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => (e instanceof Refusal ? e.message : `unexpected: ${e.message}`),
  );

describe.each(testDatabaseKinds)("device registry management on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  const changes: DeviceChangedEvent[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    unsubscribe = eventBus().subscribe("device:changed", (e) => void changes.push(e));
  });
  afterAll(async () => {
    unsubscribe();
    await db?.destroy();
  });

  it("provisions with validation errors that name the field", async () => {
    expect(await refusal(createDevice({ type: "toaster" }))).toMatch(/^type: unknown device type "toaster"/);
    expect(await refusal(createDevice({ type: "wearable", id: "has/slash" }))).toMatch(/^id: use letters/);
    expect(await refusal(createDevice({ type: "wearable", patientId: "nope" }))).toBe('patient: no patient with id "nope"');
    expect(await refusal(createDevice({ type: "wearable", bed: `${ward.ward.code}/99` }))).toMatch(/^bed: no bed/);
    expect(await refusal(createDevice({ type: "wearable", bed: `${ward.ward.code}/1`, location: "Store" }))).toMatch(
      /^assignment: give at most one/,
    );
    const d = await createDevice({ type: "infusion_pump", id: "pump-test-1", assetTag: "PUMP-0042" }, { audit: { actor: { email: "t" } } });
    expect(d.id).toBe("pump-test-1");
    expect(await refusal(createDevice({ type: "infusion_pump", id: "pump-test-1" }))).toBe(
      'id: a device with id "pump-test-1" already exists',
    );
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).assetTag).toBe("PUMP-0042");
    expect(await db.prisma.auditEvent.count({ where: { action: "device.create" } })).toBe(1);
  });

  it("rotates the secret: the old one stops working at once, the new one works", async () => {
    const d = await createDevice({ type: "bedside_monitor", patientId: ward.patients[0]!.id });
    expect((await authenticateDevice(d.id, d.secret)).ok).toBe(true);
    changes.length = 0;
    const fresh = await rotateDeviceSecret(d.id, { audit: { actor: { email: "t" } } });
    expect(fresh).not.toBe(d.secret);
    expect(changes).toEqual([{ deviceId: d.id, change: "rotated" }]);
    expect(await authenticateDevice(d.id, d.secret)).toEqual({ ok: false, reason: "bad_secret" });
    expect((await authenticateDevice(d.id, fresh)).ok).toBe(true);
    expect(await refusal(rotateDeviceSecret("missing"))).toBe('device: no active device with id "missing"');
  });

  it("assigns to a patient, a bed, an asset tag or a location, and unassigns", async () => {
    const d = await createDevice({ type: "wearable" });
    const bedRef = `${ward.ward.code.toLowerCase()}/2`;
    expect(await assignDevice(d.id, { kind: "bed", bed: bedRef })).toMatchObject({
      patientId: null,
      assetTag: null,
      label: `${ward.ward.code}/2`,
    });
    let row = await getRegistryDevice(d.id, { showPatients: false });
    expect(row?.assignment).toEqual({ kind: "bed", ward: ward.ward.code, bed: "2" });
    await assignDevice(d.id, { kind: "patient", patientId: ward.patients[0]!.id }, { audit: { actor: { email: "t" } } });
    row = await getRegistryDevice(d.id, { showPatients: false });
    expect(row?.assignment).toEqual({ kind: "patient", ward: ward.ward.code, bed: "1", patient: null }); // biomed: no patient identity
    row = await getRegistryDevice(d.id, { showPatients: true });
    expect(row?.assignment).toMatchObject({ kind: "patient", patient: { id: ward.patients[0]!.id, mrn: ward.patients[0]!.mrn } });
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "device.assign" } })).patientId).toBe(ward.patients[0]!.id);
    await assignDevice(d.id, { kind: "asset", tag: "WC-17" });
    expect((await getRegistryDevice(d.id, { showPatients: true }))?.assignment).toEqual({ kind: "asset", tag: "WC-17" });
    await assignDevice(d.id, { kind: "location", text: "Biomed workshop, shelf 3" });
    const stored = await db.prisma.device.findUniqueOrThrow({ where: { id: d.id } });
    expect(stored).toMatchObject({ patientId: null, bedId: null, assetTag: null, location: "Biomed workshop, shelf 3" });
    changes.length = 0;
    await unassignDevice(d.id);
    expect(changes).toEqual([{ deviceId: d.id, change: "assigned" }]);
    expect((await getRegistryDevice(d.id, { showPatients: true }))?.assignment).toEqual({ kind: "none" });
    expect(await refusal(assignDevice(d.id, { kind: "asset", tag: "bad tag!" }))).toMatch(/^assetTag: /);
    expect(await refusal(assignDevice(d.id, { kind: "location", text: "  " }))).toBe("location: is empty");
    expect(await refusal(assignDevice("missing", { kind: "none" }))).toBe('device: no device with id "missing"');
  });

  it("parses an assignment body: exactly one target", () => {
    expect(assignmentBodySchema.parse({ bed: "4E/3" })).toEqual({ kind: "bed", bed: "4E/3" });
    expect(assignmentBodySchema.parse({ unassign: true })).toEqual({ kind: "none" });
    expect(assignmentBodySchema.safeParse({ bed: "4E/3", location: "x" }).success).toBe(false);
    expect(assignmentBodySchema.safeParse({}).success).toBe(false);
  });

  it("revokes: no more connections, no more assignment changes, open updates cancelled", async () => {
    const d = await createDevice({ type: "cgm" });
    const pkg = await db.prisma.firmwarePackage.create({
      data: { deviceType: "cgm", version: "1.0.0", sha256: "x", signature: "x", sizeBytes: 1, content: new Uint8Array([1]) },
    });
    await db.prisma.deviceFirmwareUpdate.create({ data: { deviceId: d.id, packageId: pkg.id } });
    changes.length = 0;
    await revokeDevice(d.id, { audit: { actor: { email: "t" } } });
    expect(changes).toEqual([{ deviceId: d.id, change: "revoked" }]);
    expect(await authenticateDevice(d.id, d.secret)).toEqual({ ok: false, reason: "revoked" });
    expect(await refusal(rotateDeviceSecret(d.id))).toMatch(/is revoked/);
    expect(await refusal(assignDevice(d.id, { kind: "location", text: "x" }))).toMatch(/is revoked/);
    expect((await db.prisma.deviceFirmwareUpdate.findFirstOrThrow({ where: { deviceId: d.id } })).state).toBe("failed");
    expect(await db.prisma.auditEvent.count({ where: { action: "device.revoke" } })).toBe(1);
  });

  it("lists the registry with filters", async () => {
    const ids = async (f: Parameters<typeof listRegistryDevices>[0]) =>
      (await listRegistryDevices(f, { showPatients: false })).map((d) => d.id).sort();
    expect(await ids({ type: "infusion_pump" })).toEqual(["pump-test-1"]);
    expect((await ids({ status: "revoked" })).length).toBe(1);
    expect((await ids({ ward: ward.ward.code })).length).toBeGreaterThanOrEqual(1);
    expect(await ids({ ward: "NOPE" })).toEqual([]);
    expect(await ids({ q: "pump-test" })).toEqual(["pump-test-1"]);
    expect((await ids({ connectivity: "unknown" })).length).toBeGreaterThan(3);
    expect(await ids({ connectivity: "online" })).toEqual([]);
    expect(await ids({ firmware: "flagged" })).toEqual([]);
  });
});

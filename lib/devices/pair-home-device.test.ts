// Pairing home devices through the route handlers, on both databases: a clinician who may see the patient
// provisions a CGM (its secret works) or pairs one from stock (a fresh secret; the stock one stops working),
// refusals name the field (not a home device, in use, bad body), another ward's nurse gets 403, and
// unpairing frees the device and rotates its secret away. Each change is audited.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { createDevice } from "@/lib/devices/manage-devices";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { GET as listRoute, POST as pairRoute } from "@/app/api/v1/patients/[id]/devices/route";
import { DELETE as unpairRoute } from "@/app/api/v1/patients/[id]/devices/[deviceId]/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (h: Handler, method: string, token: string, params: Record<string, string>, body?: unknown) =>
  h(
    new NextRequest("http://x/api/v1/test", {
      method,
      headers: { authorization: `Bearer ${token}`, "user-agent": "vitest", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve(params) },
  );

describe.each(testDatabaseKinds)("pairing home devices on %s", (kind) => {
  let db: TestDatabase;
  let patient: string;
  let nurse: string, otherNurse: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await createWardWithPatients(db.prisma, 1);
    patient = ward.patients[0]!.id;
    nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
    otherNurse = (await createUserWithToken(db.prisma, "nurse")).token;
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it("provisions a new CGM paired to the patient, with a secret that authenticates", async () => {
    const res = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { type: "cgm" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { device: { id: string; type: string }; secret: string };
    expect(body.device.type).toBe("cgm");
    expect((await db.prisma.device.findUnique({ where: { id: body.device.id } }))?.patientId).toBe(patient);
    expect((await authenticateDevice(body.device.id, body.secret)).ok).toBe(true);
    const list = (await (await call(listRoute as Handler, "GET", nurse, { id: patient })).json()) as { devices: { id: string }[] };
    expect(list.devices.map((d) => d.id)).toContain(body.device.id);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "device.create", patientId: patient } });
    expect(audit.length).toBeGreaterThan(0);
  });

  it("pairs a device from stock with a fresh secret; the old one stops working", async () => {
    const stock = await createDevice({ type: "bp_cuff", id: `bp-stock-${crypto.randomBytes(3).toString("hex")}` });
    const res = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { deviceId: stock.id });
    expect(res.status).toBe(201);
    const { secret } = (await res.json()) as { secret: string };
    expect((await authenticateDevice(stock.id, secret)).ok).toBe(true);
    expect((await authenticateDevice(stock.id, stock.secret)).ok).toBe(false);

    const again = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { deviceId: stock.id });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      issues: [{ field: "body.deviceId", reason: "this device is already paired to the patient" }],
    });

    const unpaired = await call(unpairRoute as Handler, "DELETE", nurse, { id: patient, deviceId: stock.id });
    expect(unpaired.status).toBe(204);
    expect((await db.prisma.device.findUnique({ where: { id: stock.id } }))?.patientId).toBeNull();
    expect((await authenticateDevice(stock.id, secret)).ok).toBe(false);
    expect(await db.prisma.auditEvent.count({ where: { action: "device.unassign", patientId: patient } })).toBe(1);
  });

  it("refuses a bedside monitor, a device in use and a bad body, naming the field", async () => {
    const monitor = await createDevice({ type: "bedside_monitor" });
    const res = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { deviceId: monitor.id });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      issues: [{ field: "body.deviceId", reason: expect.stringMatching(/a bedside_monitor is not a home device/) }],
    });

    const inUse = await createDevice({ type: "cgm", location: "Diabetes clinic shelf" });
    const busy = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { deviceId: inUse.id });
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ issues: [{ field: "body.deviceId", reason: "this device is in use; unpair it first" }] });

    const bad = await call(pairRoute as Handler, "POST", nurse, { id: patient }, { type: "infusion_pump" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/give \{\\"type\\": <home device type>\}/);
  });

  it("refuses a nurse who may not see the patient", async () => {
    expect((await call(pairRoute as Handler, "POST", otherNurse, { id: patient }, { type: "cgm" })).status).toBe(403);
    expect((await call(listRoute as Handler, "GET", otherNurse, { id: patient })).status).toBe(403);
  });
});

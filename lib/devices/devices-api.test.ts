import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { authenticateDevice } from "./authenticate-device";
import * as list from "@/app/api/v1/devices/route";
import * as one from "@/app/api/v1/devices/[deviceId]/route";
import * as rotate from "@/app/api/v1/devices/[deviceId]/rotate-secret/route";
import * as revoke from "@/app/api/v1/devices/[deviceId]/revoke/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds)("device registry API on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  let admin: string, biomed: string, nurse: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    biomed = (await createUserWithToken(db.prisma, "biomed")).token;
    nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
  });
  afterAll(async () => db?.destroy());

  const call = async (handler: Handler, url: string, token: string | null, body?: unknown, params: Record<string, string> = {}) => {
    const method = body === undefined ? "GET" : "POST"; // the handlers do not look at the method
    const headers: Record<string, string> = { "user-agent": "vitest" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await handler(new NextRequest(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
      params: Promise.resolve(params),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { issues?: { field: string; reason: string }[] } };
  };

  it("admits admin and biomed, refuses nurses (403) and anonymous callers (401)", async () => {
    expect((await call(list.GET, "http://x/api/v1/devices", null)).status).toBe(401);
    expect((await call(list.GET, "http://x/api/v1/devices", nurse)).status).toBe(403);
    expect((await call(list.POST, "http://x/api/v1/devices", nurse, { type: "wearable" })).status).toBe(403);
    expect((await call(list.GET, "http://x/api/v1/devices", biomed)).status).toBe(200);
    expect((await call(list.GET, "http://x/api/v1/devices", admin)).status).toBe(200);
  });

  it("provisions a device (secret in the answer, once) and explains refusals by field", async () => {
    const bad = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "toaster" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: "type", reason: expect.stringContaining('unknown device type "toaster"') }]);
    const extra = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "wearable", colour: "red" });
    expect(extra.status).toBe(400);
    expect((await call(list.POST, "http://x/api/v1/devices", biomed, { type: "wearable", patientId: ward.patients[0]!.id })).status).toBe(
      403,
    );
    const created = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "infusion_pump", assetTag: "PUMP-7" });
    expect(created.status).toBe(201);
    const device = created.body.device as { id: string; assignment: unknown };
    expect(device.assignment).toEqual({ kind: "asset", tag: "PUMP-7" });
    expect((await authenticateDevice(device.id, created.body.secret as string)).ok).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "device.create" } });
    expect(audit).toMatchObject({ actorRole: "biomed", userAgent: "vitest" });
  });

  it("shows patient identity to admins only, and audits the admin's read", async () => {
    const made = await call(list.POST, "http://x/api/v1/devices", admin, { type: "bedside_monitor", patientId: ward.patients[1]!.id });
    const id = (made.body.device as { id: string }).id;
    const asBiomed = await call(one.GET, `http://x/api/v1/devices/${id}`, biomed, undefined, { deviceId: id });
    expect((asBiomed.body.device as { assignment: unknown }).assignment).toEqual({
      kind: "patient",
      ward: ward.ward.code,
      bed: "2",
      patient: null,
    });
    expect(JSON.stringify(asBiomed.body)).not.toContain(ward.patients[1]!.id);
    const asAdmin = await call(one.GET, `http://x/api/v1/devices/${id}`, admin, undefined, { deviceId: id });
    expect((asAdmin.body.device as { assignment: { patient: { id: string } } }).assignment.patient.id).toBe(ward.patients[1]!.id);
    expect(await db.prisma.auditEvent.count({ where: { action: "device.view", patientId: ward.patients[1]!.id } })).toBe(1);
    const filtered = await call(list.GET, `http://x/api/v1/devices?type=bedside_monitor&ward=${ward.ward.code}`, biomed);
    expect((filtered.body.devices as { id: string }[]).map((d) => d.id)).toEqual([id]);
    expect((await call(list.GET, "http://x/api/v1/devices?connectivity=sideways", biomed)).status).toBe(400);
  });

  it("assigns with PATCH, rotates and revokes", async () => {
    const made = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "wearable" });
    const id = (made.body.device as { id: string }).id;
    const p = (body: unknown, token = biomed) => call(one.PATCH, `http://x/api/v1/devices/${id}`, token, body, { deviceId: id });
    expect(((await p({ bed: `${ward.ward.code}/1` })).body.device as { assignment: unknown }).assignment).toEqual({
      kind: "bed",
      ward: ward.ward.code,
      bed: "1",
    });
    const bad = await p({ bed: `${ward.ward.code}/77` });
    expect(bad).toMatchObject({ status: 400, body: { issues: [{ field: "bed" }] } });
    expect((await p({ bed: "x", location: "y" })).status).toBe(400);
    expect((await p({ patientId: ward.patients[0]!.id })).status).toBe(403);
    expect((await p({ patientId: ward.patients[0]!.id }, admin)).status).toBe(200);
    expect(((await p({ unassign: true })).body.device as { assignment: unknown }).assignment).toEqual({ kind: "none" });
    const r = await call(rotate.POST, `http://x/api/v1/devices/${id}/rotate-secret`, biomed, undefined, { deviceId: id });
    expect(r.status).toBe(200);
    expect((await authenticateDevice(id, made.body.secret as string)).ok).toBe(false);
    expect((await authenticateDevice(id, r.body.secret as string)).ok).toBe(true);
    expect((await call(rotate.POST, "http://x/api/v1/devices/nope/rotate-secret", biomed, undefined, { deviceId: "nope" })).status).toBe(
      404,
    );
    expect((await call(revoke.POST, `http://x/api/v1/devices/${id}/revoke`, nurse, undefined, { deviceId: id })).status).toBe(403);
    const v = await call(revoke.POST, `http://x/api/v1/devices/${id}/revoke`, biomed, undefined, { deviceId: id });
    expect(v.status).toBe(200);
    expect(await authenticateDevice(id, r.body.secret as string)).toEqual({ ok: false, reason: "revoked" });
    expect(await db.prisma.auditEvent.count({ where: { action: { in: ["device.rotate_secret", "device.revoke"] } } })).toBe(2);
  });
  it("provisions an env_sensor with a profile and sets or clears it with PATCH {environmentProfile}", async () => {
    const bad = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "infusion_pump", environmentProfile: "vaccine_fridge" });
    expect(bad).toMatchObject({
      status: 400,
      body: { issues: [{ field: "environmentProfile", reason: expect.stringContaining("one of: vaccine_fridge, vaccine_freezer") }] },
    });
    const made = await call(list.POST, "http://x/api/v1/devices", biomed, {
      type: "env_sensor",
      location: "Pharmacy vaccine fridge A",
      environmentProfile: "vaccine_fridge",
    });
    expect(made.status).toBe(201);
    const device = made.body.device as { id: string; environmentProfile: string | null };
    expect(device.environmentProfile).toBe("vaccine_fridge");
    const id = device.id;
    const p = (body: unknown, token = biomed) => call(one.PATCH, `http://x/api/v1/devices/${id}`, token, body, { deviceId: id });
    expect(await p({ environmentProfile: "wine_cellar" })).toMatchObject({
      status: 400,
      body: { issues: [{ field: "environmentProfile", reason: expect.stringContaining('unknown profile "wine_cellar"') }] },
    });
    expect(await p({ environmentProfile: "vaccine_fridge", bed: `${ward.ward.code}/1` })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining("on its own") },
    });
    expect((await p({ environmentProfile: null }, nurse)).status).toBe(403);
    expect(
      ((await p({ environmentProfile: "vaccine_freezer" })).body.device as { environmentProfile: string | null }).environmentProfile,
    ).toBe("vaccine_freezer");
    const cleared = await p({ environmentProfile: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.device).toMatchObject({
      environmentProfile: null,
      assignment: { kind: "location", text: "Pharmacy vaccine fridge A" },
    });
    expect(await db.prisma.auditEvent.count({ where: { action: "device.set_profile", actorRole: "biomed" } })).toBe(2);
    const pump = await call(list.POST, "http://x/api/v1/devices", biomed, { type: "infusion_pump" });
    const pumpId = (pump.body.device as { id: string }).id;
    expect(
      (await call(one.PATCH, `http://x/api/v1/devices/${pumpId}`, biomed, { environmentProfile: "vaccine_fridge" }, { deviceId: pumpId }))
        .status,
    ).toBe(400);
    expect((await call(one.PATCH, "http://x/api/v1/devices/nope", biomed, { environmentProfile: null }, { deviceId: "nope" })).status).toBe(
      404,
    );
  });
});

// Issue 12 item 7: the device page's loader (scoped like the registry: biomed and admins, never a nurse),
// its assignment history, connectivity and own telemetry, and the identity PATCH with field-naming errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import type { Principal } from "@/lib/auth/principal";
import * as one from "@/app/api/v1/devices/[deviceId]/route";
import { assignDevice, createDevice } from "./manage-devices";
import { loadDeviceDetail } from "./device-detail";

const META = { ip: "10.0.0.9", userAgent: "vitest" };
const MIN = 60_000;

describe.each(testDatabaseKinds)("device page loader on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  const as = {} as Record<"admin" | "biomed" | "nurse", { principal: Principal; token: string }>;
  let pump: string;
  let monitor: string;
  const now = Date.now();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    for (const role of ["admin", "biomed", "nurse"] as const) {
      const { user, token } = await createUserWithToken(db.prisma, role, role === "nurse" ? { wardIds: [ward.ward.id] } : {});
      as[role] = {
        token,
        principal: {
          userId: user.id,
          email: user.email,
          name: user.email,
          role,
          patientId: null,
          wardIds: role === "nurse" ? [ward.ward.id] : [],
          via: "token",
        },
      };
    }
    pump = (
      await createDevice(
        { type: "infusion_pump", id: "pump-detail-1", bed: `${ward.ward.code}/1` },
        { audit: { actor: as.biomed.principal } },
      )
    ).id;
    await assignDevice(pump, { kind: "location", text: "Biomed workshop" }, { audit: { actor: as.biomed.principal } });
    monitor = (await createDevice({ type: "bedside_monitor", id: "mon-detail-1", patientId: ward.patients[0]!.id })).id;

    // 60 minutes of pump telemetry, one frame a minute, silent from minute 20 to minute 40.
    const minutes = Array.from({ length: 60 }, (_, i) => i).filter((i) => i < 20 || i >= 40);
    for (const i of minutes) {
      const ts = new Date(now - (60 - i) * MIN).toISOString();
      await db.sql.query(`INSERT INTO device_frames (device_id, seq, ts) VALUES ($1, $2, $3)`, [pump, i + 1, ts]);
      await db.sql.query(
        `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
         VALUES (NULL, $1, 'vibration', $2, $3, $4), (NULL, $1, 'battery', 90, $3, $4), (NULL, $1, 'device_temp', 31.5, $3, $4)`,
        [pump, 0.2 + i / 100, ts, i + 1],
      );
    }
    // A monitor's vitals are the patient's data: never on the device page.
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq) VALUES ($1, $2, 'heart_rate', 80, $3, 1), ($1, $2, 'battery', 70, $3, 1)`,
      [ward.patients[0]!.id, monitor, new Date(now - 5 * MIN).toISOString()],
    );
  });
  afterAll(async () => db?.destroy());

  const audits = () => db.prisma.auditEvent.findMany({ where: { action: "device.view" }, orderBy: { id: "asc" } });

  it("refuses a nurse and an unknown device", async () => {
    await expect(loadDeviceDetail(as.nurse.principal, META, pump, now)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(loadDeviceDetail(as.biomed.principal, META, "no-such-device", now)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("gives biomed the history, connectivity and the pump's own trends", async () => {
    const d = await loadDeviceDetail(as.biomed.principal, META, pump, now);
    expect(d.device).toMatchObject({ id: pump, type: "infusion_pump", assignment: { kind: "location", text: "Biomed workshop" } });
    expect(d.history.map((h) => [h.kind, h.label, h.reason, h.actorEmail])).toEqual([
      ["location", "Biomed workshop", "assigned", as.biomed.principal.email],
      ["bed", `${ward.ward.code}/1`, "provisioned", as.biomed.principal.email],
    ]);
    expect(d.trends.map((t) => t.code)).toEqual(["vibration", "device_temp", "power", "battery"]);
    const vib = d.trends[0]!;
    expect(vib.points.filter((p) => p.v !== null).length).toBeGreaterThanOrEqual(8);
    expect(vib.points.some((p) => p.v === null)).toBe(true); // the 20-minute silence breaks the line
    expect(d.trends[3]).toMatchObject({ latest: 90 });
    expect(d.connectivity.offlinePeriods).toBe(1); // 20 min silent > the pump's 2 min timeout
    expect(d.connectivity.segments.map((s) => s.state)).toEqual(["no_data", "online", "offline", "online"]);
    expect(await audits()).toHaveLength(0); // no patient shown, nothing to audit
  });

  it("never charts a monitor's vitals, hides the patient from biomed and audits an admin's view once", async () => {
    const b = await loadDeviceDetail(as.biomed.principal, META, monitor, now);
    expect(b.trends.map((t) => t.code)).toEqual(["device_temp", "battery"]);
    expect(b.trends[1]!.latest).toBe(70);
    expect(b.device.assignment).toMatchObject({ kind: "patient", patient: null });
    expect(b.history[0]).toMatchObject({ kind: "patient", label: `${ward.ward.code}/1`, patient: null });
    expect(await audits()).toHaveLength(0);

    const a = await loadDeviceDetail(as.admin.principal, META, monitor, now);
    const p = ward.patients[0]!;
    expect(a.history[0]!.patient).toEqual({ id: p.id, name: `${p.givenName} ${p.familyName}`, mrn: p.mrn });
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: as.admin.principal.userId, patientId: p.id });
    expect(rows[0]!.detail).toMatchObject({ deviceId: monitor, view: "detail", patientIds: [p.id] });
  });

  it("records an unassignment in the history", async () => {
    await assignDevice(monitor, { kind: "none" }, { audit: { actor: as.admin.principal } });
    const d = await loadDeviceDetail(as.biomed.principal, META, monitor, now);
    expect(d.history[0]).toMatchObject({ kind: "none", label: null, reason: "unassigned" });
  });

  it("sets the identity with PATCH and names the field at fault", async () => {
    const patch = async (body: unknown, token = as.biomed.token) => {
      const res = await one.PATCH(
        new NextRequest(`http://x/api/v1/devices/${pump}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ deviceId: pump }) },
      );
      return {
        status: res.status,
        body: (await res.json()) as { device?: Record<string, unknown>; issues?: { field: string; reason: string }[] },
      };
    };
    const bad = await patch({ udi: "(01)00614141999995(21)X1", serialNumber: "ok" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: "body.udi", reason: "GTIN 00614141999995 has a wrong check digit" }]);
    const mixed = await patch({ udi: "(01)00614141999996", location: "Store" });
    expect(mixed.status).toBe(400);
    expect((await patch({ model: "LP-900" }, as.nurse.token)).status).toBe(403);

    const ok = await patch({ model: " LP-900 volumetric pump ", serialNumber: "LP9-24000123", udi: "(01)00614141999996(21)LP9-24000123" });
    expect(ok.status).toBe(200);
    expect(ok.body.device).toMatchObject({
      model: "LP-900 volumetric pump",
      serialNumber: "LP9-24000123",
      udi: "(01)00614141999996(21)LP9-24000123",
    });
    const cleared = await patch({ udi: null });
    expect(cleared.body.device).toMatchObject({ model: "LP-900 volumetric pump", udi: null });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "device.set_identity" }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.detail).toMatchObject({ deviceId: pump, udi: null, previous: { udi: "(01)00614141999996(21)LP9-24000123" } });
  });
});

// A fridge logger with a home ward: its excursion alarm is raised on that ward, reaches that ward's nurses
// (list, recipients, compliance record) and no other ward's; the PATCH body and the refusals name the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { createDevice } from "@/lib/devices/manage-devices";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { devicePatchBodySchema } from "@/lib/devices/set-environment-profile";
import { setDeviceWard } from "@/lib/devices/set-device-ward";
import { Refusal } from "@/lib/errors/refusal";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { GET as listAlertsRoute } from "@/app/api/v1/alerts/route";
import { GET as listExcursionsRoute } from "@/app/api/v1/environment/excursions/route";
import { findRecipients } from "./alert-recipients";
import { loadEquipmentInfos } from "./load-equipment";
import { startAlerting, type Alerting } from "./start-alerting";
import type { AlertView } from "@/lib/events";

const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const MIN = 60_000;
const HTTP = { transport: "http" as const, topic: null };
const CONFIG = { escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 }, news2WindowMs: 15 * 60_000 };

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => (e instanceof Refusal ? `${e.field} | ${e.message}` : `unexpected: ${e.message}`),
  );

async function get<T>(
  route: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  token: string,
) {
  const res = await route(new NextRequest(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe("device ward PATCH body", () => {
  it("takes {ward, room?} on its own, null clears; mixing it with an assignment is refused", () => {
    expect(devicePatchBodySchema.parse({ ward: "4E" })).toEqual({ kind: "ward", ward: "4E", room: null });
    expect(devicePatchBodySchema.parse({ ward: "4E", room: "4E-CLEAN" })).toEqual({ kind: "ward", ward: "4E", room: "4E-CLEAN" });
    expect(devicePatchBodySchema.parse({ ward: null })).toEqual({ kind: "ward", ward: null, room: null });
    const mixed = devicePatchBodySchema.safeParse({ ward: "4E", location: "x" });
    expect(mixed.success ? null : mixed.error.issues[0]?.message).toBe(
      "send ward (and room) on their own, not with location (assign in a separate PATCH)",
    );
    const bad = devicePatchBodySchema.safeParse({ ward: 4 });
    expect(bad.success ? null : bad.error.issues[0]?.path).toEqual(["ward"]);
  });
});

describe.each(testDatabaseKinds)("a fridge logger's home ward routes its alarms on %s", (kind) => {
  let db: TestDatabase;
  let alerting: Alerting;
  let now = T0;
  let seq = 0;
  let fridgeId: string;
  let wardA: { id: string; code: string };
  let wardB: { id: string; code: string };
  let nurseA: { token: string; id: string };
  let nurseB: { token: string; id: string };

  const send = async (celsius: number) => {
    const record = (await (await deviceDirectory()).get(fridgeId))!;
    const r = await acceptTelemetry(record, frameJson(++seq, { env_temp: celsius }, new Date(now)), HTTP);
    expect(r).toMatchObject({ ok: true, accepted: 1 });
    await new Promise((res) => setImmediate(res));
    now += MIN;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const a = await createWardWithPatients(db.prisma, 1);
    const b = await createWardWithPatients(db.prisma, 1);
    wardA = { id: a.ward.id, code: a.ward.code };
    wardB = { id: b.ward.id, code: b.ward.code };
    const fridge = await createDevice({ type: "env_sensor", location: "Ward medication fridge", environmentProfile: "vaccine_fridge" });
    fridgeId = fridge.id;
    const na = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.id] });
    const nb = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardB.id] });
    nurseA = { token: na.token, id: na.user.id };
    nurseB = { token: nb.token, id: nb.user.id };
  });
  afterAll(async () => {
    await alerting?.stop();
    await db?.destroy();
  });

  it("sets the home ward by code, refusing an unknown ward, a room without a ward and a device at a bed", async () => {
    expect(await refusal(setDeviceWard(fridgeId, { ward: "NOPE" }))).toBe('ward | ward: no ward "NOPE"');
    expect(await refusal(setDeviceWard(fridgeId, { ward: null, room: "R1" }))).toBe("room | room: a room needs a ward");
    expect(await refusal(setDeviceWard(fridgeId, { ward: wardA.code, room: "R-missing" }))).toBe('room | room: no room "R-missing"');
    expect(await refusal(setDeviceWard("missing", { ward: wardA.code }))).toBe('device | device: no device with id "missing"');
    const atBed = await createDevice({ type: "bedside_monitor", bed: `${wardB.code}/1` });
    expect(await refusal(setDeviceWard(atBed.id, { ward: wardA.code }))).toMatch(/^ward \| .*belongs to that ward; unassign it first/);

    expect(await setDeviceWard(fridgeId, { ward: wardA.code }, { audit: { actor: { email: "t" } } })).toEqual({
      id: fridgeId,
      wardId: wardA.id,
      wardCode: wardA.code,
      roomId: null,
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "device.set_ward" } });
    expect(audit.detail).toMatchObject({ deviceId: fridgeId, wardId: wardA.id, previous: { wardId: null } });
    expect((await loadEquipmentInfos(db.sql, [fridgeId]))[0]).toMatchObject({ wardId: wardA.id, location: "Ward medication fridge" });
  });

  it("raises the excursion on that ward: its nurses list it, are its recipients and see its record; the other ward's do not", async () => {
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    for (const c of [4.8, 5.1, 8.7, 9.4, 9.9, 10.3, 10.8, 11.1]) await send(c);
    await alerting.writer.drain();
    await alerting.excursions.drain();
    const alert = await db.prisma.alert.findFirstOrThrow({ where: { rule: "env.excursion" } });
    expect(alert).toMatchObject({ wardId: wardA.id, patientId: null, deviceId: fridgeId });

    const listA = await get<{ alerts: AlertView[] }>(listAlertsRoute, "http://x/api/v1/alerts?status=all", nurseA.token);
    const listB = await get<{ alerts: AlertView[] }>(listAlertsRoute, "http://x/api/v1/alerts?status=all", nurseB.token);
    expect(listA.alerts.map((a) => a.id)).toContain(alert.id);
    expect(listB.alerts.map((a) => a.id)).not.toContain(alert.id);

    const recipients = (await findRecipients(db.sql, { wardId: alert.wardId, patientId: null, rule: alert.rule }, 0)).map((p) => p.id);
    expect(recipients).toContain(nurseA.id);
    expect(recipients).not.toContain(nurseB.id);

    type Ex = { excursions: { deviceId: string; wardCode: string | null }[] };
    const url = "http://x/api/v1/environment/excursions";
    expect((await get<Ex>(listExcursionsRoute, url, nurseA.token)).excursions).toEqual([
      expect.objectContaining({ deviceId: fridgeId, wardCode: wardA.code }),
    ]);
    expect((await get<Ex>(listExcursionsRoute, url, nurseB.token)).excursions).toEqual([]);
  });
});

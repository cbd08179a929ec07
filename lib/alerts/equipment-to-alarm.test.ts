import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness } from "@/test/support/socket-harness";
import { createDevice } from "@/lib/devices/manage-devices";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { listRegistryDevices } from "@/lib/devices/device-queries";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { GET as listAlertsRoute } from "@/app/api/v1/alerts/route";
import { POST as acknowledgeRoute } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import { startAlerting, type Alerting } from "./start-alerting";
import type { AlertView } from "@/lib/events";
import { createPumpModel } from "@/lib/simulator/device-scenarios";

// Recent (ingest refuses frames older than its horizon), on a whole hour.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const MIN = 60_000;
const HTTP = { transport: "http" as const, topic: null };
const CONFIG = { escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 }, news2WindowMs: 15 * 60_000 };

async function listAs(token: string): Promise<AlertView[]> {
  const res = await listAlertsRoute(
    new NextRequest("http://x/api/v1/alerts?status=all", { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { alerts: AlertView[] }).alerts;
}

async function acknowledgeAs(token: string, id: string): Promise<number> {
  const res = await acknowledgeRoute(
    new NextRequest(`http://x/api/v1/alerts/${id}/acknowledge`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return res.status;
}

describe.each(testDatabaseKinds)("equipment readings in → alarm and compliance record out on %s", (kind) => {
  let db: TestDatabase;
  let alerting: Alerting;
  let sockets: SocketHarness;
  let now = T0;
  let seq = 0;
  let fridgeId: string;
  let biomed: { token: string; id: string };
  let nurseToken: string;
  const raisedLive: AlertView[] = [];

  const send = async (celsius: number) => {
    const record = (await (await deviceDirectory()).get(fridgeId))!;
    const r = await acceptTelemetry(record, frameJson(++seq, { env_temp: celsius }, new Date(now)), HTTP);
    expect(r).toMatchObject({ ok: true, accepted: 1 });
    await new Promise((res) => setImmediate(res)); // the engine drains its queue on the next turn
    now += MIN;
  };
  const settle = async () => {
    await alerting.writer.drain();
    await alerting.excursions.drain();
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await createWardWithPatients(db.prisma, 1);
    const fridge = await createDevice({ type: "env_sensor", location: "Pharmacy vaccine fridge A" });
    fridgeId = fridge.id;
    await db.prisma.device.update({ where: { id: fridgeId }, data: { environmentProfile: "vaccine_fridge" } });
    const b = await createUserWithToken(db.prisma, "biomed");
    biomed = { token: b.token, id: b.user.id };
    nurseToken = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    sockets = await startSocketHarness();
    const biomedClient = await sockets.connect(biomed.token);
    biomedClient.on("alert:raised", (a) => raisedLive.push(a));
    expect(await sockets.subscribe(biomedClient, "equipment", "all")).toEqual({ ok: true });
  });
  afterAll(async () => {
    await alerting?.stop();
    await sockets?.close();
    await db?.destroy();
  });

  it("refuses the equipment room to a nurse", async () => {
    const nurse = await sockets.connect(nurseToken);
    expect(await sockets.subscribe(nurse, "equipment", "all")).toEqual({ ok: false, error: "not permitted for your role" });
  });

  it("raises a fridge excursion once it has lasted 5 min, records it, links the alarm and tells biomed live", async () => {
    for (const c of [4.8, 5.1, 8.7, 9.4, 9.9]) await send(c);
    await settle();
    expect(await db.prisma.alert.count()).toBe(0); // 3 min out of range: not yet an excursion
    for (const c of [10.3, 10.8, 11.1]) await send(c);
    await settle();
    const alerts = await db.prisma.alert.findMany();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: "env.excursion",
      priority: "medium",
      patientId: null,
      deviceId: fridgeId,
      openKey: `env.excursion:${fridgeId}`,
    });
    const rows = await db.prisma.environmentExcursion.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      deviceId: fridgeId,
      kind: "high",
      profile: "vaccine_fridge",
      location: "Pharmacy vaccine fridge A",
      endedAt: null,
      alertId: alerts[0]!.id,
      maxC: 11.1,
    });
    expect(rows[0]!.startedAt.getTime()).toBe(T0 + 2 * MIN);

    const notified = await db.prisma.alertEvent.findFirstOrThrow({ where: { alertId: alerts[0]!.id, type: "notified" } });
    expect(notified.detail).toMatchObject({ level: 0, recipients: [{ id: biomed.id }] });
    await expect.poll(() => raisedLive.map((a) => a.rule), { timeout: 5000 }).toEqual(["env.excursion"]);

    expect((await listAs(biomed.token)).map((a) => a.rule)).toEqual(["env.excursion"]);
    expect(await listAs(nurseToken)).toEqual([]); // a fridge on no ward is not the ward's
    const [registered] = await listRegistryDevices({ q: fridgeId }, { showPatients: false });
    expect(registered?.openAlarms).toMatchObject([{ rule: "env.excursion", priority: "medium", conditionActive: true }]);
  });

  it("after a restart, continues the same excursion row and clears the alarm when the fridge is back in range", async () => {
    await alerting.stop();
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    await send(11.4);
    for (const c of [7.2, 5.5]) await send(c);
    await settle();
    const rows = await db.prisma.environmentExcursion.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "high", maxC: 11.4 });
    expect(rows[0]!.endedAt?.getTime()).toBe(T0 + 9 * MIN);
    const alert = await db.prisma.alert.findFirstOrThrow();
    expect(alert).toMatchObject({ conditionActive: false, state: "active" }); // latched until acknowledged
  });

  it("records a logger gap and raises it on the clock", async () => {
    now += 31 * MIN;
    alerting.engine.tick();
    await settle();
    const gap = await db.prisma.environmentExcursion.findFirstOrThrow({ where: { kind: "data_gap" } });
    expect(gap).toMatchObject({ endedAt: null, minC: null });
    const alert = await db.prisma.alert.findFirstOrThrow({ where: { rule: "tech.logger_gap" } });
    expect(alert).toMatchObject({ priority: "technical", deviceId: fridgeId });
    expect((await db.prisma.environmentExcursion.findFirstOrThrow({ where: { kind: "data_gap" } })).alertId).toBe(alert.id);
    await send(5.0);
    await settle();
    expect((await db.prisma.environmentExcursion.findFirstOrThrow({ where: { kind: "data_gap" } })).endedAt).not.toBeNull();
  });

  it("lets biomed acknowledge an equipment alarm, and refuses it a patient's", async () => {
    const excursion = await db.prisma.alert.findFirstOrThrow({ where: { rule: "env.excursion" } });
    expect(await acknowledgeAs(biomed.token, excursion.id)).toBe(200);
    expect(await db.prisma.alert.findUniqueOrThrow({ where: { id: excursion.id } })).toMatchObject({
      state: "resolved",
      acknowledgedById: biomed.id,
    }); // cleared and acknowledged
    const patient = await db.prisma.patient.findFirstOrThrow();
    const clinical = await db.prisma.alert.create({
      data: { rule: "spo2.low", priority: "medium", patientId: patient.id, message: "SpO2 low", openKey: `spo2.low:${patient.id}` },
    });
    expect(await acknowledgeAs(biomed.token, clinical.id)).toBe(403);
  });

  it("at start, replays a pump's recent readings: its learned normal survives a restart and a drift is raised", async () => {
    const pump = await createDevice({ type: "infusion_pump", assetTag: "PUMP-9" });
    const model = createPumpModel({ seed: 7, scenario: "pump-failing" });
    const failureAt = model.failureAtMs!;
    const epoch = now + 2 * 3_600_000 - failureAt; // the pump fails 2 h after the restart below
    const from = failureAt - 2 * 3_600_000 - 6 * 3_600_000; // the 6 h before the restart (the replay window)
    const codes: string[] = [],
      values: number[] = [],
      ts: string[] = [],
      seqs: number[] = [];
    let n = 0;
    for (let t = from; t < failureAt - 2 * 3_600_000; t += MIN) {
      const r = model.sample(t);
      n++;
      for (const [code, v] of Object.entries(r)) {
        codes.push(code);
        values.push(v);
        ts.push(new Date(epoch + t).toISOString());
        seqs.push(n);
      }
    }
    await db.sql.query(
      `INSERT INTO observations (device_id, code, value, ts, seq) SELECT $1, c, v, t, s FROM unnest($2::text[], $3::float8[], $4::timestamptz[], $5::bigint[]) AS x(c, v, t, s)`,
      [pump.id, codes, values, ts, seqs],
    );
    await alerting.stop();
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    await settle();
    expect(alerting.engine.equipment.watch.has(pump.id)).toBe(true);
    expect(await db.prisma.alert.findFirst({ where: { rule: "device.maintenance", deviceId: pump.id } })).toMatchObject({
      priority: "technical",
      patientId: null,
    });
  });

  it("withdraws a gap opened on the clock when the logger's late upload fills it", async () => {
    const lastReading = now - MIN;
    now += 40 * MIN;
    alerting.engine.tick();
    await settle();
    expect(await db.prisma.environmentExcursion.count({ where: { kind: "data_gap", endedAt: null } })).toBe(1);
    const record = (await (await deviceDirectory()).get(fridgeId))!;
    const backlog = [1, 2, 3].map((i) => ({
      seq: ++seq,
      ts: new Date(lastReading + i * 10 * MIN).toISOString(),
      values: { env_temp: 4.9 },
    }));
    expect(await acceptTelemetry(record, JSON.stringify(backlog), HTTP)).toMatchObject({ ok: true, accepted: 3 });
    await new Promise((res) => setImmediate(res));
    await settle();
    expect(await db.prisma.environmentExcursion.count({ where: { kind: "data_gap", endedAt: null } })).toBe(0);
    expect(await db.prisma.alert.findFirstOrThrow({ where: { rule: "tech.logger_gap", openKey: { not: null } } })).toMatchObject({
      conditionActive: false,
    });
  });
});

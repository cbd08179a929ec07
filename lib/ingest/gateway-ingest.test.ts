// A gateway relays frames for the child devices registered behind it, over HTTP (a batch naming each
// frame's device) and over MQTT (devices/{gateway}/children/{child}/telemetry). seq is per child.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { VitalsEvent } from "@/lib/events";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice, revokeDevice } from "@/lib/devices/manage-devices";
import { POST } from "@/app/api/v1/devices/[deviceId]/telemetry/route";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { childTelemetryTopic, telemetryTopic } from "./mqtt-topics";
import { getRejectionLog } from "./rejection-log";

describe("gateway ingest", () => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let gw: { id: string; secret: string };
  let w1: { id: string; secret: string },
    w2: { id: string; secret: string },
    stranger: { id: string; secret: string },
    revoked: { id: string };
  let patients: { id: string }[];
  const now = () => new Date().toISOString();

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    ({ patients } = await createWardWithPatients(db.prisma, 3));
    gw = await createDevice({ type: "gateway", id: "gw-hub-1" });
    w1 = await createDevice({ type: "wearable", patientId: patients[0]!.id, id: "wear-child-1" });
    w2 = await createDevice({ type: "wearable", patientId: patients[1]!.id, id: "wear-child-2" });
    revoked = await createDevice({ type: "wearable", patientId: patients[2]!.id, id: "wear-child-3" });
    stranger = await createDevice({ type: "wearable", id: "wear-elsewhere" });
    await db.sql.query(`UPDATE devices SET gateway_id = $1 WHERE id = ANY($2::text[])`, [gw.id, [w1.id, w2.id, revoked.id]]);
    await revokeDevice(revoked.id);
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: () => undefined });
  });
  afterAll(async () => {
    await broker?.close();
    await db?.destroy();
  });

  const post = (deviceId: string, secret: string, body: unknown) =>
    POST(
      new NextRequest(`http://localhost/api/v1/devices/${deviceId}/telemetry`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
        body: JSON.stringify(body),
      }),
      {
        params: Promise.resolve({ deviceId }),
      },
    );
  const frames = async (deviceId: string) =>
    (
      await db.sql.query<{ seq: string; patient_id: string | null }>(
        `SELECT DISTINCT seq::text AS seq, patient_id FROM observations WHERE device_id = $1 ORDER BY 1`,
        [deviceId],
      )
    ).map((r) => ({ seq: Number(r.seq), patientId: r.patient_id }));

  it("stores a batch relayed over HTTP under each child, on the child's patient, with seq per child", async () => {
    const live: VitalsEvent[] = [];
    const off = eventBus().subscribe("vitals", (e) => live.push(e));
    const res = await post(gw.id, gw.secret, [
      { device: w1.id, seq: 1, ts: now(), values: { heart_rate: 72, spo2: 97 } },
      { device: w2.id, seq: 1, ts: now(), values: { heart_rate: 88 } },
      { device: w1.id, seq: 2, ts: now(), values: { heart_rate: 73 } },
      { seq: 1, ts: now(), values: { battery: 64 } },
    ]);
    off();
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 4, duplicates: 0, artifacts: 0 });
    expect(await frames(w1.id)).toEqual([
      { seq: 1, patientId: patients[0]!.id },
      { seq: 2, patientId: patients[0]!.id },
    ]);
    expect(await frames(w2.id)).toEqual([{ seq: 1, patientId: patients[1]!.id }]);
    expect(await frames(gw.id)).toEqual([{ seq: 1, patientId: null }]);
    expect(live.map((e) => [e.deviceId, e.seq])).toEqual([
      [w1.id, 1],
      [w1.id, 2],
      [w2.id, 1],
    ]);
  });

  it("refuses the whole body when a frame names a device not behind this gateway, or revoked, and quarantines it", async () => {
    const res = await post(gw.id, gw.secret, [
      { device: w1.id, seq: 3, ts: now(), values: { heart_rate: 70 } },
      { device: stranger.id, seq: 1, ts: now(), values: { heart_rate: 70 } },
      { device: revoked.id, seq: 1, ts: now(), values: { heart_rate: 70 } },
      { device: w2.id, seq: 2, ts: now(), values: { glucose: 100 } },
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { field: string; reason: string }[] };
    expect(body.issues).toEqual([
      { field: "frames[1].device", reason: `device "${stranger.id}" is not registered behind gateway "${gw.id}"` },
      { field: "frames[2].device", reason: `device "${revoked.id}" is revoked` },
      { field: "frames[3].values.glucose", reason: 'a wearable may not send "glucose"' },
    ]);
    expect(await frames(w1.id)).toHaveLength(2);
    await (await getRejectionLog()).drain();
    const q = await db.sql.query<{ device_id: string }>(`SELECT device_id FROM ingest_rejections`);
    expect(q).toEqual([{ device_id: gw.id }]);
  });

  it('refuses a "device" key from a device that is not a gateway, and the same child seq twice in one body', async () => {
    const notGw = await post(w1.id, w1.secret, { device: w2.id, seq: 9, ts: now(), values: { heart_rate: 70 } });
    expect(((await notGw.json()) as { error: string }).error).toBe("frame.device: only a gateway may send frames for another device");
    const twice = await post(gw.id, gw.secret, [
      { device: w1.id, seq: 5, ts: now(), values: { heart_rate: 70 } },
      { device: w1.id, seq: 5, ts: now(), values: { heart_rate: 70 } },
    ]);
    expect(((await twice.json()) as { error: string }).error).toBe(`frames[1].seq: seq 5 appears twice in this body for device "${w1.id}"`);
  });

  it("stores frames published over MQTT to a child's topic, and refuses a child that is not its own", async () => {
    const c = await mqtt.connectAsync(broker.url, { clientId: gw.id, username: gw.id, password: gw.secret, reconnectPeriod: 0 });
    await c.publishAsync(childTelemetryTopic(gw.id, w2.id), frameJson(7, { heart_rate: 90, spo2: 95 }), { qos: 1 });
    await c.publishAsync(telemetryTopic(gw.id), JSON.stringify([{ device: w2.id, seq: 8, ts: now(), values: { heart_rate: 91 } }]), {
      qos: 1,
    });
    await c.publishAsync(childTelemetryTopic(gw.id, stranger.id), frameJson(1, { heart_rate: 90 }), { qos: 1 });
    await c.endAsync();
    expect(await frames(w2.id)).toEqual([1, 7, 8].map((seq) => ({ seq, patientId: patients[1]!.id })));
    expect(await frames(stranger.id)).toEqual([]);
    await (await getRejectionLog()).drain();
    const q = await db.sql.query<{ topic: string; reason: string }>(`SELECT topic, reason FROM ingest_rejections WHERE transport = 'mqtt'`);
    expect(q).toEqual([
      {
        topic: childTelemetryTopic(gw.id, stranger.id),
        reason: `topic: device "${stranger.id}" is not registered behind gateway "${gw.id}"`,
      },
    ]);
  });

  it("does not let a plain device publish to a child topic", async () => {
    const c = await mqtt.connectAsync(broker.url, { clientId: w1.id, username: w1.id, password: w1.secret, reconnectPeriod: 0 });
    await c.publishAsync(childTelemetryTopic(w1.id, w2.id), frameJson(50, { heart_rate: 90 }), { qos: 1 });
    await c.endAsync();
    expect((await frames(w2.id)).map((f) => f.seq)).not.toContain(50);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice, revokeDevice } from "@/lib/devices/manage-devices";
import { eventBus } from "@/lib/bus/event-bus";
import type { VitalsEvent } from "@/lib/events";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { telemetryTopic } from "./mqtt-topics";

describe.each(testDatabaseKinds)("embedded MQTT broker ingest on %s", (kind) => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let device: { id: string; secret: string; patientId: string | null };
  let patientId: string;
  const logs: string[] = [];
  const clients: mqtt.MqttClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const { patients } = await createWardWithPatients(db.prisma, 1);
    patientId = patients[0]!.id;
    device = await createDevice({ type: "bedside_monitor", patientId });
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: (_l, m) => logs.push(m) });
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await broker?.close();
    await db?.destroy();
  });

  const connect = (username: string, password: string, clientId = username) => {
    const c = mqtt.connect(broker.url, { clientId, username, password, reconnectPeriod: 0, connectTimeout: 5000 });
    clients.push(c);
    return c;
  };
  const connected = (c: mqtt.MqttClient) =>
    new Promise<void>((resolve, reject) => {
      c.once("connect", () => resolve());
      c.once("error", reject);
    });
  const observationCount = async (seq: number) =>
    (
      await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id = $1 AND seq = $2`, [device.id, seq])
    )[0]!.n;

  it("stores a QoS 1 frame before the PUBACK and publishes it live", async () => {
    const live: VitalsEvent[] = [];
    const off = eventBus().subscribe("vitals", (e) => live.push(e));
    const c = connect(device.id, device.secret);
    await connected(c);
    await c.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 72, spo2: 97 }), { qos: 1 });
    // PUBACK received: the frame must already be in the database.
    expect(await observationCount(1)).toBe(2);
    off();
    expect(live).toEqual([expect.objectContaining({ deviceId: device.id, patientId, seq: 1, values: { heart_rate: 72, spo2: 97 } })]);
    // A redelivery of the same seq is acknowledged and not stored twice.
    await c.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 72, spo2: 97 }), { qos: 1 });
    expect(await observationCount(1)).toBe(2);
  });

  it("acknowledges but does not store an invalid frame, and logs the reason", async () => {
    const c = connect(device.id, device.secret, `${device.id}`);
    await connected(c);
    await c.publishAsync(telemetryTopic(device.id), frameJson(2, { heart_rate: 900 }), { qos: 1 });
    await c.publishAsync(telemetryTopic(device.id), "not json", { qos: 1 });
    expect(await observationCount(2)).toBe(0);
    expect(logs.some((l) => l.includes("frame.values.heart_rate: 900 is above the maximum 400"))).toBe(true);
    expect(logs.some((l) => l.includes("body: is not valid JSON"))).toBe(true);
  });

  it("refuses bad credentials and a client id that is not the device id", async () => {
    const bad = connect(device.id, "dsk_wrong");
    await expect(connected(bad)).rejects.toThrow(/Bad username or password/i);
    const unknown = connect("nope", "x");
    await expect(connected(unknown)).rejects.toThrow(/Bad username or password/i);
    const spoof = connect(device.id, device.secret, "other-client");
    await expect(connected(spoof)).rejects.toThrow(/Not authorized/i);
  });

  it("disconnects a device that publishes to another device's topic", async () => {
    const c = connect(device.id, device.secret);
    await connected(c);
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    c.publish(telemetryTopic("someone-else"), frameJson(3, { heart_rate: 70 }), { qos: 1 });
    await closed;
    expect(logs.some((l) => l.includes(`may not publish to "devices/someone-else/telemetry"`))).toBe(true);
  });

  it("drops a live connection the moment the device is revoked, and refuses it afterwards", async () => {
    const c = connect(device.id, device.secret);
    await connected(c);
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    await revokeDevice(device.id);
    await closed;
    const again = connect(device.id, device.secret);
    await expect(connected(again)).rejects.toThrow(/Not authorized/i);
  });
});

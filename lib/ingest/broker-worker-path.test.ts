// The embedded broker on its worker thread (MQTT_TRANSPORT=worker), whatever the environment says:
// frames from a real MQTT client are parsed and validated in the worker and stored by the main thread
// before their PUBACK; withdrawn rights are honoured at once, even within the worker's connect cache.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice, revokeDevice, rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { chooseTransport, startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { telemetryTopic } from "./mqtt-topics";
import { crashBrokerWorkersForTest } from "./broker-thread/worker-broker";

describe("MQTT_TRANSPORT", () => {
  it("auto: the worker thread with PostgreSQL, the main thread with the embedded database; an explicit choice holds", () => {
    expect(chooseTransport("auto", true)).toBe("worker");
    expect(chooseTransport("auto", false)).toBe("inline");
    expect(chooseTransport("worker", false)).toBe("worker");
    expect(chooseTransport("inline", true)).toBe("inline");
  });
});

describe("embedded broker on its worker thread", () => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let patientId: string;
  const logs: string[] = [];
  const clients: mqtt.MqttClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    patientId = (await createWardWithPatients(db.prisma, 1)).patients[0]!.id;
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", transport: "worker", log: (_l, m) => logs.push(m) });
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await broker?.close();
    await db?.destroy();
  });

  const connect = (id: string, secret: string) => {
    const c = mqtt.connect(broker.url, { clientId: id, username: id, password: secret, reconnectPeriod: 0, connectTimeout: 5000 });
    clients.push(c);
    return new Promise<mqtt.MqttClient>((resolve, reject) => {
      c.once("connect", () => resolve(c));
      c.once("error", reject);
    });
  };
  const stored = async (deviceId: string) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id = $1`, [deviceId]))[0]!.n;

  it("stores frames from an MQTT client before each PUBACK, and logs a refused frame's field and reason", async () => {
    expect(broker.transport).toBe("worker");
    const device = await createDevice({ type: "bedside_monitor", patientId });
    const c = await connect(device.id, device.secret);
    for (let seq = 1; seq <= 20; seq++) {
      await c.publishAsync(telemetryTopic(device.id), frameJson(seq, { heart_rate: 60 + seq }), { qos: 1 });
      expect(await stored(device.id)).toBe(seq);
    }
    await c.publishAsync(telemetryTopic(device.id), frameJson(21, { spo2: 140 }), { qos: 1 });
    expect(await stored(device.id)).toBe(20);
    expect(logs.some((l) => l.includes("frame.values.spo2: 140 is above the maximum 100"))).toBe(true);
  });

  it("drops a revoked device at once and refuses it afterwards, though its connect was cached", async () => {
    const device = await createDevice({ type: "bedside_monitor", patientId });
    await (await connect(device.id, device.secret)).endAsync();
    const c = await connect(device.id, device.secret); // within the worker's connect cache
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    await revokeDevice(device.id);
    await closed;
    // The worker's log line crosses to the main thread after the socket is closed.
    await vi.waitFor(() => expect(logs).toContain(`[mqtt] dropped connection of device "${device.id}" (revoked)`));
    await expect(connect(device.id, device.secret)).rejects.toThrow(/Not authorized/i);
  });

  it("refuses the old secret at once after a rotation, and accepts the new one", async () => {
    const device = await createDevice({ type: "bedside_monitor", patientId });
    await (await connect(device.id, device.secret)).endAsync();
    const secret = await rotateDeviceSecret(device.id);
    await expect(connect(device.id, device.secret)).rejects.toThrow(/Bad username or password/i);
    const c = await connect(device.id, secret);
    await c.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 70 }), { qos: 1 });
    expect(await stored(device.id)).toBe(1);
  });

  it("comes back on the same port if its thread ends unasked, and devices carry on after reconnecting", async () => {
    const device = await createDevice({ type: "bedside_monitor", patientId });
    const c = await connect(device.id, device.secret);
    await c.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 70 }), { qos: 1 });
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    await crashBrokerWorkersForTest();
    await closed;
    await vi.waitFor(() => expect(logs.some((l) => l.includes("worker thread ended"))).toBe(true));
    const again = await vi.waitFor(() => connect(device.id, device.secret), { timeout: 10_000, interval: 200 });
    await again.publishAsync(telemetryTopic(device.id), frameJson(2, { heart_rate: 71 }), { qos: 1 });
    expect(await stored(device.id)).toBe(2);
  });
});

// Broker-enforced device credentials on a real Mosquitto with the dynamic-security plugin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { mosquittoAvailable, startPrivateMosquitto, type PrivateMosquitto } from "@/test/support/private-mosquitto";
import { createDevice, revokeDevice, rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { startDynsecSync } from "./dynsec-sync";
import { telemetryTopic } from "./mqtt-topics";

const available = mosquittoAvailable();
if (process.env.CI && !available) throw new Error("mosquitto with the dynamic-security plugin must be installed in CI");

describe.skipIf(!available)("registry-driven Mosquitto dynamic security", () => {
  let db: TestDatabase;
  let broker: PrivateMosquitto;
  let control: mqtt.MqttClient;
  let stopSync: () => void;
  const logs: string[] = [];
  const clients: mqtt.MqttClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    broker = await startPrivateMosquitto();
    control = await mqtt.connectAsync(broker.url, { ...broker.admin, protocolVersion: 5 });
    stopSync = await startDynsecSync(control, (_l, m) => logs.push(m));
  });
  afterAll(async () => {
    stopSync?.();
    for (const c of clients) c.end(true);
    await control?.endAsync();
    await broker?.stop();
    await db?.destroy();
  });

  const connect = (username: string, password: string) => {
    const c = mqtt.connect(broker.url, { clientId: username, username, password, reconnectPeriod: 0, protocolVersion: 5 });
    clients.push(c);
    return new Promise<mqtt.MqttClient>((resolve, reject) => {
      c.once("connect", () => resolve(c));
      c.once("error", reject);
    });
  };
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("lets a provisioned device in with its secret, and only onto its own topics", async () => {
    const device = await createDevice({ type: "bedside_monitor" });
    const other = await createDevice({ type: "bedside_monitor" });
    await settle();
    const received: string[] = [];
    control.on("message", (topic) => received.push(topic));
    await control.subscribeAsync("devices/#", { qos: 1 });

    const c = await connect(device.id, device.secret);
    await c.publishAsync(telemetryTopic(device.id), "{}", { qos: 1 });
    // MQTT 5 answers the forbidden publish with reason code 0x87 "not authorized".
    await expect(c.publishAsync(telemetryTopic(other.id), "{}", { qos: 1 })).rejects.toThrow(/Not authorized/i);
    await settle();
    expect(received).toContain(telemetryTopic(device.id));
    expect(received).not.toContain(telemetryTopic(other.id));
    await expect(connect(device.id, "dsk_wrong")).rejects.toThrow(/Bad User Name or Password|Not authorized/i);
  });

  it("applies a rotated secret at once", async () => {
    const device = await createDevice({ type: "wearable" });
    await settle();
    const secret = await rotateDeviceSecret(device.id);
    await settle();
    await expect(connect(device.id, device.secret)).rejects.toThrow(/Bad User Name or Password|Not authorized/i);
    await expect(connect(device.id, secret)).resolves.toBeTruthy();
  });

  it("disconnects and shuts out a revoked device", async () => {
    const device = await createDevice({ type: "wearable" });
    await settle();
    const c = await connect(device.id, device.secret);
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    await revokeDevice(device.id);
    await closed;
    await expect(connect(device.id, device.secret)).rejects.toThrow(/Bad User Name or Password|Not authorized/i);
    expect(logs.filter((l) => l.includes("failed"))).toEqual([]);
  });
});

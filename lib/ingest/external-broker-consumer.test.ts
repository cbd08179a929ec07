// Runs against a real external broker (this machine's Mosquitto in CI: TEST_MQTT_URL). Without
// TEST_MQTT_URL the suite is reported as skipped, never as passed; CI always sets it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { startExternalConsumer } from "./external-broker-consumer";
import { telemetryTopic } from "./mqtt-topics";

const url = process.env.TEST_MQTT_URL;
if (process.env.CI && !url) throw new Error("TEST_MQTT_URL must be set in CI");

describe.skipIf(!url)("external broker consumer (MQTT_URL)", () => {
  let db: TestDatabase;
  let consumers: { close(): Promise<void> }[] = [];
  let device: { id: string };
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const { patients } = await createWardWithPatients(db.prisma, 1);
    device = await createDevice({
      type: "bedside_monitor",
      patientId: patients[0]!.id,
      id: `mon-ext-${crypto.randomBytes(4).toString("hex")}`,
    });
    // Two app nodes in the same shared-subscription group split the stream between them. The group is
    // this run's own, so test runs sharing the machine's broker never split each other's stream.
    const group = `iomt-test-${crypto.randomBytes(4).toString("hex")}`;
    consumers = [
      await startExternalConsumer({ url: url!, group, log: (_l, m) => logs.push(m) }),
      await startExternalConsumer({ url: url!, group, log: (_l, m) => logs.push(m) }),
    ];
  });
  afterAll(async () => {
    for (const c of consumers) await c.close();
    await db?.destroy();
  });

  const count = async () =>
    (await db.sql.query<{ n: number }>(`SELECT count(DISTINCT seq)::int AS n FROM observations WHERE device_id = $1`, [device.id]))[0]!.n;

  it("stores each frame published to the broker exactly once across two consuming nodes", async () => {
    const pub = await mqtt.connectAsync(url!, { clientId: device.id, protocolVersion: 5 });
    for (let seq = 1; seq <= 50; seq++)
      await pub.publishAsync(telemetryTopic(device.id), frameJson(seq, { heart_rate: 60 + seq }), { qos: 1 });
    await pub.publishAsync(telemetryTopic(device.id), frameJson(5, { heart_rate: 65 }), { qos: 1 }); // a redelivery
    await pub.publishAsync(telemetryTopic(device.id), frameJson(51, { heart_rate: 900 }), { qos: 1 }); // invalid
    await pub.endAsync();
    const deadline = Date.now() + 10_000;
    while ((await count()) < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await count()).toBe(50);
    const rows = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id = $1`, [device.id]);
    expect(rows[0]!.n).toBe(50);
    await new Promise((r) => setTimeout(r, 300));
    expect(logs.some((l) => l.includes("heart_rate: 900 is above the maximum 400"))).toBe(true);
  });
});

// MQTT ingest guards on the embedded broker: oversized and invalid payloads are acknowledged (resending
// cannot fix them), quarantined and counted; a device over its rate is not acknowledged and its
// connection is closed, so it backs off and resends; a publish to a foreign topic is quarantined.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { setProcessSingleton } from "@/lib/process-singleton";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { telemetryTopic } from "./mqtt-topics";
import { getRejectionLog } from "./rejection-log";
import { RateLimiter } from "./rate-limiter";
import { ingestCounts } from "./ingest-counters";

process.env.INGEST_MAX_BODY_BYTES = "1024";

describe("embedded broker ingest guards", () => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let device: { id: string; secret: string };
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const { patients } = await createWardWithPatients(db.prisma, 1);
    device = await createDevice({ type: "bedside_monitor", patientId: patients[0]!.id });
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: (_l, m) => logs.push(m) });
  });
  afterAll(async () => {
    await broker?.close();
    await db?.destroy();
  });

  const connect = (reconnectPeriod = 0) =>
    mqtt.connectAsync(broker.url, { clientId: device.id, username: device.id, password: device.secret, reconnectPeriod });
  const stored = async (seq: number) =>
    (
      await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id = $1 AND seq = $2`, [device.id, seq])
    )[0]!.n;
  const quarantine = async () => {
    await (await getRejectionLog()).drain();
    return db.sql.query<{ device_id: string | null; transport: string; topic: string; reason: string; payload: string }>(
      `SELECT device_id, transport, topic, reason, payload FROM ingest_rejections ORDER BY id`,
    );
  };

  it("acknowledges, quarantines and counts an oversized or invalid payload without storing it", async () => {
    const c = await connect();
    const big = JSON.stringify({ seq: 1, ts: new Date().toISOString(), values: { heart_rate: 70 }, pad: "x".repeat(2000) });
    await c.publishAsync(telemetryTopic(device.id), big, { qos: 1 });
    await c.publishAsync(telemetryTopic(device.id), frameJson(2, { spo2: 140 }), { qos: 1 });
    await c.endAsync();
    expect(await stored(1)).toBe(0);
    expect(await stored(2)).toBe(0);
    const rows = await quarantine();
    expect(rows).toEqual([
      {
        device_id: device.id,
        transport: "mqtt",
        topic: telemetryTopic(device.id),
        reason: `payload of ${big.length} bytes is over the limit of 1024 bytes`,
        payload: big,
      },
      expect.objectContaining({ device_id: device.id, reason: "frame.values.spo2: 140 is above the maximum 100 %" }),
    ]);
    expect(ingestCounts().counts.mqtt).toMatchObject({ too_large: 1, invalid: 1 });
    expect(logs.some((l) => l.includes(`refused a payload of ${big.length} bytes`))).toBe(true);
  });

  it("closes the connection of a device over its rate without acknowledging; the device resends after reconnecting", async () => {
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 5, burst: 3 }));
    const c = await connect(300);
    let closes = 0;
    c.on("close", () => closes++);
    const acked: number[] = [];
    await Promise.all(
      [10, 11, 12, 13].map((seq) =>
        c.publishAsync(telemetryTopic(device.id), frameJson(seq, { heart_rate: 70 }), { qos: 1 }).then(() => acked.push(seq)),
      ),
    );
    await c.endAsync();
    expect(closes).toBeGreaterThanOrEqual(1);
    expect(acked.sort()).toEqual([10, 11, 12, 13]);
    for (const seq of [10, 11, 12, 13]) expect(await stored(seq)).toBe(1);
    expect(ingestCounts().counts.mqtt.rate_limited).toBeGreaterThanOrEqual(1);
    expect(logs.some((l) => l.includes("is over the rate limit; connection closed without acknowledging"))).toBe(true);
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1000, burst: 1000 }));
  });

  it("quarantines a publish to a topic the device may not use", async () => {
    const c = await connect();
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    c.publish("devices/someone-else/telemetry", frameJson(20, { heart_rate: 70 }), { qos: 1 });
    await closed;
    c.end(true);
    expect((await quarantine()).at(-1)).toMatchObject({
      device_id: device.id,
      topic: "devices/someone-else/telemetry",
      reason: 'may not publish to "devices/someone-else/telemetry" (connection closed)',
    });
  });
});

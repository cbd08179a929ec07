// Issue 11 regression tests over the real transports: the NUL/invalid-UTF-8 payload `00 ff 01 fe 7b`
// over MQTT, a deeply nested payload (HTTP 400, MQTT acknowledged and quarantined, never 503 or a
// closed connection), a 200 KB value (never echoed), old and absurd `ts`; and fast-check fuzzing of
// the MQTT path: every publish acknowledged, the connection kept, no invalid frame stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import mqtt from "mqtt";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { METRICS, isMetricKey } from "@/lib/domain/metrics";
import { POST } from "@/app/api/v1/devices/[deviceId]/telemetry/route";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { getRejectionLog } from "./rejection-log";
import { telemetryTopic } from "./mqtt-topics";

const nested = (depth: number) =>
  `{"seq":1,"ts":"${new Date().toISOString()}","values":{"heart_rate":${"[".repeat(depth)}${"]".repeat(depth)}}}`;

describe.each(testDatabaseKinds)("hostile payloads on %s", (kind) => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let device: { id: string; secret: string };
  let client: mqtt.MqttClient;
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const { patients } = await createWardWithPatients(db.prisma, 1);
    device = await createDevice({ type: "bedside_monitor", patientId: patients[0]!.id });
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: (_l, m) => logs.push(m) });
    client = mqtt.connect(broker.url, { clientId: device.id, username: device.id, password: device.secret, reconnectPeriod: 0 });
    await new Promise<void>((resolve, reject) => {
      client.once("connect", () => resolve());
      client.once("error", reject);
    });
  });
  afterAll(async () => {
    client?.end(true);
    await broker?.close();
    await db?.destroy();
  });

  const post = (body: string) =>
    POST(
      new NextRequest(`http://localhost/api/v1/devices/${device.id}/telemetry`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${device.secret}` },
        body,
      }),
      { params: Promise.resolve({ deviceId: device.id }) },
    );
  const stored = async (seq: number) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id=$1 AND seq=$2`, [device.id, seq]))[0]!
      .n;
  const quarantined = async () => {
    await (await getRejectionLog()).drain();
    return db.sql.query<{ reason: string; payload: string; transport: string }>(
      `SELECT reason, payload, transport FROM ingest_rejections WHERE device_id = $1 ORDER BY id`,
      [device.id],
    );
  };

  it("MQTT: bytes 00 ff 01 fe 7b are acknowledged and quarantined, and later frames keep flowing", async () => {
    await client.publishAsync(telemetryTopic(device.id), Buffer.from([0x00, 0xff, 0x01, 0xfe, 0x7b]), { qos: 1 });
    await client.publishAsync(telemetryTopic(device.id), Buffer.from([0x00, 0xff, 0x01, 0xfe, 0x7b]), { qos: 1 });
    await client.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 72 }), { qos: 1 });
    expect(await stored(1)).toBe(1);
    const rows = await quarantined();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.payload).toBe("\\u0000\uFFFD\u0001\uFFFD{");
    expect(rows[0]!.reason).toMatch(/^body: is not valid JSON/);
    expect((await getRejectionLog()).stats()).toMatchObject({ queued: 0, failing: false, dropped: 0 });
    // A later invalid frame is still quarantined (the quarantine did not stop).
    await client.publishAsync(telemetryTopic(device.id), frameJson(2, { heart_rate: 900 }), { qos: 1 });
    expect((await quarantined()).at(-1)!.reason).toContain("900 is above the maximum 400");
  });

  it("MQTT: a deeply nested payload is acknowledged with its refusal logged, and the connection stays open", async () => {
    await client.publishAsync(telemetryTopic(device.id), nested(100_000), { qos: 1 });
    expect(client.connected).toBe(true);
    expect((await quarantined()).at(-1)!.reason).toMatch(/^body: is nested more than 8 levels deep \[payload truncated/);
    await client.publishAsync(telemetryTopic(device.id), frameJson(3, { heart_rate: 70 }), { qos: 1 });
    expect(await stored(3)).toBe(1);
  });

  it("HTTP: a deeply nested body answers 400 naming the reason (not 503)", async () => {
    const res = await post(nested(100_000));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "body: is nested more than 8 levels deep",
      issues: [{ field: "body", reason: "is nested more than 8 levels deep" }],
    });
  });

  it("HTTP: a 200 KB value is refused without echoing it to the response, the log or the quarantine reason", async () => {
    const before = logs.join("").length;
    const res = await post(`{"seq":9,"ts":"${new Date().toISOString()}","values":{"heart_rate":"${"7".repeat(200_000)}"}}`);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(500);
    expect(logs.join("").length - before).toBeLessThan(1000);
    expect((await quarantined()).at(-1)!.reason.length).toBeLessThan(500);
  });

  it("HTTP: ts of 1970 and ts older than the horizon are refused with a clear reason", async () => {
    const epoch = await post(JSON.stringify({ seq: 10, ts: "1970-01-01T00:00:00Z", values: { heart_rate: 70 } }));
    expect(epoch.status).toBe(400);
    expect((await epoch.json()).issues).toEqual([
      { field: "frame.ts", reason: `"1970-01-01T00:00:00Z" is before 2000-01-01: the device clock is not set` },
    ]);
    const old = new Date(Date.now() - 8 * 86_400_000);
    const res = await post(JSON.stringify({ seq: 11, ts: old.toISOString(), values: { heart_rate: 70 } }));
    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([
      { field: "frame.ts", reason: `${old.toISOString()} is older than the ingest horizon of 7 days (INGEST_MAX_AGE_DAYS)` },
    ]);
    expect(await stored(10)).toBe(0);
    expect(await stored(11)).toBe(0);
  });

  it("fuzzing the MQTT path (fast-check): every publish is acknowledged, the connection kept, nothing invalid stored", async () => {
    let seq = 1000;
    const payload = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? "null"),
      fc
        .record({
          seq: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.string()),
          ts: fc.oneof(fc.constant(new Date().toISOString()), fc.constantFrom("1900-01-01T00:00:00Z", "0001-01-01T00:00:00Z"), fc.string()),
          values: fc.dictionary(fc.constantFrom("heart_rate", "spo2", "news2", "bogus"), fc.oneof(fc.double(), fc.jsonValue())),
        })
        .map((f) => JSON.stringify({ ...f, seq: typeof f.seq === "number" ? seq++ : f.seq })),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        await client.publishAsync(telemetryTopic(device.id), p, { qos: 1 });
        expect(client.connected).toBe(true);
      }),
      { numRuns: kind === "pglite" ? 150 : 60 },
    );
    const rows = await db.sql.query<{ code: string; value: number; ts: Date }>(
      `SELECT code, value, ts FROM observations WHERE device_id = $1`,
      [device.id],
    );
    for (const r of rows) {
      expect(isMetricKey(r.code) && r.code !== "news2").toBe(true);
      const def = METRICS[r.code as keyof typeof METRICS];
      expect(r.value >= def.min && r.value <= def.max).toBe(true);
      expect(new Date(r.ts).getTime()).toBeGreaterThan(Date.UTC(2000, 0, 1));
    }
  });
});

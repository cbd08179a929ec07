// Sightings through a real broker: the embedded one (gateways authenticate with their own id and secret;
// the PUBACK comes only after the batch is claimed in storage) on PGlite and PostgreSQL, and this machine's
// Mosquitto (TEST_MQTT_URL) through the external-broker consumer. Without TEST_MQTT_URL that suite is
// reported as skipped, never as passed.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { AssetLocationEvent } from "@/lib/events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { provisionAssetMap, sightingBatches } from "@/test/support/asset-map-fixture";
import { startEmbeddedBroker, type EmbeddedBroker } from "@/lib/ingest/embedded-broker";
import { startExternalConsumer } from "@/lib/ingest/external-broker-consumer";
import { sightingsTopic } from "@/lib/ingest/mqtt-topics";
import { locationService } from "./start-asset-tracking";

const T0 = Date.now() - 5 * 60_000;

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(testDatabaseKinds)("sightings through the embedded broker on %s", (kind) => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  let fx: Awaited<ReturnType<typeof provisionAssetMap>>;
  const live: AssetLocationEvent[] = [];
  const logs: string[] = [];
  let off = () => undefined as void;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    fx = await provisionAssetMap(null, ["4E-R05", "4E-CORR-E"], [{ id: "tag-defib-1", class: "defibrillator", name: "Defib 1" }]);
    await locationService();
    off = eventBus().subscribe("asset:location", (e) => void live.push(e));
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: (_l, m) => logs.push(m) });
  }, 60_000);
  afterAll(async () => {
    off();
    await broker?.close();
    await db?.destroy();
  });

  it("claims each QoS 1 batch before the PUBACK, locates the tag (in a patient room: in use) and publishes it live; a resent seq counts once", async () => {
    const gw = fx.gateways["4E-R05"]!;
    const c = await mqtt.connectAsync(broker.url, { clientId: gw.id, username: gw.id, password: gw.secret, reconnectPeriod: 0 });
    const corr = fx.gateways["4E-CORR-E"]!;
    const c2 = await mqtt.connectAsync(broker.url, { clientId: corr.id, username: corr.id, password: corr.secret, reconnectPeriod: 0 });
    for (const b of sightingBatches(1, T0, 8, { "tag-defib-1": -50 })) {
      await c.publishAsync(sightingsTopic(gw.id), JSON.stringify(b), { qos: 1 });
      // Acknowledged means claimed: the batch is in storage already.
      const rows = await db.prisma.sightingBatch.count({ where: { gatewayId: gw.id, seq: b.seq } });
      expect(rows).toBe(1);
    }
    await c2.publishAsync(sightingsTopic(corr.id), JSON.stringify(sightingBatches(1, T0, 8, { "tag-defib-1": -85 })), { qos: 1 });
    await c.publishAsync(sightingsTopic(gw.id), JSON.stringify(sightingBatches(3, T0 + 2000, 1, { "tag-defib-1": -50 })[0]), { qos: 1 });
    expect(await db.prisma.sightingBatch.count({ where: { gatewayId: gw.id } })).toBe(8);
    const moved = await waitFor(async () => live.find((e) => e.tagId === "tag-defib-1"));
    expect(moved).toMatchObject({ roomId: "4E-R05", floorId: "4E", state: "located", class: "defibrillator", status: "in_use" });
    await (await locationService()).drain();
    expect(await db.prisma.asset.findUnique({ where: { tagId: "tag-defib-1" }, select: { roomId: true } })).toEqual({ roomId: "4E-R05" });
    await c.endAsync();
    await c2.endAsync();
  });

  it("acknowledges but refuses sightings from a device that is not a ble_gateway, and an invalid body, with the reason", async () => {
    const tag = (await db.prisma.device.findUniqueOrThrow({ where: { id: "tag-defib-1" } })).id;
    const gw = fx.gateways["4E-R05"]!;
    const c = await mqtt.connectAsync(broker.url, { clientId: gw.id, username: gw.id, password: gw.secret, reconnectPeriod: 0 });
    await c.publishAsync(
      sightingsTopic(gw.id),
      JSON.stringify({ seq: 500, ts: new Date().toISOString(), sightings: [{ tag, rssi: -200 }] }),
      { qos: 1 },
    );
    await c.endAsync();
    await waitFor(async () => logs.find((l) => l.includes("sightings[0].rssi: -200 is below the minimum -120 dBm")));
    expect(await db.prisma.sightingBatch.count({ where: { gatewayId: gw.id, seq: 500 } })).toBe(0);
    const t = await mqtt.connectAsync(broker.url, { clientId: tag, username: tag, password: fx.tagSecrets[tag]!, reconnectPeriod: 0 });
    await t.publishAsync(sightingsTopic(tag), JSON.stringify({ seq: 1, ts: new Date().toISOString(), sightings: [] }), { qos: 1 });
    await t.endAsync();
    await waitFor(async () => logs.find((l) => l.includes(`only a ble_gateway sends sightings; "${tag}" is of type asset_tag`)));
    expect(await db.prisma.sightingBatch.count({ where: { gatewayId: tag } })).toBe(0);
  });
});

const url = process.env.TEST_MQTT_URL;
if (process.env.CI && !url) throw new Error("TEST_MQTT_URL must be set in CI");

describe.skipIf(!url)("sightings through an external broker (Mosquitto, TEST_MQTT_URL)", () => {
  let db: TestDatabase;
  let consumer: { close(): Promise<void> };
  let gatewayId = "";
  const live: AssetLocationEvent[] = [];
  let off = () => undefined as void;

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const fx = await provisionAssetMap(null, ["4E-R07"], [{ id: "tag-bed-x", class: "bed" }]);
    gatewayId = fx.gateways["4E-R07"]!.id;
    await locationService();
    off = eventBus().subscribe("asset:location", (e) => void live.push(e));
    consumer = await startExternalConsumer({
      url: url!,
      group: `iomt-test-${crypto.randomBytes(4).toString("hex")}`,
      log: () => undefined,
    });
  }, 60_000);
  afterAll(async () => {
    off();
    await consumer?.close();
    await db?.destroy();
  });

  it("stores each batch once and places the tag", async () => {
    const pub = await mqtt.connectAsync(url!, { clientId: `${gatewayId}-${crypto.randomBytes(3).toString("hex")}`, protocolVersion: 5 });
    const body = sightingBatches(1, T0, 8, { "tag-bed-x": -48, "tag-unknown": -70 });
    await pub.publishAsync(sightingsTopic(gatewayId), JSON.stringify(body), { qos: 1 });
    await pub.publishAsync(sightingsTopic(gatewayId), JSON.stringify(body.slice(0, 2)), { qos: 1 }); // a redelivery
    await pub.endAsync();
    await waitFor(async () => (await db.prisma.sightingBatch.count({ where: { gatewayId } })) === 8);
    const moved = await waitFor(async () => live.find((e) => e.tagId === "tag-bed-x"));
    expect(moved).toMatchObject({ roomId: "4E-R07", state: "located" });
    const unknown = await db.prisma.sightingBatch.aggregate({ where: { gatewayId }, _sum: { unknownTags: true } });
    expect(unknown._sum.unknownTags).toBe(8);
  });
});

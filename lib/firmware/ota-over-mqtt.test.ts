// Firmware over the air through the real embedded broker: the command reaches the device on its OTA
// topic (retained, so a device that connects later still gets it) and the device's status reports
// drive the update to "updated".
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createDevice } from "@/lib/devices/manage-devices";
import { startEmbeddedBroker, type EmbeddedBroker } from "@/lib/ingest/embedded-broker";
import { otaStatusTopic, otaTopic } from "@/lib/ingest/mqtt-topics";
import { uploadFirmwarePackage } from "./upload-package";
import { assignFirmware } from "./assign-firmware";
import { setOtaPublisher } from "./ota-publisher";
import { parseTrustedKeys } from "./signature";

describe("OTA over the embedded MQTT broker", () => {
  let db: TestDatabase;
  let broker: EmbeddedBroker;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: () => undefined });
    setOtaPublisher((topic, payload) => broker.publish(topic, payload, { retain: true }));
  });
  afterAll(async () => {
    setOtaPublisher(null);
    await broker?.close();
    await db?.destroy();
  });

  it("delivers the command to a device that connects later and records its progress reports", async () => {
    const vendor = crypto.generateKeyPairSync("ed25519");
    const trustedKeys = parseTrustedKeys(vendor.publicKey.export({ type: "spki", format: "der" }).toString("base64"));
    const content = crypto.randomBytes(4096);
    const pkg = await uploadFirmwarePackage(
      {
        deviceType: "infusion_pump",
        version: "3.1.0",
        content,
        signature: crypto.sign(null, content, vendor.privateKey).toString("base64"),
      },
      { trustedKeys },
    );
    const device = await createDevice({ type: "infusion_pump", firmwareVersion: "3.0.0" });
    await assignFirmware(pkg.id, { deviceIds: [device.id] });

    const client = await mqtt.connectAsync(broker.url, {
      clientId: device.id,
      username: device.id,
      password: device.secret,
      reconnectPeriod: 0,
    });
    const command = new Promise<{ updateId: string; version: string; sha256: string; url: string }>((resolve) =>
      client.on("message", (topic, payload) => {
        if (topic === otaTopic(device.id) && payload.length) resolve(JSON.parse(payload.toString()));
      }),
    );
    await client.subscribeAsync(otaTopic(device.id), { qos: 1 });
    const cmd = await command;
    expect(cmd).toMatchObject({ version: "3.1.0", sha256: crypto.createHash("sha256").update(content).digest("hex") });
    expect(cmd.url).toContain(`/api/v1/firmware/${pkg.id}/download`);

    for (const state of ["downloading", "verified", "updated"]) {
      await client.publishAsync(otaStatusTopic(device.id), JSON.stringify({ updateId: cmd.updateId, state, version: "3.1.0" }), { qos: 1 });
    }
    const update = await db.prisma.deviceFirmwareUpdate.findUniqueOrThrow({ where: { id: cmd.updateId } });
    expect(update.state).toBe("updated");
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: device.id } })).firmwareVersion).toBe("3.1.0");
    await client.endAsync();
  });
});

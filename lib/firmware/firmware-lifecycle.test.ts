import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { uploadFirmwarePackage, MAX_PACKAGE_BYTES } from "./upload-package";
import { assignFirmware } from "./assign-firmware";
import { handleOtaStatus } from "./handle-ota-status";
import { flagPackage } from "./flag-package";
import { patchStatus } from "@/lib/devices/patch-status";
import { setOtaPublisher } from "./ota-publisher";
import { parseTrustedKeys } from "./signature";
import { Refusal } from "@/lib/errors/refusal";

const vendor = crypto.generateKeyPairSync("ed25519");
const trustedKeys = parseTrustedKeys(vendor.publicKey.export({ type: "spki", format: "der" }).toString("base64"));
const sign = (b: Uint8Array, key = vendor.privateKey) => crypto.sign(null, b, key).toString("base64");
const bytes = (n = 2048) => crypto.randomBytes(n);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => (e instanceof Refusal ? e.message : `unexpected: ${e.message}`),
  );

describe.each(testDatabaseKinds)("firmware lifecycle on %s", (kind) => {
  let db: TestDatabase;
  const published: { topic: string; payload: string }[] = [];
  let monA: string, monB: string, monC: string, cuff: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    setOtaPublisher(async (topic, payload) => void published.push({ topic, payload }));
    const { patients } = await createWardWithPatients(db.prisma, 3);
    monA = (await createDevice({ type: "bedside_monitor", patientId: patients[0]!.id, firmwareVersion: "2.4.1" })).id;
    monB = (await createDevice({ type: "bedside_monitor", patientId: patients[1]!.id, firmwareVersion: "2.5.0" })).id;
    monC = (await createDevice({ type: "bedside_monitor", patientId: patients[2]!.id })).id;
    cuff = (await createDevice({ type: "bp_cuff", firmwareVersion: "1.0.0" })).id;
  });
  afterAll(async () => {
    setOtaPublisher(null);
    await db?.destroy();
  });

  const upload = (version: string, content = bytes(), extra: { signature?: string | null; sha256?: string; deviceType?: string } = {}) =>
    uploadFirmwarePackage(
      {
        deviceType: extra.deviceType ?? "bedside_monitor",
        version,
        content,
        signature: extra.signature === undefined ? sign(content) : extra.signature,
        sha256: extra.sha256,
      },
      { trustedKeys, audit: { actor: { email: "test" } } },
    );

  it("refuses unsigned, badly encoded, tampered, mislabelled, duplicate and oversized packages with the field at fault", async () => {
    const content = bytes();
    const tampered = Buffer.from(content);
    tampered[0] = tampered[0]! ^ 0xff;
    expect(await refusal(upload("9.0.0", content, { signature: null }))).toMatch(/^signature: is required/);
    expect(await refusal(upload("9.0.0", content, { signature: "%%%" }))).toBe("signature: is not valid base64");
    expect(
      await refusal(
        uploadFirmwarePackage(
          { deviceType: "bedside_monitor", version: "9.0.0", content: tampered, signature: sign(content) },
          { trustedKeys },
        ),
      ),
    ).toBe("signature: does not verify against any trusted key (package may be tampered)");
    expect(await refusal(upload("9.0.0", content, { signature: sign(content, crypto.generateKeyPairSync("ed25519").privateKey) }))).toMatch(
      /does not verify/,
    );
    expect(await refusal(upload("9.0.0", content, { sha256: "0".repeat(64) }))).toMatch(/^sha256: does not match the package bytes/);
    expect(await refusal(upload("9.0.0", content, { deviceType: "toaster" }))).toMatch(/^deviceType: unknown device type "toaster"/);
    expect(await refusal(upload("9 0", content))).toMatch(/^version: use letters/);
    expect(await refusal(upload("9.0.0", Buffer.alloc(0)))).toBe("file: is empty");
    expect(await refusal(upload("9.0.0", Buffer.alloc(MAX_PACKAGE_BYTES + 1)))).toMatch(/^file: is 33554433 bytes; the limit is/);
    expect(await db.prisma.firmwarePackage.count()).toBe(0);
    const audits = await db.prisma.auditEvent.count({ where: { action: "firmware.upload_refused" } });
    expect(audits).toBe(8); // every refusal but the one uploaded without an audit actor
  });

  it("stores a signed package with its SHA-256, and refuses the same version again", async () => {
    const content = bytes();
    const p = await upload("2.5.0", content, { sha256: crypto.createHash("sha256").update(content).digest("hex") });
    expect(p).toMatchObject({ deviceType: "bedside_monitor", version: "2.5.0", sizeBytes: 2048, keyId: trustedKeys[0]!.id });
    expect(p.sha256).toBe(crypto.createHash("sha256").update(content).digest("hex"));
    expect(await refusal(upload("2.5.0"))).toBe("version: bedside_monitor already has a package with version 2.5.0");
    expect(await db.prisma.auditEvent.count({ where: { action: "firmware.upload" } })).toBe(1);
  });

  it("shows outdated and unknown devices in the patch status", async () => {
    const types = await patchStatus({ showPatients: false });
    const mon = types.find((t) => t.deviceType === "bedside_monitor")!;
    expect(mon.latest?.version).toBe("2.5.0");
    expect(mon.counts).toMatchObject({ total: 3, current: 1, outdated: 1, unknown: 1, flagged: 0 });
    expect(mon.needsPatch.map((d) => d.id)).toEqual([monA, monC]);
    expect(mon.needsPatch[0]!.assignment).toMatchObject({ kind: "patient", patient: null });
    expect(types.find((t) => t.deviceType === "bp_cuff")!.counts.untracked).toBe(1);
  });

  it("assigns a package only to devices of its type, and delivers an OTA command to each", async () => {
    const pkg = await db.prisma.firmwarePackage.findFirstOrThrow({ where: { version: "2.5.0" } });
    expect(await refusal(assignFirmware(pkg.id, { deviceIds: [monA, cuff] }))).toBe(
      `devices: "${cuff}" is a bp_cuff; this package is for bedside_monitor devices only`,
    );
    expect(await refusal(assignFirmware(pkg.id, { deviceIds: ["nope"] }))).toBe('devices: no device with id "nope"');
    expect(await refusal(assignFirmware("missing", { deviceIds: [monA] }))).toBe('package: no firmware package with id "missing"');
    published.length = 0;
    const r = await assignFirmware(pkg.id, { allOutdated: true }, { baseUrl: "https://ward.example" });
    expect(r.updates.map((u) => u.deviceId).sort()).toEqual([monA, monC].sort());
    expect(r.delivered).toBe(2);
    const cmd = published.find((m) => m.topic === `devices/${monA}/ota`)!;
    const body = JSON.parse(cmd.payload) as Record<string, unknown>;
    expect(body).toEqual({
      updateId: r.updates.find((u) => u.deviceId === monA)!.id,
      version: "2.5.0",
      sha256: pkg.sha256,
      signature: pkg.signature,
      size: 2048,
      url: `https://ward.example/api/v1/firmware/${pkg.id}/download?device=${monA}`,
    });
    // Already assigned: "all outdated" does not send it twice.
    expect((await assignFirmware(pkg.id, { allOutdated: true })).updates).toHaveLength(0);
  });

  it("tracks the states a device reports, refuses bad reports, and records the new version", async () => {
    const update = await db.prisma.deviceFirmwareUpdate.findFirstOrThrow({ where: { deviceId: monA, state: "pending" } });
    const report = (deviceId: string, body: unknown) => handleOtaStatus(deviceId, Buffer.from(JSON.stringify(body)));
    expect(await handleOtaStatus(monA, "{not json")).toEqual({ ok: false, error: "payload: not valid JSON", kind: "invalid" });
    expect(await report(monA, { updateId: update.id, state: "installing" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^state: /),
    });
    expect(await report(monB, { updateId: update.id, state: "downloading" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await report(monA, { updateId: update.id, state: "downloading" })).toEqual({ ok: true });
    expect(await report(monA, { updateId: update.id, state: "downloading" })).toEqual({ ok: true }); // QoS 1 redelivery
    expect(await report(monA, { updateId: update.id, state: "verified" })).toEqual({ ok: true });
    expect(await report(monA, { updateId: update.id, state: "downloading" })).toEqual({
      ok: false,
      error: "state: the update is verified; it cannot become downloading",
      kind: "conflict",
    });
    expect(await report(monA, { updateId: update.id, state: "updated", version: "2.4.2" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^version: /),
    });
    published.length = 0;
    expect(await report(monA, { updateId: update.id, state: "updated", version: "2.5.0" })).toEqual({ ok: true });
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: monA } })).firmwareVersion).toBe("2.5.0");
    expect(published).toEqual([{ topic: `devices/${monA}/ota`, payload: "" }]); // retained command cleared
    expect(await report(monA, { updateId: update.id, state: "failed" })).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("flags a package: its devices show as flagged, open rollouts are cancelled, it can no longer be assigned", async () => {
    const pkg = await db.prisma.firmwarePackage.findFirstOrThrow({ where: { version: "2.5.0" } });
    expect(await refusal(flagPackage(pkg.id, ""))).toMatch(/^reason: /);
    expect(await flagPackage(pkg.id, "resets on alarm", { audit: { actor: { email: "test" } } })).toEqual({ cancelledUpdates: 1 }); // monC's pending update
    const mon = (await patchStatus({ showPatients: false })).find((t) => t.deviceType === "bedside_monitor")!;
    expect(mon.latest).toBeNull();
    expect(mon.flaggedVersions).toEqual([{ version: "2.5.0", reason: "resets on alarm" }]);
    expect(mon.counts).toMatchObject({ flagged: 2, untracked: 1 }); // no unflagged package left to compare monC against
    expect(mon.needsPatch.slice(0, 2).map((d) => d.firmware.flagReason)).toEqual(["resets on alarm", "resets on alarm"]);
    expect(await refusal(assignFirmware(pkg.id, { deviceIds: [monC] }))).toMatch(
      /^package: bedside_monitor 2.5.0 is flagged \(resets on alarm\)/,
    );
    // A newer unflagged package becomes the reference; the flagged devices are outdated against it.
    const p26 = await upload("2.6.0");
    const r = await assignFirmware(p26.id, { allOutdated: true });
    expect(r.updates.map((u) => u.deviceId).sort()).toEqual([monA, monB, monC].sort());
  });
});

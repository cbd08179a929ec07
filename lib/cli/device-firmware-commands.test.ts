import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { setOtaPublisher } from "@/lib/firmware/ota-publisher";
import { runCliCommand, USAGE } from "./commands";

// Demo mode (no DATABASE_URL): the demo signing key lives under this DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-cli-"));
process.env.DATA_DIR = dataDir;

const cli = (line: string[]) => runCliCommand(line);
const fails = (line: string[]) =>
  cli(line).then(
    () => "succeeded",
    (e: Error) => e.message,
  );

describe.each(testDatabaseKinds)("device and firmware CLI on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  const published: string[] = [];
  const fw = path.join(dataDir, `fw-${kind}.bin`);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    fs.writeFileSync(fw, crypto.randomBytes(5000));
    setOtaPublisher(async (topic) => void published.push(topic));
  });
  afterAll(async () => {
    setOtaPublisher(null);
    await db?.destroy();
  });

  it("documents the new commands", () => {
    for (const c of [
      "devices rotate <id>",
      "devices assign <id>",
      "firmware upload",
      "firmware assign <packageId>",
      "firmware list",
      "firmware sign",
    ])
      expect(USAGE).toContain(c);
  });

  it("provisions, rotates, assigns, lists and revokes devices", async () => {
    const made = (await cli(["devices", "create", "--type", "bedside_monitor", "--id", "mon-cli-1", "--firmware", "2.4.1"])).json as {
      id: string;
      secret: string;
    };
    const rotated = await cli(["devices", "rotate", made.id]);
    const secret = (rotated.json as { secret: string }).secret;
    expect(rotated.text).toContain(secret);
    expect((await authenticateDevice(made.id, made.secret)).ok).toBe(false);
    expect((await authenticateDevice(made.id, secret)).ok).toBe(true);
    expect((await cli(["devices", "assign", made.id, "--bed", `${ward.ward.code}/2`])).text).toBe(
      `Assigned ${made.id} to bed ${ward.ward.code}/2.`,
    );
    expect(await fails(["devices", "assign", made.id, "--bed", `${ward.ward.code}/2`, "--asset", "X"])).toMatch(/exactly one of/);
    expect(await fails(["devices", "assign", made.id, "--patient", "nobody"])).toBe('patient: no patient with id "nobody"');
    await cli(["devices", "assign", made.id, "--patient", ward.patients[0]!.id]);
    const listed = await cli(["devices", "list", "--ward", ward.ward.code]);
    expect(listed.text).toMatch(
      new RegExp(`mon-cli-1 +bedside_monitor +active +unknown +patient ${ward.patients[0]!.mrn} \\(${ward.ward.code}/1\\) +2\\.4\\.1`),
    );
    await cli(["devices", "create", "--type", "bedside_monitor", "--id", "mon-cli-2", "--location", "Store room"]);
    await cli(["devices", "create", "--type", "cgm", "--id", "cgm-cli-1", "--asset", "CGM-9"]);
    expect(await fails(["devices", "list", "--connectivity", "sideways"])).toMatch(/^connectivity: /);
    expect((await cli(["devices", "unassign", "mon-cli-2"])).text).toBe("mon-cli-2 is no longer assigned.");
    expect(await fails(["devices", "rotate"])).toMatch(/needs a device id/);
  });

  it("signs with the demo key, uploads, lists, assigns (to its type only) and reports patch status", async () => {
    const signature = (await cli(["firmware", "sign", "--file", fw])).text;
    expect(Buffer.from(signature, "base64")).toHaveLength(64);
    expect(await fails(["firmware", "upload", "--type", "bedside_monitor", "--version", "2.5.0", "--file", fw])).toMatch(
      /^signature: is required/,
    );
    expect(
      await fails([
        "firmware",
        "upload",
        "--type",
        "bedside_monitor",
        "--version",
        "2.5.0",
        "--file",
        fw,
        "--signature",
        Buffer.alloc(64).toString("base64"),
      ]),
    ).toBe("signature: does not verify against any trusted key (package may be tampered)");
    expect(
      await fails([
        "firmware",
        "upload",
        "--type",
        "bedside_monitor",
        "--version",
        "2.5.0",
        "--file",
        "/nonexistent.bin",
        "--signature",
        signature,
      ]),
    ).toMatch(/^file: cannot read/);
    const up = (
      await cli(["firmware", "upload", "--type", "bedside_monitor", "--version", "2.5.0", "--file", fw, "--signature", signature])
    ).json as { id: string };
    expect((await cli(["firmware", "list"])).text).toMatch(/bedside_monitor +2\.5\.0 +5000/);
    expect(await fails(["firmware", "assign", up.id, "--device", "cgm-cli-1"])).toMatch(
      /"cgm-cli-1" is a cgm; this package is for bedside_monitor devices only/,
    );
    expect(await fails(["firmware", "assign", up.id])).toMatch(/--device <id>.*--all-outdated/);
    const status = await cli(["firmware", "status"]);
    expect(status.text).toMatch(/bedside_monitor: newest 2\.5\.0; 2 active: 0 current, 1 outdated, 0 flagged, 1 unknown/);
    published.length = 0;
    const assigned = await cli(["firmware", "assign", up.id, "--all-outdated"]);
    expect(assigned.text).toBe("Assigned bedside_monitor 2.5.0 to 2 device(s); OTA command delivered to 2.");
    expect(published.sort()).toEqual(["devices/mon-cli-1/ota", "devices/mon-cli-2/ota"]);
    expect((await cli(["firmware", "flag", up.id, "--reason", "boot loop"])).text).toBe(`Flagged ${up.id}; 2 open update(s) cancelled.`);
    expect(await db.prisma.auditEvent.count({ where: { actorEmail: "cli", action: { startsWith: "firmware." } } })).toBeGreaterThanOrEqual(
      4,
    );
  });

  it("revokes", async () => {
    expect((await cli(["devices", "revoke", "mon-cli-2"])).text).toBe("Revoked mon-cli-2; its connections were dropped.");
    expect(await fails(["devices", "assign", "mon-cli-2", "--location", "x"])).toMatch(/is revoked/);
  });
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { createDevice } from "@/lib/devices/manage-devices";
import { signWithDemoKey } from "./demo-signing-key";
import { setOtaPublisher } from "./ota-publisher";
import * as packages from "@/app/api/v1/firmware/route";
import * as assign from "@/app/api/v1/firmware/[packageId]/assign/route";
import * as flag from "@/app/api/v1/firmware/[packageId]/flag/route";
import * as download from "@/app/api/v1/firmware/[packageId]/download/route";
import * as patch from "@/app/api/v1/firmware/patch-status/route";
import * as otaStatus from "@/app/api/v1/devices/[deviceId]/ota-status/route";

// Trusted keys come from the environment (plus the demo key: no DATABASE_URL means demo mode).
const vendor = crypto.generateKeyPairSync("ed25519");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-fw-"));
process.env.DATA_DIR = dataDir;
process.env.FIRMWARE_TRUSTED_KEYS = vendor.publicKey.export({ type: "spki", format: "der" }).toString("base64");
process.env.FIRMWARE_BASE_URL = "https://ward.example";

describe("firmware API", () => {
  let db: TestDatabase;
  let biomed: string, nurse: string;
  let monitor: { id: string; secret: string };
  const published: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    biomed = (await createUserWithToken(db.prisma, "biomed")).token;
    nurse = (await createUserWithToken(db.prisma, "nurse")).token;
    monitor = await createDevice({ type: "bedside_monitor", firmwareVersion: "2.4.1" });
    setOtaPublisher(async (topic) => void published.push(topic));
  });
  afterAll(async () => {
    setOtaPublisher(null);
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = async <P>(
    handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>,
    url: string,
    init: { token?: string; body?: BodyInit; json?: unknown; method?: string } = {},
    params?: P,
  ) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return handler(new NextRequest(url, { method: init.method ?? (body ? "POST" : "GET"), headers, body }), {
      params: Promise.resolve(params ?? ({} as P)),
    });
  };
  const form = (fields: Record<string, string>, file: Uint8Array) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    f.set("file", new Blob([new Uint8Array(file)]), "fw.bin");
    return f;
  };
  const uploadForm = async (fields: Record<string, string>, file: Uint8Array, token = biomed) => {
    // Serialise the form the way a browser or curl -F does.
    const req = new Request("http://x", { method: "POST", body: form(fields, file) });
    const res = await packages.POST(
      new NextRequest("http://x/api/v1/firmware", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": req.headers.get("content-type")! },
        body: await req.arrayBuffer(),
      }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: (await res.json()) as { package?: { id: string }; error?: string; issues?: { field: string }[] } };
  };

  it("uploads a multipart package signed by a trusted key, refuses a tampered one by field, and forbids nurses", async () => {
    const content = crypto.randomBytes(10_000);
    const signature = crypto.sign(null, content, vendor.privateKey).toString("base64");
    const tampered = Buffer.from(content);
    tampered[5] = tampered[5]! ^ 1;
    const refused = await uploadForm({ deviceType: "bedside_monitor", version: "2.5.0", signature }, tampered);
    expect(refused).toEqual({
      status: 400,
      body: {
        error: "signature: does not verify against any trusted key (package may be tampered)",
        issues: [{ field: "signature", reason: expect.any(String) }],
      },
    });
    expect((await uploadForm({ deviceType: "bedside_monitor", version: "2.5.0", signature }, content, nurse)).status).toBe(403);
    const ok = await uploadForm({ deviceType: "bedside_monitor", version: "2.5.0", signature }, content);
    expect(ok.status).toBe(201);
    expect((await uploadForm({ deviceType: "bedside_monitor", version: "2.5.0", signature }, content)).status).toBe(409);
    const listed = (await (await send(packages.GET, "http://x/api/v1/firmware", { token: biomed })).json()) as {
      packages: { version: string; content?: unknown }[];
    };
    expect(listed.packages.map((p) => p.version)).toEqual(["2.5.0"]);
    expect(listed.packages[0]!.content).toBeUndefined();
  });

  it("accepts a JSON upload signed with the demo key (demo mode)", async () => {
    const content = crypto.randomBytes(100);
    const res = await send(packages.POST, "http://x/api/v1/firmware", {
      token: biomed,
      json: {
        deviceType: "bedside_monitor",
        version: "2.6.0-rc.1",
        signature: signWithDemoKey(dataDir, content),
        contentBase64: content.toString("base64"),
      },
    });
    expect(res.status).toBe(201);
    expect((fs.statSync(path.join(dataDir, "firmware-signing", "demo-ed25519-private.pem")).mode & 0o777).toString(8)).toBe("600");
  });

  it("assigns, serves the download to the device only, takes HTTP status reports, and shows the patch status", async () => {
    const pkg = await db.prisma.firmwarePackage.findFirstOrThrow({ where: { version: "2.5.0" } });
    expect((await send(assign.POST, "http://x", { token: nurse, json: { allOutdated: true } }, { packageId: pkg.id })).status).toBe(403);
    const res = await send(assign.POST, "http://x", { token: biomed, json: { deviceIds: [monitor.id] } }, { packageId: pkg.id });
    expect(res.status).toBe(201);
    const { updates } = (await res.json()) as { updates: { id: string }[] };
    expect(published).toEqual([`devices/${monitor.id}/ota`]);

    const dl = (token: string | undefined, device = monitor.id) =>
      send(download.GET, `http://x/api/v1/firmware/${pkg.id}/download?device=${device}`, { token }, { packageId: pkg.id });
    expect((await dl(undefined)).status).toBe(401);
    expect((await dl("dsk_wrong")).status).toBe(401);
    const other = await createDevice({ type: "bedside_monitor" });
    expect((await dl(other.secret, other.id)).status).toBe(403);
    const got = await dl(monitor.secret);
    expect(got.status).toBe(200);
    expect(got.headers.get("x-firmware-sha256")).toBe(pkg.sha256);
    expect(
      crypto
        .createHash("sha256")
        .update(Buffer.from(await got.arrayBuffer()))
        .digest("hex"),
    ).toBe(pkg.sha256);

    const report = (body: unknown, secret = monitor.secret) =>
      send(otaStatus.POST, `http://x/api/v1/devices/${monitor.id}/ota-status`, { token: secret, json: body }, { deviceId: monitor.id });
    expect((await report({ updateId: updates[0]!.id, state: "downloading" }, "dsk_wrong")).status).toBe(401);
    expect((await report({ updateId: updates[0]!.id, state: "downloading" })).status).toBe(200);
    expect((await report({ updateId: "nope", state: "downloading" })).status).toBe(404);
    expect((await report({ updateId: updates[0]!.id, state: "exploded" })).status).toBe(400);
    expect((await report({ updateId: updates[0]!.id, state: "updated", version: "2.5.0" })).status).toBe(200);
    expect((await report({ updateId: updates[0]!.id, state: "downloading" })).status).toBe(409);

    const status = (await (await send(patch.GET, "http://x", { token: biomed })).json()) as {
      types: { deviceType: string; latest: { version: string }; counts: Record<string, number> }[];
    };
    const mon = status.types.find((t) => t.deviceType === "bedside_monitor")!;
    expect(mon.latest.version).toBe("2.6.0-rc.1"); // newer than 2.5.0, so the freshly updated monitor is outdated again
    expect(mon.counts).toMatchObject({ outdated: 1, unknown: 1, total: 2 });
  });

  it("flags and unflags a package", async () => {
    const pkg = await db.prisma.firmwarePackage.findFirstOrThrow({ where: { version: "2.6.0-rc.1" } });
    expect((await send(flag.POST, "http://x", { token: biomed, json: { reason: "" } }, { packageId: pkg.id })).status).toBe(400);
    expect((await send(flag.POST, "http://x", { token: biomed, json: { reason: "watchdog resets" } }, { packageId: pkg.id })).status).toBe(
      200,
    );
    const status = (await (await send(patch.GET, "http://x", { token: biomed })).json()) as {
      types: { deviceType: string; latest: { version: string }; flaggedVersions: unknown[] }[];
    };
    expect(status.types[0]).toMatchObject({
      latest: { version: "2.5.0" },
      flaggedVersions: [{ version: "2.6.0-rc.1", reason: "watchdog resets" }],
    });
    expect((await send(flag.DELETE, "http://x", { token: biomed, method: "DELETE" }, { packageId: pkg.id })).status).toBe(200);
    expect((await send(flag.POST, "http://x", { token: biomed, json: { reason: "x y z" } }, { packageId: "missing" })).status).toBe(404);
  });
});

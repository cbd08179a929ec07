// HTTP telemetry through both ways in: the Next route handler, and the production server's direct path
// (lib/http/telemetry-fast-path) behind a real Node HTTP server on a keep-alive connection.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createDevice, revokeDevice, rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { POST } from "@/app/api/v1/devices/[deviceId]/telemetry/route";
import { serveTelemetryDirect } from "@/lib/http/telemetry-fast-path";
import { stampClientAddress } from "@/lib/net/client-address";

type Way = "next route" | "server direct path";
const ways: Way[] = ["next route", "server direct path"];
const cases = testDatabaseKinds.flatMap((kind) => ways.map((way) => [kind, way] as const));

/** A Node server as server.ts builds it: the direct path first, anything else answered 404 ("Next"). */
async function startDirectServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => void (serveTelemetryDirect(stampClientAddress(req), res) || res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(cases)("HTTP telemetry ingest on %s, %s", (kind, way) => {
  let db: TestDatabase;
  let device: { id: string; secret: string };
  let direct: Awaited<ReturnType<typeof startDirectServer>> | null = null;
  const now = () => new Date().toISOString();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const { patients } = await createWardWithPatients(db.prisma, 1);
    device = await createDevice({ type: "bedside_monitor", patientId: patients[0]!.id });
    if (way === "server direct path") direct = await startDirectServer();
  });
  afterAll(async () => {
    await direct?.close();
    await db?.destroy();
  });

  const post = (deviceId: string, body: unknown, secret: string | null = device.secret, raw = false) => {
    const init = {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: raw ? (body as string) : JSON.stringify(body),
    };
    if (direct) return fetch(`${direct.url}/api/v1/devices/${encodeURIComponent(deviceId)}/telemetry`, init);
    return POST(new NextRequest(`http://localhost/api/v1/devices/${deviceId}/telemetry`, init), {
      params: Promise.resolve({ deviceId }),
    });
  };
  const stored = async (seq: number) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id=$1 AND seq=$2`, [device.id, seq]))[0]!
      .n;

  it("accepts one frame with 202 and stores it before answering", async () => {
    const res = await post(device.id, { seq: 1, ts: now(), values: { heart_rate: 72, spo2: 97, temp: 36.9 } });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, artifacts: 0 });
    expect(await stored(1)).toBe(3);
  });

  it("accepts an array of frames and counts the ones seen before as duplicates", async () => {
    const res = await post(device.id, [
      { seq: 1, ts: now(), values: { heart_rate: 72 } },
      { seq: 2, ts: now(), values: { heart_rate: 74 } },
      { seq: 3, ts: now(), values: { heart_rate: 75 } },
    ]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 1, artifacts: 0 });
    expect(await stored(1)).toBe(3);
  });

  it("refuses a body with one invalid frame with 400 naming the field, and stores none of it", async () => {
    const res = await post(device.id, [
      { seq: 10, ts: now(), values: { heart_rate: 80 } },
      { seq: 11, ts: now(), values: { spo2: 140 } },
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { field: string; reason: string }[] };
    expect(body.error).toContain("frames[1].values.spo2: 140 is above the maximum 100");
    expect(body.issues).toEqual([{ field: "frames[1].values.spo2", reason: "140 is above the maximum 100 %" }]);
    expect(await stored(10)).toBe(0);
  });

  it.each([
    [{ seq: -1, ts: "2026-01-01T00:00:00Z", values: { heart_rate: 1 } }, "frame.seq: must be 0 or more"],
    [{ seq: 5, ts: "yesterday", values: { heart_rate: 1 } }, "frame.ts: must be an ISO 8601 date-time"],
    [{ seq: 5, ts: "2026-01-01T00:00:00Z", values: { pulse: 70 } }, 'frame.values.pulse: unknown metric "pulse"'],
    [{ seq: 5, ts: "2026-01-01T00:00:00Z", values: { glucose: 100 } }, 'frame.values.glucose: a bedside_monitor may not send "glucose"'],
    [{ seq: 5, ts: "2026-01-01T00:00:00Z", values: { heart_rate: 70 }, extra: 1 }, "extra"],
  ])("explains why %j is refused", async (frame, message) => {
    const res = await post(device.id, frame);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await post(device.id, "{not json", device.secret, true);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^body: is not valid JSON/);
  });

  it("answers 401 for a missing or wrong secret and for an unknown device", async () => {
    const missing = await post(device.id, { seq: 99, ts: now(), values: { heart_rate: 1 } }, null);
    expect(missing.status).toBe(401);
    // The refusal's own headers, each once (a duplicated content type reads "application/json, application/json").
    expect(missing.headers.get("content-type")).toBe("application/json");
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect((await post(device.id, { seq: 99, ts: now(), values: { heart_rate: 1 } }, "dsk_wrong")).status).toBe(401);
    expect((await post("no-such-device", { seq: 99, ts: now(), values: { heart_rate: 1 } })).status).toBe(401);
  });

  it("answers 413 for a body over the limit, without storing anything", async () => {
    const frames = Array.from({ length: 3000 }, (_, i) => ({
      seq: 1000 + i,
      ts: now(),
      values: { heart_rate: 70, spo2: 98, resp_rate: 14 },
    }));
    const res = await post(device.id, frames);
    expect(res.status).toBe(413);
    expect(await stored(1000)).toBe(0);
  });

  it("refuses the old secret at once after a rotation and accepts the new one", async () => {
    expect((await post(device.id, { seq: 400, ts: now(), values: { heart_rate: 70 } })).status).toBe(202);
    const secret = await rotateDeviceSecret(device.id);
    expect((await post(device.id, { seq: 401, ts: now(), values: { heart_rate: 70 } })).status).toBe(401);
    device = { ...device, secret };
    expect((await post(device.id, { seq: 402, ts: now(), values: { heart_rate: 70 } })).status).toBe(202);
    expect(await stored(401)).toBe(0);
  });

  it("answers 403 once the device is revoked", async () => {
    await revokeDevice(device.id);
    expect((await post(device.id, { seq: 500, ts: now(), values: { heart_rate: 70 } })).status).toBe(403);
  });

  // Only the server's path has headers of its own to check (proxy.ts sets them on Next's answers).
  if (way === "server direct path")
    it("sends the security headers every answer carries, and leaves other requests to Next", async () => {
      const res = await post(device.id, { seq: 600, ts: now(), values: { heart_rate: 70 } });
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect((await fetch(`${direct!.url}/api/v1/devices/${device.id}/telemetry`)).status).toBe(404);
      expect((await fetch(`${direct!.url}/api/v1/devices/${device.id}/telemetry/x`, { method: "POST" })).status).toBe(404);
    });
});

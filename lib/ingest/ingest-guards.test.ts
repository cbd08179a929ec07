// HTTP ingest guards: quarantine of refused bodies, artifacts, the per-device rate limit, and the
// answers when the database is stuck (503 on timeout, 503 when the buffer is full). Also the admin
// quarantine API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { setProcessSingleton } from "@/lib/process-singleton";
import { eventBus } from "@/lib/bus/event-bus";
import type { VitalsEvent } from "@/lib/events";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { createDevice } from "@/lib/devices/manage-devices";
import { POST } from "@/app/api/v1/devices/[deviceId]/telemetry/route";
import { GET as getRejections } from "@/app/api/v1/ingest/rejections/route";
import { RateLimiter } from "./rate-limiter";
import { getRejectionLog } from "./rejection-log";
import { ingestCounts } from "./ingest-counters";

process.env.INGEST_HTTP_TIMEOUT_MS = "300";
process.env.INGEST_BUFFER_FRAMES = "3";

describe("HTTP ingest guards", () => {
  let db: TestDatabase;
  let device: { id: string; secret: string };
  let admin: string, nurse: string;
  const now = () => new Date().toISOString();

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const { ward, patients } = await createWardWithPatients(db.prisma, 1);
    device = await createDevice({ type: "bedside_monitor", patientId: patients[0]!.id });
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] })).token;
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1, burst: 1000 }));
  });
  afterAll(async () => db?.destroy());

  const post = (body: string, secret = device.secret) =>
    POST(
      new NextRequest(`http://localhost/api/v1/devices/${device.id}/telemetry`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
        body,
      }),
      {
        params: Promise.resolve({ deviceId: device.id }),
      },
    );
  const quarantined = async () => {
    await (await getRejectionLog()).drain();
    return db.sql.query<{ device_id: string; transport: string; reason: string; payload: string }>(
      `SELECT device_id, transport, reason, payload FROM ingest_rejections ORDER BY id`,
    );
  };
  const rejections = (query: string, token: string) =>
    getRejections(new NextRequest(`http://x/api/v1/ingest/rejections${query}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    });

  it("quarantines an invalid body with its reason and raw payload, and counts it", async () => {
    const body = JSON.stringify({ seq: 1, ts: now(), values: { spo2: 140 } });
    expect((await post(body)).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    const rows = await quarantined();
    expect(rows).toEqual([
      { device_id: device.id, transport: "http", reason: "frame.values.spo2: 140 is above the maximum 100 %", payload: body },
      expect.objectContaining({ device_id: device.id, payload: "{not json", reason: expect.stringMatching(/^body: is not valid JSON/) }),
    ]);
    expect(ingestCounts().counts.http.invalid).toBe(2);
  });

  it("quarantines the beginning of a body over the size limit (413)", async () => {
    const big = JSON.stringify(
      Array.from({ length: 3000 }, (_, i) => ({ seq: 1000 + i, ts: now(), values: { heart_rate: 70, spo2: 98, resp_rate: 14 } })),
    );
    expect((await post(big)).status).toBe(413);
    const last = (await quarantined()).at(-1)!;
    expect(last.reason).toMatch(/^body of \d+ bytes is over the limit of 262144 bytes \[payload truncated: \d+ bytes, first 65536 kept\]$/);
    expect(last.payload.length).toBe(65536);
  });

  it("stores implausible values flagged as artifacts and publishes them live as such", async () => {
    const live: VitalsEvent[] = [];
    const off = eventBus().subscribe("vitals", (e) => live.push(e));
    const res = await post(JSON.stringify({ seq: 2, ts: now(), values: { heart_rate: 350, spo2: 97, temp: 36.6 } }));
    off();
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, artifacts: 1 });
    expect(live[0]).toMatchObject({ seq: 2, values: { heart_rate: 350 }, artifacts: ["heart_rate"] });
    const rows = await db.sql.query<{ code: string; artifact: boolean }>(
      `SELECT code, artifact FROM observations WHERE device_id = $1 AND seq = 2 ORDER BY code`,
      [device.id],
    );
    expect(rows).toEqual([
      { code: "heart_rate", artifact: true },
      { code: "spo2", artifact: false },
      { code: "temp", artifact: false },
    ]);
  });

  it("answers 429 with Retry-After beyond the per-device rate, storing nothing of that body", async () => {
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1, burst: 3 }));
    const frames = (from: number, n: number) =>
      JSON.stringify(Array.from({ length: n }, (_, i) => ({ seq: from + i, ts: now(), values: { heart_rate: 70 } })));
    expect((await post(frames(10, 3))).status).toBe(202);
    const res = await post(frames(13, 2));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { error: string }).error).toMatch(/^rate limit: at most 1 frames\/s per device/);
    const stored = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id = $1 AND seq >= 13`, [
      device.id,
    ]);
    expect(stored[0]!.n).toBe(0);
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1000, burst: 1000 }));
  });

  it("lists and exports the quarantine to admins only, and audits the read", async () => {
    expect((await rejections("", nurse)).status).toBe(403);
    const res = await rejections(`?deviceId=${device.id}&limit=2`, admin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rejections: { reason: string; transport: string }[];
      nextBeforeId: string | null;
      status: { counts: { http: { invalid: number } } };
    };
    expect(body.rejections).toHaveLength(2);
    expect(body.rejections[0]!.reason).toMatch(/^body of/);
    expect(body.nextBeforeId).not.toBeNull();
    expect(body.status.counts.http.invalid).toBe(2);
    const csv = await rejections(`?format=csv&from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`, admin);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("id,received_at,device_id,transport,topic,reason,payload");
    expect(text).toContain('"frame.values.spo2: 140 is above the maximum 100 %"');
    expect(await db.prisma.auditEvent.count({ where: { action: "ingest.rejections.view" } })).toBe(2);
    expect((await rejections("?from=yesterday", admin)).status).toBe(400);
  });

  it("answers 503 when the database does not confirm in time, and 503 at once when the buffer is full", async () => {
    // A database that never answers the ingest write (everything else still works).
    setDatabase({
      ...db,
      sql: {
        ...db.sql,
        query: <T extends Record<string, unknown>>(text: string, p?: unknown[]) =>
          text.includes("INSERT INTO device_frames") ? new Promise<T[]>(() => undefined) : db.sql.query<T>(text, p),
      },
    });
    const started = Date.now();
    const slow = await post(
      JSON.stringify([
        { seq: 100, ts: now(), values: { heart_rate: 70 } },
        { seq: 101, ts: now(), values: { heart_rate: 71 } },
      ]),
    );
    expect(slow.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(slow.headers.get("retry-after")).toBe("5");
    expect(((await slow.json()) as { error: string }).error).toMatch(/not confirmed within 0.3 s/);
    const full = await post(
      JSON.stringify([
        { seq: 102, ts: now(), values: { heart_rate: 70 } },
        { seq: 103, ts: now(), values: { heart_rate: 70 } },
      ]),
    );
    expect(full.status).toBe(503);
    expect(((await full.json()) as { error: string }).error).toMatch(/ingest buffer is full/);
    expect(ingestCounts().counts.http).toMatchObject({ timeout: 1, busy: 1 });
    setDatabase(db);
  });
});

// Zero acknowledged frames lost across a database outage: the app's pool reaches this machine's
// PostgreSQL (TEST_DATABASE_URL) through a TCP proxy; devices stream QoS 1 frames through the embedded
// broker; the proxy is cut for three seconds mid-stream and restored. Every frame whose PUBACK a device
// received must be in the database exactly once, and the frames left unacknowledged (buffer full,
// connection closed) must arrive too, redelivered by mqtt.js after reconnecting.
// Skipped without TEST_DATABASE_URL (reported as skipped); CI always sets it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { setDatabase } from "@/lib/db/database";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { setProcessSingleton } from "@/lib/process-singleton";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { getObservationWriter } from "./accept-telemetry";
import { ingestCounts } from "./ingest-counters";
import { RateLimiter } from "./rate-limiter";
import { TcpProxy } from "@/test/support/tcp-proxy";
import { DeviceStream, storedCounts } from "@/test/support/device-stream";

const url = process.env.TEST_DATABASE_URL;
if (process.env.CI && !url) throw new Error("TEST_DATABASE_URL must be set in CI");

// A small buffer, so the outage also fills it and devices are refused and must resend.
process.env.INGEST_BUFFER_FRAMES = "150";

describe.skipIf(!url)("ingest across a PostgreSQL outage", () => {
  const name = `iomt_outage_${crypto.randomBytes(5).toString("hex")}`;
  const dbUrl = (port?: number) => {
    const u = new URL(url!);
    u.pathname = `/${name}`;
    if (port) {
      u.hostname = "127.0.0.1";
      u.port = String(port);
    }
    return u.toString();
  };
  let proxy: TcpProxy;
  let app: Database;
  let direct: pg.Client;
  let broker: EmbeddedBroker;
  let stream: DeviceStream | null = null;
  let devices: { id: string; secret: string }[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url!);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    app = await openDatabase({ url: dbUrl(proxy.port) });
    await migrateDatabase(app.sql);
    setDatabase(app);
    direct = new pg.Client({ connectionString: dbUrl() });
    await direct.connect();
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1000, burst: 1000 }));
    const { patients } = await createWardWithPatients(app.prisma, 8);
    devices = await Promise.all(patients.map((p) => createDevice({ type: "bedside_monitor", patientId: p.id })));
    broker = await startEmbeddedBroker({ port: 0, host: "127.0.0.1", log: (_l, m) => logs.push(m) });
  }, 60_000);

  afterAll(async () => {
    await stream?.close();
    await proxy?.restore();
    await broker?.close();
    await app?.close();
    await proxy?.close();
    await direct?.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("keeps every acknowledged frame, exactly once, and receives every frame in the end", async () => {
    stream = await DeviceStream.start(broker.url, devices, 25); // 8 devices × 40 Hz
    await new Promise((r) => setTimeout(r, 1000));
    const beforeCut = stream.snapshot();
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 3000));
    const duringOutage = stream.totalAcked;
    await proxy.restore();
    await new Promise((r) => setTimeout(r, 1500));
    stream.stop();
    const ok = await stream.settle(30_000);
    expect(ok).toBe(true);
    await (await getObservationWriter()).drain();

    const stored = await storedCounts(
      async (q, p) => (await direct.query(q, p)).rows,
      devices.map((d) => d.id),
    );
    let acked = 0;
    for (const [deviceId, seqs] of stream.acked) {
      for (const seq of seqs) {
        acked++;
        expect(stored.get(`${deviceId}#${seq}`), `${deviceId} seq ${seq}`).toEqual({ frames: 1, values: 2 });
      }
      expect(seqs.size).toBe(stream.published.get(deviceId));
    }
    expect(stored.size).toBe(acked);
    for (const [deviceId, seqs] of beforeCut) for (const seq of seqs) expect(stored.has(`${deviceId}#${seq}`)).toBe(true);

    // The outage was real: writes failed and were retried, the buffer filled, devices were refused.
    expect(stream.totalPublished).toBeGreaterThan(duringOutage);
    expect((await getObservationWriter()).stats().retries).toBeGreaterThan(0);
    expect(ingestCounts().counts.mqtt.busy).toBeGreaterThan(0);
    expect(stream.closes).toBeGreaterThan(0);
    expect(logs.some((l) => l.includes("connection closed so it is resent"))).toBe(true);
  }, 90_000);
});

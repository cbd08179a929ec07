// Zero acknowledged frames lost across an app restart: devices stream QoS 1 frames through the
// embedded broker into an embedded PGlite database kept in a directory; mid-stream the broker and
// writer shut down the way the app does (the shutdown path drains what was handed to the writer), the
// database is closed, then everything starts again on the same directory and port. Every acknowledged
// frame is in the reopened database exactly once, and the devices' unacknowledged frames arrive too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase as installDatabase } from "@/lib/db/database";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { setProcessSingleton } from "@/lib/process-singleton";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { startEmbeddedBroker, type EmbeddedBroker } from "./embedded-broker";
import { RateLimiter } from "./rate-limiter";
import { DeviceStream, storedCounts } from "@/test/support/device-stream";

describe("ingest across an app restart (PGlite data directory)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-restart-"));
  let db: Database | null = null;
  let broker: EmbeddedBroker | null = null;
  let stream: DeviceStream | null = null;
  let devices: { id: string; secret: string }[] = [];

  const startApp = async (port: number) => {
    db = await openDatabase({ pgliteDir: dir });
    await migrateDatabase(db.sql);
    installDatabase(db);
    broker = await startEmbeddedBroker({ port, host: "127.0.0.1", log: () => undefined });
    return broker;
  };
  const stopApp = async () => {
    await broker?.close(); // the shutdown path: intake stops, frames handed to the writer are written
    broker = null;
    await db?.close();
    db = null;
  };

  beforeAll(async () => {
    setProcessSingleton("deviceRateLimiter", new RateLimiter({ ratePerSec: 1000, burst: 1000 }));
    await startApp(0);
    const { patients } = await createWardWithPatients(db!.prisma, 6);
    devices = await Promise.all(patients.map((p) => createDevice({ type: "bedside_monitor", patientId: p.id })));
  }, 60_000);
  afterAll(async () => {
    await stream?.close();
    await stopApp();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged frame, exactly once, and receives every frame after the restart", async () => {
    const port = broker!.port;
    stream = await DeviceStream.start(`mqtt://127.0.0.1:${port}`, devices, 20); // 6 devices × 50 Hz
    await new Promise((r) => setTimeout(r, 1200));
    await stopApp();
    const ackedBeforeRestart = stream.snapshot();
    const countBefore = stream.totalAcked;
    await new Promise((r) => setTimeout(r, 500)); // devices keep measuring; their frames wait
    await startApp(port);
    await new Promise((r) => setTimeout(r, 1500));
    stream.stop();
    expect(await stream.settle(30_000)).toBe(true);

    const stored = await storedCounts(
      (q, p) => db!.sql.query(q, p),
      devices.map((d) => d.id),
    );
    for (const [deviceId, seqs] of ackedBeforeRestart) {
      for (const seq of seqs)
        expect(stored.get(`${deviceId}#${seq}`), `${deviceId} seq ${seq} acknowledged before the restart`).toEqual({
          frames: 1,
          values: 2,
        });
    }
    for (const [deviceId, seqs] of stream.acked) {
      expect(seqs.size).toBe(stream.published.get(deviceId));
      for (const seq of seqs) expect(stored.get(`${deviceId}#${seq}`)).toEqual({ frames: 1, values: 2 });
    }
    expect(stored.size).toBe(stream.totalPublished);
    expect(countBefore).toBeGreaterThan(0);
    expect(stream.totalAcked).toBeGreaterThan(countBefore);
  }, 90_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/lib/testing/test-database";
import { ObservationWriter, IngestBusyError, type PendingFrame } from "./observation-writer";

describe.each(testDatabaseKinds)("ObservationWriter on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.sql.query(`INSERT INTO devices (id, type, secret_hash) VALUES ('dev-a', 'bedside_monitor', 'x'), ('dev-b', 'bedside_monitor', 'x')`);
  });
  afterAll(async () => db?.destroy());

  const frame = (deviceId: string, seq: number, values: Record<string, number>): PendingFrame => ({
    deviceId, patientId: null, seq, ts: new Date(Date.UTC(2026, 10, 23, 18, 0, seq)), values,
  });

  it("writes frames from concurrent callers in one batch and reports accepted per caller", async () => {
    const writer = new ObservationWriter(db.sql, { maxDelayMs: 20 });
    const [a, b] = await Promise.all([
      writer.write([frame("dev-a", 1, { heart_rate: 72, spo2: 97 }), frame("dev-a", 2, { heart_rate: 73 })]),
      writer.write([frame("dev-b", 1, { temp: 37.2 })]),
    ]);
    expect(a).toEqual({ accepted: 2, duplicates: 0 });
    expect(b).toEqual({ accepted: 1, duplicates: 0 });
    const rows = await db.sql.query<{ device_id: string; code: string; value: number; seq: string }>(
      `SELECT device_id, code, value, seq::text AS seq FROM observations ORDER BY device_id, seq, code`,
    );
    expect(rows).toEqual([
      { device_id: "dev-a", code: "heart_rate", value: 72, seq: "1" },
      { device_id: "dev-a", code: "spo2", value: 97, seq: "1" },
      { device_id: "dev-a", code: "heart_rate", value: 73, seq: "2" },
      { device_id: "dev-b", code: "temp", value: 37.2, seq: "1" },
    ]);
    const seen = await db.sql.query<{ last_seen_at: Date | null }>(`SELECT last_seen_at FROM devices WHERE id = 'dev-a'`);
    expect(seen[0]?.last_seen_at).toBeInstanceOf(Date);
  });

  it("acknowledges a redelivered frame as a duplicate and stores it once", async () => {
    const writer = new ObservationWriter(db.sql);
    const again = await writer.write([frame("dev-a", 2, { heart_rate: 99 }), frame("dev-a", 3, { heart_rate: 74 })]);
    expect(again).toEqual({ accepted: 1, duplicates: 1 });
    // The same seq twice inside one batch is also stored once.
    const [x, y] = await Promise.all([
      writer.write([frame("dev-b", 7, { temp: 37 })]),
      writer.write([frame("dev-b", 7, { temp: 37 })]),
    ]);
    expect(x.accepted + y.accepted).toBe(1);
    const hr = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id='dev-a' AND seq=2`);
    expect(hr[0]?.n).toBe(1);
    const t7 = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id='dev-b' AND seq=7`);
    expect(t7[0]?.n).toBe(1);
  });

  it("refuses frames beyond its buffer bound instead of growing without limit", async () => {
    const writer = new ObservationWriter(db.sql, { maxPendingFrames: 3, maxDelayMs: 50 });
    const first = writer.write([frame("dev-a", 100, { heart_rate: 1 }), frame("dev-a", 101, { heart_rate: 1 })]);
    await expect(writer.write([frame("dev-a", 102, { heart_rate: 1 }), frame("dev-a", 103, { heart_rate: 1 })])).rejects.toBeInstanceOf(IngestBusyError);
    await expect(first).resolves.toEqual({ accepted: 2, duplicates: 0 });
  });

  it("rejects every waiting caller when the database write fails, so nothing is acknowledged", async () => {
    const writer = new ObservationWriter({ ...db.sql, query: () => Promise.reject(new Error("connection lost")) });
    await expect(writer.write([frame("dev-a", 200, { heart_rate: 1 })])).rejects.toThrow("connection lost");
  });
});

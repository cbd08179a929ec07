import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { ObservationWriter, IngestBusyError, type PendingFrame } from "./observation-writer";

describe.each(testDatabaseKinds)("ObservationWriter on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.sql.query(
      `INSERT INTO devices (id, type, secret_hash) VALUES ('dev-a', 'bedside_monitor', 'x'), ('dev-b', 'bedside_monitor', 'x')`,
    );
  });
  afterAll(async () => db?.destroy());

  const frame = (deviceId: string, seq: number, values: Record<string, number>): PendingFrame => ({
    deviceId,
    patientId: null,
    seq,
    ts: Date.UTC(2026, 10, 23, 18, 0, seq),
    values,
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
    const [x, y] = await Promise.all([writer.write([frame("dev-b", 7, { temp: 37 })]), writer.write([frame("dev-b", 7, { temp: 37 })])]);
    expect(x.accepted + y.accepted).toBe(1);
    const hr = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id='dev-a' AND seq=2`);
    expect(hr[0]?.n).toBe(1);
    const t7 = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id='dev-b' AND seq=7`);
    expect(t7[0]?.n).toBe(1);
  });

  it("refuses frames beyond its buffer bound instead of growing without limit", async () => {
    const writer = new ObservationWriter(db.sql, { maxPendingFrames: 3, maxDelayMs: 50 });
    const first = writer.write([frame("dev-a", 100, { heart_rate: 1 }), frame("dev-a", 101, { heart_rate: 1 })]);
    await expect(writer.write([frame("dev-a", 102, { heart_rate: 1 }), frame("dev-a", 103, { heart_rate: 1 })])).rejects.toBeInstanceOf(
      IngestBusyError,
    );
    await expect(first).resolves.toEqual({ accepted: 2, duplicates: 0 });
  });

  it("reports an error that is not connection trouble to the batch's callers after a few attempts, so nothing is acknowledged", async () => {
    let calls = 0;
    const failing = { ...db.sql, query: () => (calls++, Promise.reject(Object.assign(new Error("syntax error"), { code: "42601" }))) };
    const writer = new ObservationWriter(failing, { retryDelayMs: 1, log: () => undefined });
    await expect(writer.write([frame("dev-a", 200, { heart_rate: 1 })])).rejects.toThrow("syntax error");
    expect(calls).toBe(3);
    expect(writer.pendingFrames).toBe(0);
  });

  it("round-trips ids that need quoting in array literals", async () => {
    const odd = ['dev "q" \\ x', "NULL", "dev,{y}", "gerät-ü"];
    await db.sql.query(`INSERT INTO devices (id, type, secret_hash) SELECT id, 'bedside_monitor', 'x' FROM unnest($1::text[]) AS t(id)`, [
      odd,
    ]);
    const writer = new ObservationWriter(db.sql);
    expect(await writer.write(odd.map((id, i) => frame(id, 1, { heart_rate: 60 + i })))).toEqual({ accepted: 4, duplicates: 0 });
    const rows = await db.sql.query<{ device_id: string; value: number }>(
      `SELECT device_id, value FROM observations WHERE device_id = ANY($1::text[]) ORDER BY value`,
      [odd],
    );
    expect(rows.map((r) => r.device_id)).toEqual(odd);
    const seen = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM devices WHERE id = ANY($1::text[]) AND last_seen_at IS NOT NULL`,
      [odd],
    );
    expect(seen[0]!.n).toBe(4);
  });

  it("stores implausible values flagged as artifacts", async () => {
    const writer = new ObservationWriter(db.sql);
    await writer.write([{ ...frame("dev-a", 300, { heart_rate: 350, spo2: 97 }), artifacts: ["heart_rate"] }]);
    const rows = await db.sql.query<{ code: string; artifact: boolean }>(
      `SELECT code, artifact FROM observations WHERE device_id='dev-a' AND seq=300 ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: "heart_rate", artifact: true },
      { code: "spo2", artifact: false },
    ]);
  });

  it("keeps frames buffered while the database is unreachable, refuses beyond the bound, and drains when it returns", async () => {
    let down = true;
    let attempts = 0;
    const flaky = {
      ...db.sql,
      query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
        if (!down) return db.sql.query<T>(text, params);
        attempts++;
        return Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
      },
    };
    const logs: string[] = [];
    const writer = new ObservationWriter(flaky, {
      maxDelayMs: 1,
      maxPendingFrames: 4,
      retryDelayMs: 5,
      maxRetryDelayMs: 20,
      log: (m) => logs.push(m),
    });
    let settled = false;
    const first = writer.write([frame("dev-b", 400, { temp: 37 }), frame("dev-b", 401, { temp: 37.1 })]).finally(() => (settled = true));
    const second = writer.write([frame("dev-b", 402, { temp: 37.2 })]);
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false); // nobody is acknowledged while the database is down
    expect(attempts).toBeGreaterThan(2);
    expect(writer.pendingFrames).toBe(3);
    expect(writer.stats().failingSince).not.toBeNull();
    await expect(writer.write([frame("dev-b", 403, { temp: 1 }), frame("dev-b", 404, { temp: 1 })])).rejects.toBeInstanceOf(
      IngestBusyError,
    );
    down = false;
    await expect(first).resolves.toEqual({ accepted: 2, duplicates: 0 });
    await expect(second).resolves.toEqual({ accepted: 1, duplicates: 0 });
    await writer.drain();
    expect(writer.stats()).toMatchObject({ pendingFrames: 0, failingSince: null });
    expect(logs.some((l) => l.includes("retrying"))).toBe(true);
    expect(logs.some((l) => l.includes("resumed"))).toBe(true);
    const stored = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM device_frames WHERE device_id='dev-b' AND seq BETWEEN 400 AND 404`,
    );
    expect(stored[0]?.n).toBe(3);
  });

  it("counts frames whose commit answer was lost as duplicates on the retry, and stores them once", async () => {
    let lose = true;
    const lossy = {
      ...db.sql,
      query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
        const rows = await db.sql.query<T>(text, params);
        if (lose) {
          lose = false;
          throw Object.assign(new Error("Connection terminated unexpectedly"), {});
        }
        return rows;
      },
    };
    const writer = new ObservationWriter(lossy, { retryDelayMs: 1, log: () => undefined });
    expect(await writer.write([frame("dev-b", 500, { temp: 36.5 })])).toEqual({ accepted: 0, duplicates: 1 });
    const stored = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE device_id='dev-b' AND seq=500`);
    expect(stored[0]?.n).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { MAX_QUARANTINE_PAYLOAD_BYTES, quarantinePayload, RejectionLog } from "./rejection-log";

describe("quarantine payloads", () => {
  it("keeps small payloads whole and notes nothing", () => {
    expect(quarantinePayload('{"seq":1}')).toEqual({ text: '{"seq":1}', note: null });
  });
  it("keeps the first 64 KiB of a large payload and notes the truncation", () => {
    const r = quarantinePayload(Buffer.alloc(100_000, "a"));
    expect(r.text.length).toBe(MAX_QUARANTINE_PAYLOAD_BYTES);
    expect(r.note).toBe(`[payload truncated: 100000 bytes, first ${MAX_QUARANTINE_PAYLOAD_BYTES} kept]`);
  });
  it("escapes NUL bytes, which PostgreSQL text cannot hold", () => {
    expect(quarantinePayload(Buffer.from([0x41, 0x00, 0x42])).text).toBe("A\\u0000B");
  });
  it("notes a body that was refused before it was read", () => {
    expect(quarantinePayload(null, 5_000_000)).toEqual({ text: "", note: "[payload of 5000000 bytes not kept]" });
  });
});

describe.each(testDatabaseKinds)("RejectionLog on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.destroy());

  const rows = () =>
    db.sql.query<{ device_id: string | null; transport: string; topic: string | null; reason: string; payload: string }>(
      `SELECT device_id, transport, topic, reason, payload FROM ingest_rejections ORDER BY id`,
    );

  it("queues without waiting and writes in one batch", async () => {
    const log = new RejectionLog(db.sql, { flushMs: 20 });
    log.record({
      deviceId: "dev-1",
      transport: "mqtt",
      topic: "devices/dev-1/telemetry",
      reason: "body: is not valid JSON",
      payload: Buffer.from("{oops"),
    });
    log.record({
      deviceId: "dev-2",
      transport: "http",
      topic: null,
      reason: "frame.values.spo2: 140 is above the maximum 100 %",
      payload: '{"seq":1}',
    });
    expect(log.stats().queued).toBe(2);
    await log.drain();
    expect(log.stats()).toEqual({ queued: 0, written: 2, dropped: 0, failing: false });
    expect(await rows()).toEqual([
      { device_id: "dev-1", transport: "mqtt", topic: "devices/dev-1/telemetry", reason: "body: is not valid JSON", payload: "{oops" },
      {
        device_id: "dev-2",
        transport: "http",
        topic: null,
        reason: "frame.values.spo2: 140 is above the maximum 100 %",
        payload: '{"seq":1}',
      },
    ]);
  });

  it("keeps rejections while the database is down and writes them when it returns", async () => {
    let down = true;
    const flaky = {
      ...db.sql,
      query: <T extends Record<string, unknown>>(t: string, p?: unknown[]) =>
        down ? Promise.reject(new Error("ECONNREFUSED")) : db.sql.query<T>(t, p),
    };
    const logs: string[] = [];
    const log = new RejectionLog(flaky, { flushMs: 5, log: (m) => logs.push(m) });
    log.record({ deviceId: "dev-3", transport: "mqtt", topic: null, reason: "x", payload: "y" });
    await log.drain();
    expect(log.stats()).toMatchObject({ queued: 1, failing: true });
    down = false;
    await log.drain();
    expect(log.stats()).toMatchObject({ queued: 0, written: 1, failing: false });
    expect(logs.join("\n")).toMatch(/quarantine write failed[\s\S]*resumed/);
  });

  it("is bounded: beyond its queue it counts and logs what it could not keep", async () => {
    const logs: string[] = [];
    const log = new RejectionLog(
      { ...db.sql, query: () => Promise.reject(new Error("down")) },
      { maxQueued: 2, flushMs: 10_000, log: (m) => logs.push(m) },
    );
    for (let i = 0; i < 5; i++) log.record({ deviceId: "dev-4", transport: "mqtt", topic: null, reason: "r", payload: "p" });
    expect(log.stats()).toMatchObject({ queued: 2, dropped: 3 });
    expect(logs[0]).toContain("quarantine queue full");
  });
});

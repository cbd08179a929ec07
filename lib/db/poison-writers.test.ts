// Regression tests for issue 11 item 1: a poison row (here: text PostgreSQL cannot hold, a NUL) never
// blocks a batched writer. Each writer stores the rows around it, quarantines the refused row in
// poison_rows (or its own quarantine) and goes on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { RejectionLog } from "@/lib/ingest/rejection-log";
import { ObservationWriter, PoisonFramesError, type PendingFrame } from "@/lib/store/observation-writer";
import { News2Writer } from "@/lib/alerts/news2-writer";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { finding } from "@/lib/alerts/rule-types";
import { ConnectivityMonitor } from "@/lib/devices/connectivity-monitor";
import { ExcursionLog } from "@/lib/environment/excursion-log";
import { storableText, writeIsolatingPoison } from "./poison-rows";

const NUL = "\u0000";

describe("storableText", () => {
  it("escapes NUL and unpaired surrogates, keeps everything else", () => {
    expect(storableText(`a${NUL}b`)).toBe("a\\u0000b");
    expect(storableText("x\uD83Dy")).toBe("x\\uD83Dy");
    expect(storableText("ok 😀 \u00ff")).toBe("ok 😀 \u00ff");
  });
});

describe("writeIsolatingPoison", () => {
  it("writes good rows, reports the poisoned one, and defers the rest when the database goes away", async () => {
    const stored: number[] = [];
    let down = false;
    const r = await writeIsolatingPoison([1, 2, 3, 4], async (rows) => {
      if (down) throw Object.assign(new Error("connection terminated"), { code: "57P01" });
      if (rows.includes(2)) throw Object.assign(new Error("invalid byte sequence"), { code: "22021" });
      if (rows.includes(3)) down = true;
      if (down) throw Object.assign(new Error("connection terminated"), { code: "57P01" });
      stored.push(...rows);
    });
    expect(stored).toEqual([1]);
    expect(r.poisoned).toEqual([{ row: 2, error: "invalid byte sequence" }]);
    expect(r.deferred).toEqual([3, 4]);
  });
});

describe.each(testDatabaseKinds)("every batched writer isolates a poison row on %s", (kind) => {
  let db: TestDatabase;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 2);
    await db.sql.query(
      `INSERT INTO devices (id, type, secret_hash) VALUES ('dev-ok', 'bedside_monitor', 'x'), ('dev-2', 'bedside_monitor', 'x'), ('fridge-1', 'env_sensor', 'x')`,
    );
  });
  afterAll(async () => db?.destroy());

  const poisonRows = async (writer: string) =>
    db.sql.query<{ row: string; error: string }>(`SELECT row, error FROM poison_rows WHERE writer = $1 ORDER BY id`, [writer]);

  it("quarantine: NUL in every text column (reason included) is escaped, and a refused row does not block the others", async () => {
    const logs: string[] = [];
    const log = new RejectionLog(db.sql, { flushMs: 5, log: (m) => logs.push(m) });
    log.record({
      deviceId: `dev${NUL}1`,
      transport: "mqtt",
      topic: `devices/x${NUL}/telemetry`,
      reason: `body: is not valid JSON (Unexpected token '${NUL}', "${NUL}\uFFFD\u0001\uFFFD{" is not valid JSON)`,
      payload: Buffer.from([0x00, 0xff, 0x01, 0xfe, 0x7b]),
    });
    log.record({ deviceId: "dev-ok", transport: "mqtt", topic: null, reason: "later", payload: "{}" });
    await log.drain();
    expect(log.stats()).toMatchObject({ queued: 0, written: 2, failing: false });
    const rows = await db.sql.query<{ device_id: string; topic: string; reason: string; payload: string }>(
      `SELECT device_id, topic, reason, payload FROM ingest_rejections ORDER BY id`,
    );
    expect(rows[0]).toMatchObject({ device_id: "dev\\u00001", topic: "devices/x\\u0000/telemetry", payload: "\\u0000\uFFFD\u0001\uFFFD{" });
    expect(rows[0]!.reason).toContain("Unexpected token '\\u0000'");
    expect(rows[1]).toMatchObject({ device_id: "dev-ok", reason: "later" });

    // A row the database still refuses (here a constraint) goes to poison_rows; the rows around it are stored.
    await db.sql.exec(`ALTER TABLE ingest_rejections ADD CONSTRAINT test_poison CHECK (reason <> 'poison')`);
    try {
      for (const reason of ["before", "poison", "after"])
        log.record({ deviceId: "dev-ok", transport: "http", topic: null, reason, payload: "" });
      await log.drain();
      expect(log.stats()).toMatchObject({ queued: 0, failing: false });
      const reasons = await db.sql.query<{ reason: string }>(`SELECT reason FROM ingest_rejections WHERE transport = 'http' ORDER BY id`);
      expect(reasons.map((r) => r.reason)).toEqual(["before", "after"]);
      expect((await poisonRows("ingest quarantine")).map((r) => JSON.parse(r.row).reason)).toEqual(["poison"]);
    } finally {
      await db.sql.exec(`ALTER TABLE ingest_rejections DROP CONSTRAINT test_poison`);
    }
  });

  it("telemetry writer: only the sender whose frames the database refuses is told; the others are stored", async () => {
    const writer = new ObservationWriter(db.sql, { maxDelayMs: 20, retryDelayMs: 1, log: () => undefined });
    const frame = (deviceId: string, seq: number): PendingFrame => ({
      deviceId,
      patientId: null,
      seq,
      ts: Date.now(),
      values: { heart_rate: 70 },
    });
    const [good, bad, after] = await Promise.allSettled([
      writer.write([frame("dev-ok", 1)]),
      writer.write([frame(`dev${NUL}bad`, 1)]),
      writer.write([frame("dev-2", 1)]),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: { accepted: 1, duplicates: 0 } });
    expect(after).toEqual({ status: "fulfilled", value: { accepted: 1, duplicates: 0 } });
    expect(bad.status).toBe("rejected");
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(PoisonFramesError);
    const n = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id IN ('dev-ok', 'dev-2')`);
    expect(n[0]!.n).toBe(2);
    expect(writer.pendingFrames).toBe(0);
  });

  it("NEWS2 rows: a refused row is quarantined and the rows beside it are stored", async () => {
    const writer = new News2Writer(db.sql, { flushMs: 10_000 });
    const at = Date.parse("2026-12-03T10:00:00Z");
    writer.add({ patientId: ward.patients[0]!.id, at, total: 3, components: {} });
    writer.add({ patientId: `p${NUL}x`, at, total: 4, components: {} });
    writer.add({ patientId: ward.patients[1]!.id, at, total: 5, components: {} });
    await writer.close();
    const rows = await db.sql.query<{ value: number }>(`SELECT value FROM observations WHERE code = 'news2' ORDER BY value`);
    expect(rows.map((r) => r.value)).toEqual([3, 5]);
    expect(await poisonRows("news2")).toHaveLength(1);
  });

  it("connectivity: a refused status change is quarantined and the other devices' changes are stored", async () => {
    const m = new ConnectivityMonitor({ sql: db.sql, confirmWithDatabase: false, log: () => undefined });
    m.noteActivity({ id: "dev-ok", type: "bedside_monitor", patientId: null, wardId: null }, 80);
    m.noteActivity({ id: `dev${NUL}bad`, type: "bedside_monitor", patientId: null, wardId: null }, 50);
    m.noteActivity({ id: "dev-2", type: "bedside_monitor", patientId: null, wardId: null });
    await m.flush();
    const rows = await db.sql.query<{ id: string; connectivity: string; battery_level: number | null }>(
      `SELECT id, connectivity::text AS connectivity, battery_level FROM devices WHERE id IN ('dev-ok', 'dev-2') ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "dev-2", connectivity: "online", battery_level: null },
      { id: "dev-ok", connectivity: "online", battery_level: 80 },
    ]);
    expect(await poisonRows("connectivity")).toHaveLength(2); // its status and its battery
    await m.flush(); // nothing left to retry
    expect(await poisonRows("connectivity")).toHaveLength(2);
  });

  it("alert writer: an alarm the database refuses is quarantined instead of retried forever", async () => {
    const writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: () => Date.now(),
      escalationMs: { high: 60_000, medium: 60_000, low: 60_000, technical: 60_000 },
      retryBaseMs: 1,
    });
    const alarm = (message: string, patientId: string) =>
      finding("violated", Date.now(), 0, {
        rule: "spo2.low",
        priority: "high",
        message,
        value: 88,
        patientId,
        wardId: ward.ward.id,
        deviceId: null,
      });
    writer.raise(alarm(`SpO₂ low ${NUL}`, ward.patients[0]!.id));
    writer.raise(alarm("SpO₂ low: 88 %", ward.patients[1]!.id));
    await writer.drain();
    const alerts = await db.sql.query<{ patient_id: string }>(`SELECT patient_id FROM alerts`);
    expect(alerts.map((a) => a.patient_id)).toEqual([ward.patients[1]!.id]);
    const poisoned = await poisonRows("alerts");
    expect(poisoned).toHaveLength(1);
    expect(JSON.parse(poisoned[0]!.row)).toMatchObject({ key: `spo2.low:${ward.patients[0]!.id}` });
  });

  it("environment log: a refused row is quarantined and the device's later rows are stored", async () => {
    const log = new ExcursionLog(db.sql, { retryBaseMs: 1 });
    const record = (location: string, startT: number) =>
      log.record({
        info: { deviceId: "fridge-1", profile: "vaccine_fridge", location, wardId: null },
        event: { type: "data-gap", t: startT, gap: { startT, endT: null, durationMs: 0, ongoing: true } },
      });
    record(`Pharmacy${NUL}`, Date.parse("2026-12-03T08:00:00Z"));
    record("Pharmacy", Date.parse("2026-12-03T09:00:00Z"));
    await log.drain();
    const rows = await db.sql.query<{ location: string }>(`SELECT location FROM environment_excursions WHERE device_id = 'fridge-1'`);
    expect(rows).toEqual([{ location: "Pharmacy" }]);
    expect(await poisonRows("environment")).toHaveLength(1);
  });
});

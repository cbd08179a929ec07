import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { eventBus } from "@/lib/bus/event-bus";
import type { DeviceStatusEvent } from "@/lib/events";
import { ConnectivityMonitor, noteDeviceActivity, runningConnectivityMonitor, startConnectivityMonitor } from "./connectivity-monitor";

describe("connectivity monitor", () => {
  let db: TestDatabase;
  let t = Date.now();
  const now = () => t;
  const events: DeviceStatusEvent[] = [];
  let off: () => void;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(
      `INSERT INTO devices (id, type, secret_hash) SELECT id, type, 'x' FROM unnest($1::text[], $2::text[]) AS d(id, type)`,
      [
        ["mon-1", "cgm-1", "mon-2", "mon-3", "mon-4"],
        ["bedside_monitor", "cgm", "bedside_monitor", "bedside_monitor", "bedside_monitor"],
      ],
    );
    off = eventBus().subscribe("device:status", (e) => events.push(e));
  });
  afterAll(async () => {
    off();
    await db?.destroy();
  });

  const state = async (id: string) =>
    (
      await db.sql.query<{ connectivity: string; connectivity_at: Date | null; battery_level: number | null }>(
        `SELECT connectivity, connectivity_at, battery_level FROM devices WHERE id = $1`,
        [id],
      )
    )[0]!;
  const mon = { id: "mon-1", type: "bedside_monitor", patientId: "pat-1", wardId: "ward-1" };

  it("brings a device online on its first frame and takes it offline after its type's timeout", async () => {
    const m = new ConnectivityMonitor({ sql: db.sql, now });
    events.length = 0;
    m.noteActivity(mon, 87);
    m.noteActivity(mon);
    expect(events).toEqual([{ deviceId: "mon-1", patientId: "pat-1", wardId: "ward-1", status: "online", at: t }]);
    await m.flush();
    expect(await state("mon-1")).toMatchObject({ connectivity: "online", battery_level: 87 });

    t += 29_000;
    await m.sweep();
    expect(events).toHaveLength(1);
    t += 2_000; // 31 s of silence for a bedside monitor (30 s)
    await m.sweep();
    expect(events[1]).toMatchObject({ deviceId: "mon-1", status: "offline" });
    await m.flush();
    expect(await state("mon-1")).toMatchObject({ connectivity: "offline" });
    expect(m.isOnline("mon-1")).toBe(false);

    m.noteActivity(mon);
    expect(events[2]).toMatchObject({ status: "online" });
    await m.flush();
    expect((await state("mon-1")).connectivity).toBe("online");
  });

  it("uses each type's own timeout", async () => {
    const m = new ConnectivityMonitor({ sql: db.sql, now });
    m.noteActivity({ id: "cgm-1", type: "cgm", patientId: null, wardId: null });
    t += 5 * 60_000;
    await m.sweep();
    expect(m.isOnline("cgm-1")).toBe(true);
    t += 11 * 60_000;
    await m.sweep();
    expect(m.isOnline("cgm-1")).toBe(false);
  });

  it("keeps a device online that another app node saw (devices.last_seen_at)", async () => {
    const m = new ConnectivityMonitor({ sql: db.sql, now });
    m.noteActivity({ ...mon, id: "mon-2" });
    t += 40_000;
    await db.sql.query(`UPDATE devices SET last_seen_at = $1 WHERE id = 'mon-2'`, [new Date(t - 1000).toISOString()]);
    await m.sweep();
    expect(m.isOnline("mon-2")).toBe(true);
  });

  it("gives devices that were online before a restart a full timeout of grace", async () => {
    await db.sql.query(`UPDATE devices SET connectivity = 'online' WHERE id = 'mon-3'`);
    const m = new ConnectivityMonitor({ sql: db.sql, now, confirmWithDatabase: false });
    await m.load();
    expect(m.isOnline("mon-3")).toBe(true);
    t += 20_000;
    await m.sweep();
    expect(m.isOnline("mon-3")).toBe(true);
    t += 11_000;
    await m.sweep();
    expect(m.isOnline("mon-3")).toBe(false);
  });

  it("forgets a revoked device instead of reporting it offline", async () => {
    const m = new ConnectivityMonitor({ sql: db.sql, now });
    m.start();
    m.noteActivity({ ...mon, id: "mon-4" });
    eventBus().publish("device:changed", { deviceId: "mon-4", change: "revoked" });
    expect(m.isOnline("mon-4")).toBeNull();
    await m.stop();
  });

  it("sweeps 10,000 devices in one pass and persists their changes in one statement", async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `wear-${i}`);
    await db.sql.query(`INSERT INTO devices (id, type, secret_hash) SELECT id, 'wearable', 'x' FROM unnest($1::text[]) AS d(id)`, [ids]);
    let statements = 0;
    const counting = {
      ...db.sql,
      query: <T extends Record<string, unknown>>(text: string, p?: unknown[]) => (statements++, db.sql.query<T>(text, p)),
    };
    const m = new ConnectivityMonitor({ sql: counting, now, confirmWithDatabase: false });
    for (const id of ids) m.noteActivity({ id, type: "wearable", patientId: null, wardId: null });
    t += 60_000;
    await m.sweep();
    t += 61_000;
    await m.sweep();
    await m.flush();
    expect(statements).toBe(1);
    const offline = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM devices WHERE type = 'wearable' AND connectivity = 'offline'`,
    );
    expect(offline[0]!.n).toBe(10_000);
  });

  it("is reached by ingest through noteDeviceActivity once started, and stops cleanly", async () => {
    const stop = await startConnectivityMonitor({ sql: db.sql, now, intervalMs: 10 });
    noteDeviceActivity({ ...mon, id: "mon-2" }, 55);
    expect(runningConnectivityMonitor()?.isOnline("mon-2")).toBe(true);
    await stop();
    expect(runningConnectivityMonitor()).toBeNull();
    expect((await state("mon-2")).battery_level).toBe(55);
  });
});

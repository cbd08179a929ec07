// Connectivity state of devices: a device silent for longer than its type's inactivity timeout
// (lib/domain/device-types.ts) becomes offline, a technical INOP condition; its next frame brings it
// back online. Each change is published on the bus ("device:status") at once and persisted to
// devices.connectivity / connectivity_at in batches, with the battery level from `battery` values.
//
// Efficient for many devices: ingest only stamps an in-memory map (noteDeviceActivity); one timer
// sweeps it every second. Before a device is declared offline its devices.last_seen_at is checked, so
// frames committed by another app node (shared subscription) keep it online. At start the devices that
// were online get a full timeout of grace, so a restart does not raise a storm of INOPs.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { getDatabase } from "@/lib/db/database";
import type { Sql } from "@/lib/db/sql";
import { quarantinePoisonRows, writeIsolatingPoison } from "@/lib/db/poison-rows";
import { inactivityTimeoutMs } from "@/lib/domain/device-types";
import { processSingleton } from "@/lib/process-singleton";
import { deviceDirectory } from "./device-directory";

export type ActiveDevice = { id: string; type: string; patientId: string | null; wardId: string | null };

type Tracked = ActiveDevice & { lastSeen: number; online: boolean };

export type ConnectivityMonitorOptions = {
  sql: Sql;
  /** Sweep and flush interval (ms), default 1000. */
  intervalMs?: number;
  now?: () => number;
  timeoutFor?: (type: string) => number;
  /** Check devices.last_seen_at before declaring a device offline (default true). */
  confirmWithDatabase?: boolean;
  log?: (msg: string) => void;
};

const LOAD_SQL = `
SELECT d.id, d.type, d.patient_id, b.ward_id
  FROM devices d
  LEFT JOIN patients p ON p.id = d.patient_id
  LEFT JOIN beds b ON b.id = p.bed_id
 WHERE d.status = 'active' AND d.connectivity = 'online'`;

export class ConnectivityMonitor {
  private readonly devices = new Map<string, Tracked>();
  private readonly pendingStatus = new Map<string, { online: boolean; at: number }>();
  private readonly pendingBattery = new Map<string, number>();
  private readonly lastBattery = new Map<string, number>();
  private readonly now: () => number;
  private readonly timeoutFor: (type: string) => number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private offChanged: (() => void) | null = null;

  constructor(private readonly opts: ConnectivityMonitorOptions) {
    this.now = opts.now ?? Date.now;
    this.timeoutFor = opts.timeoutFor ?? inactivityTimeoutMs;
  }

  /** Devices online before a restart get a full timeout of grace from now. */
  async load(): Promise<void> {
    const rows = await this.opts.sql.query<{ id: string; type: string; patient_id: string | null; ward_id: string | null }>(LOAD_SQL);
    const now = this.now();
    for (const r of rows) {
      if (!this.devices.has(r.id))
        this.devices.set(r.id, { id: r.id, type: r.type, patientId: r.patient_id, wardId: r.ward_id, lastSeen: now, online: true });
    }
  }

  /** Called by ingest for every frame a device sends (cheap: a map update). */
  noteActivity(device: ActiveDevice, battery?: number): void {
    const now = this.now();
    let t = this.devices.get(device.id);
    if (!t) {
      t = { ...device, lastSeen: now, online: false };
      this.devices.set(device.id, t);
    } else {
      t.lastSeen = now;
      t.patientId = device.patientId;
      t.wardId = device.wardId;
    }
    if (!t.online) this.change(t, true, now);
    if (battery !== undefined && this.lastBattery.get(device.id) !== battery) {
      this.lastBattery.set(device.id, battery);
      this.pendingBattery.set(device.id, battery);
    }
  }

  isOnline(deviceId: string): boolean | null {
    const t = this.devices.get(deviceId);
    return t ? t.online : null;
  }

  /** Marks devices silent beyond their timeout offline. */
  async sweep(): Promise<void> {
    const now = this.now();
    const candidates: Tracked[] = [];
    for (const t of this.devices.values()) {
      if (t.online && now - t.lastSeen > this.timeoutFor(t.type)) candidates.push(t);
    }
    if (candidates.length === 0) return;
    if (this.opts.confirmWithDatabase !== false) await this.refreshFromDatabase(candidates);
    const at = this.now();
    for (const t of candidates) {
      if (t.online && at - t.lastSeen > this.timeoutFor(t.type)) this.change(t, false, at);
    }
  }

  /** Persists pending status and battery changes; kept for the next try if the database is unavailable.
   *  A change the database refuses is isolated (row by row) and quarantined in poison_rows. */
  async flush(): Promise<void> {
    const { sql } = this.opts;
    const log = this.opts.log ?? ((m: string) => console.error(m));
    if (this.pendingStatus.size > 0) {
      const entries = [...this.pendingStatus];
      this.pendingStatus.clear();
      const r = await writeIsolatingPoison(entries, async (rows) => {
        await sql.query(
          `UPDATE devices d SET connectivity = u.c::"Connectivity", connectivity_at = u.at
             FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(id, c, at)
            WHERE d.id = u.id AND (d.connectivity_at IS NULL OR d.connectivity_at <= u.at)`,
          [
            rows.map(([id]) => id),
            rows.map(([, s]) => (s.online ? "online" : "offline")),
            rows.map(([, s]) => new Date(s.at).toISOString()),
          ],
        );
      });
      await quarantinePoisonRows(sql, "connectivity", r.poisoned, log);
      for (const [id, s] of r.deferred) if (!this.pendingStatus.has(id)) this.pendingStatus.set(id, s);
      if (r.deferred.length > 0)
        this.opts.log?.(
          `[connectivity] could not persist ${r.deferred.length} status changes (${(r.deferError as Error).message}); will retry`,
        );
    }
    if (this.pendingBattery.size > 0) {
      const entries = [...this.pendingBattery];
      this.pendingBattery.clear();
      const r = await writeIsolatingPoison(entries, async (rows) => {
        await sql.query(`UPDATE devices d SET battery_level = u.b FROM unnest($1::text[], $2::float8[]) AS u(id, b) WHERE d.id = u.id`, [
          rows.map(([id]) => id),
          rows.map(([, b]) => b),
        ]);
      });
      await quarantinePoisonRows(sql, "connectivity", r.poisoned, log);
      for (const [id, b] of r.deferred) if (!this.pendingBattery.has(id)) this.pendingBattery.set(id, b);
    }
  }

  start(): void {
    if (this.timer) return;
    this.offChanged = eventBus().subscribe("device:changed", ({ deviceId, change }) => {
      if (change === "revoked") {
        this.devices.delete(deviceId);
        this.pendingStatus.delete(deviceId);
      } else if (change === "assigned") {
        void this.refreshPlacement(deviceId);
      }
    });
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.offChanged?.();
    this.offChanged = null;
    if (this.ticking) await this.ticking;
    await this.flush();
  }

  private tick(): Promise<void> {
    this.ticking ??= (async () => {
      try {
        await this.sweep();
        await this.flush();
      } catch (err) {
        this.opts.log?.(`[connectivity] sweep failed: ${(err as Error).message}`);
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  private change(t: Tracked, online: boolean, at: number): void {
    t.online = online;
    this.pendingStatus.set(t.id, { online, at });
    eventBus().publish("device:status", {
      deviceId: t.id,
      patientId: t.patientId,
      wardId: t.wardId,
      status: online ? "online" : "offline",
      at,
    });
  }

  private async refreshFromDatabase(candidates: Tracked[]): Promise<void> {
    try {
      const rows = await this.opts.sql.query<{ id: string; seen: number | null }>(
        `SELECT id, (extract(epoch FROM last_seen_at) * 1000)::float8 AS seen FROM devices WHERE id = ANY($1::text[])`,
        [candidates.map((c) => c.id)],
      );
      const seen = new Map(rows.map((r) => [r.id, r.seen === null ? null : Number(r.seen)]));
      for (const t of candidates) {
        const s = seen.get(t.id);
        if (s !== undefined && s !== null && s > t.lastSeen) t.lastSeen = s;
      }
    } catch {
      // The database is unreachable: decide on what this node saw.
    }
  }

  private async refreshPlacement(deviceId: string): Promise<void> {
    const t = this.devices.get(deviceId);
    if (!t) return;
    const record = await (await deviceDirectory()).get(deviceId).catch(() => null);
    if (record) {
      t.patientId = record.patientId;
      t.wardId = record.wardId;
    }
  }
}

const RUNNING = "connectivityMonitor";
type Slot = { monitor: ConnectivityMonitor | null };
let slotCache: Slot | undefined; // the process-wide slot, looked up once (ingest calls this per frame)
const running = (): Slot => (slotCache ??= processSingleton<Slot>(RUNNING, () => ({ monitor: null })));

/** Ingest's hook: stamps the device as active in the running monitor (a no-op when none runs). */
export function noteDeviceActivity(device: ActiveDevice, battery?: number): void {
  running().monitor?.noteActivity(device, battery);
}

export function runningConnectivityMonitor(): ConnectivityMonitor | null {
  return running().monitor;
}

/** Starts the process's monitor on the app database; returns the function that stops it (and flushes). */
export async function startConnectivityMonitor(opts: Partial<ConnectivityMonitorOptions> = {}): Promise<() => Promise<void>> {
  const slot = running();
  if (slot.monitor) await slot.monitor.stop();
  const sql = opts.sql ?? (await getDatabase()).sql;
  const monitor = new ConnectivityMonitor({ log: (m) => console.warn(m), ...opts, sql });
  await monitor.load();
  monitor.start();
  slot.monitor = monitor;
  return async () => {
    if (slot.monitor === monitor) slot.monitor = null;
    await monitor.stop();
  };
}

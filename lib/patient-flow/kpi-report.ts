// The KPIs the product names, where the data exists: 30-day readmission rate, average length of stay, bed
// occupancy, alarm burden (alarms per occupied bed-day, by priority), time to acknowledge alarms (p50/p90)
// and device uptime. Each is a Kpi: value, numerator, denominator, unit, definition and the rows behind it.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import {
  ALARM_PRIORITIES,
  alarmBurden,
  averageLengthOfStay,
  bedOccupancy,
  deviceUptime,
  occupiedBedHours,
  readmissionRate,
  timeToAcknowledge,
  type AlarmPriority,
  type DeviceOnline,
  type Kpi,
  type Percentiles,
} from "@/lib/adt";
import { loadEncounterHistories, loadWards, wardBedsOf } from "./load-histories";

export type RowKind = "encounter" | "alert" | "device";
export type KpiEntry = {
  key: string;
  label: string;
  kpi: Kpi<number | null | Percentiles>;
  rowKinds: { numerator: RowKind; denominator: RowKind };
};
export type KpiReport = { from: string; to: string; wardId: string | null; kpis: KpiEntry[] };

const DAY_MS = 86_400_000;
const ENC = { numerator: "encounter", denominator: "encounter" } as const;
const ALERT = { numerator: "alert", denominator: "alert" } as const;
const BURDEN = { numerator: "alert", denominator: "encounter" } as const;
const DEVICE = { numerator: "device", denominator: "device" } as const;

async function alarmsIn(wardIds: string[], from: Date, to: Date) {
  const { sql } = await getDatabase();
  return sql.query<{ id: string; priority: AlarmPriority; raised_at: Date | string; acknowledged_at: Date | string | null }>(
    `SELECT id, priority::text AS priority, raised_at, acknowledged_at FROM alerts
      WHERE raised_at >= $1 AND raised_at < $2 AND ward_id = ANY($3::text[]) AND patient_id IS NOT NULL`,
    [from.toISOString(), to.toISOString(), wardIds],
  );
}

/** Devices at the wards' beds or on their patients, online except while a tech.offline alarm was open. */
async function deviceOnline(wardIds: string[], from: Date, to: Date): Promise<DeviceOnline[]> {
  const { sql } = await getDatabase();
  const devices = await sql.query<{ id: string; created_at: Date | string; revoked_at: Date | string | null }>(
    `SELECT d.id, d.created_at, d.revoked_at FROM devices d
       LEFT JOIN beds b ON b.id = d.bed_id
       LEFT JOIN patients p ON p.id = d.patient_id LEFT JOIN beds pb ON pb.id = p.bed_id
      WHERE d.type = 'bedside_monitor' AND (b.ward_id = ANY($1::text[]) OR pb.ward_id = ANY($1::text[]))`,
    [wardIds],
  );
  const offline = await sql.query<{ device_id: string; raised_at: Date | string; cleared_at: Date | string | null }>(
    `SELECT a.device_id, a.raised_at,
            COALESCE((SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.id AND e.type = 'condition_cleared'), a.resolved_at) AS cleared_at
       FROM alerts a
      WHERE a.rule = 'tech.offline' AND a.device_id = ANY($1::text[]) AND a.raised_at < $3
        AND (a.resolved_at IS NULL OR a.resolved_at > $2)`,
    [devices.map((d) => d.id), from.toISOString(), to.toISOString()],
  );
  return devices.map((d) => {
    const start = Math.max(from.getTime(), new Date(d.created_at).getTime());
    const end = Math.min(to.getTime(), d.revoked_at ? new Date(d.revoked_at).getTime() : to.getTime());
    const gaps = offline
      .filter((o) => o.device_id === d.id)
      .map((o) => [new Date(o.raised_at).getTime(), o.cleared_at ? new Date(o.cleared_at).getTime() : to.getTime()] as const)
      .sort((a, b) => a[0] - b[0]);
    const online: { from: Date; to: Date }[] = [];
    let cursor = start;
    for (const [a, b] of gaps) {
      if (a > cursor) online.push({ from: new Date(cursor), to: new Date(Math.min(a, end)) });
      cursor = Math.max(cursor, b);
    }
    if (cursor < end) online.push({ from: new Date(cursor), to: new Date(end) });
    return {
      deviceId: d.id,
      online: online.filter((o) => o.to > o.from),
      inService: { from: new Date(start), to: new Date(Math.max(start, end)) },
    };
  });
}

export async function buildKpiReport(opts: { wardIds: string[] | null; from: Date; to: Date; now?: Date }): Promise<KpiReport> {
  const now = opts.now ?? new Date();
  const wards = await loadWards(opts.wardIds);
  const ids = wards.map((w) => w.id);
  const wardId = opts.wardIds?.length === 1 ? opts.wardIds[0]! : undefined;
  const scope = wardId ? { wardId } : {};
  const window = { from: opts.from, to: opts.to };
  const encounters = await loadEncounterHistories(
    new Date(opts.from.getTime() - 31 * DAY_MS),
    new Date(Math.max(now.getTime(), opts.to.getTime())),
  );
  const occupied = occupiedBedHours(encounters, window, wardId);
  const alarms = await alarmsIn(ids, opts.from, opts.to);
  const counts: Partial<Record<AlarmPriority, number>> = {};
  for (const a of alarms) counts[a.priority] = (counts[a.priority] ?? 0) + 1;
  const burden = alarmBurden(counts, occupied.hours / 24);
  const acked = alarms.filter((a) => a.acknowledged_at);
  const tta = timeToAcknowledge(
    acked.map((a) => Math.max(0, new Date(a.acknowledged_at!).getTime() - new Date(a.raised_at).getTime())),
    alarms.length - acked.length,
  );
  tta.rows = { numerator: acked.map((a) => a.id), denominator: alarms.map((a) => a.id) };
  const withAlarmRows = (k: { value: number | null } & Omit<KpiEntry["kpi"], "value">, priority?: AlarmPriority) => ({
    ...k,
    rows: { numerator: alarms.filter((a) => !priority || a.priority === priority).map((a) => a.id), denominator: occupied.encounterIds },
  });
  const uptime = deviceUptime(await deviceOnline(ids, opts.from, opts.to), window);
  const { byDevice: _rows, ...uptimeKpi } = uptime;
  const readmission = readmissionRate(encounters, window, { asOf: now, ...scope });
  const { pendingFollowUp: _pending, ...readmissionKpi } = readmission;
  return {
    from: opts.from.toISOString(),
    to: opts.to.toISOString(),
    wardId: wardId ?? null,
    kpis: [
      { key: "readmission_30d", label: "30-day readmission rate", kpi: readmissionKpi, rowKinds: ENC },
      {
        key: "average_length_of_stay",
        label: "Average length of stay",
        kpi: averageLengthOfStay(encounters, window, scope),
        rowKinds: ENC,
      },
      { key: "bed_occupancy", label: "Bed occupancy", kpi: bedOccupancy(encounters, window, wardBedsOf(wards), scope), rowKinds: ENC },
      { key: "alarm_burden", label: "Alarm burden (all priorities)", kpi: withAlarmRows(burden.total), rowKinds: BURDEN },
      ...ALARM_PRIORITIES.map((p) => ({
        key: `alarm_burden_${p}`,
        label: `Alarm burden (${p})`,
        kpi: withAlarmRows(burden.byPriority[p], p),
        rowKinds: BURDEN,
      })),
      { key: "time_to_acknowledge", label: "Time to acknowledge alarms", kpi: tta, rowKinds: ALERT },
      { key: "device_uptime", label: "Bedside monitor uptime", kpi: uptimeKpi, rowKinds: DEVICE },
    ],
  };
}

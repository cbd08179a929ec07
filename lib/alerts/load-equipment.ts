// Database reads that feed the alarm engine's equipment side: what a watched device is (type, environment
// profile, where it is, its ward: its patient's or bed's, else its own home ward, e.g. a fridge logger's) and, at start, a replay of its recent readings so the maintenance
// detector's learned normal and an ongoing excursion survive a restart. The replay reaches back
// REPLAY_MS, or further to the start of an excursion or gap still open in the compliance log, so the same
// row is continued rather than a second one started. Replayed events rewrite the same log rows (keyed by
// device, kind and start), and open alerts were already marked raised, so nothing is recorded twice.
import "server-only";
import type { EquipmentFrame } from "@/lib/events";
import type { MetricKey } from "@/lib/domain/metrics";
import type { Sql } from "@/lib/db/sql";
import { isEnvironmentProfile } from "@/lib/domain/environment-profiles";
import type { AlarmEngine } from "./alarm-engine";
import type { EquipmentInfo } from "./equipment-watch";

/** The maintenance detector learns a device's normal over 4 h (lib/detectors/predictive-maintenance). */
export const REPLAY_MS = 6 * 3_600_000;
const EQUIPMENT_CODES = ["device_temp", "vibration", "power", "env_temp"] as const satisfies readonly MetricKey[];
type EquipmentRow = { ts: Date | string; seq: string | number; code: (typeof EQUIPMENT_CODES)[number]; value: number };

type InfoRow = { id: string; type: string; environment_profile: string | null; place: string | null; ward_id: string | null };

export async function loadEquipmentInfos(sql: Sql, ids?: string[]): Promise<EquipmentInfo[]> {
  const rows = await sql.query<InfoRow>(
    `SELECT d.id, d.type, d.environment_profile,
            COALESCE(d.location, d.asset_tag, bw.code || '/' || b.label, pw.code || '/' || pb.label) AS place,
            COALESCE(pb.ward_id, b.ward_id, d.ward_id) AS ward_id
       FROM devices d
       LEFT JOIN beds b ON b.id = d.bed_id LEFT JOIN wards bw ON bw.id = b.ward_id
       LEFT JOIN patients p ON p.id = d.patient_id LEFT JOIN beds pb ON pb.id = p.bed_id LEFT JOIN wards pw ON pw.id = pb.ward_id
      WHERE d.status = 'active' AND (d.type = 'infusion_pump' OR d.environment_profile IS NOT NULL)
        ${ids ? "AND d.id = ANY($1::text[])" : ""}`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({
    deviceId: r.id,
    type: r.type,
    profile: r.environment_profile && isEnvironmentProfile(r.environment_profile) ? r.environment_profile : null,
    location: r.place,
    wardId: r.ward_id,
  }));
}

/** Observation rows (one per metric) back into frames, by seq. */
function framesOf(rows: EquipmentRow[]): EquipmentFrame[] {
  const frames: EquipmentFrame[] = [];
  for (const r of rows) {
    const seq = Number(r.seq);
    let last = frames.at(-1);
    if (!last || last.seq !== seq) frames.push((last = { seq, ts: new Date(r.ts).getTime(), values: {} }));
    last.values[r.code] = r.value;
  }
  return frames;
}

export async function warmEquipment(sql: Sql, engine: AlarmEngine, now: number): Promise<void> {
  const infos = await loadEquipmentInfos(sql);
  if (infos.length === 0) return;
  for (const info of infos) engine.equipment.setInfo(info);
  const ids = infos.map((i) => i.deviceId);
  const open = await sql.query<{ device_id: string; since: Date | string }>(
    `SELECT device_id, MIN(started_at) AS since FROM environment_excursions
      WHERE ended_at IS NULL AND device_id = ANY($1::text[]) GROUP BY device_id`,
    [ids],
  );
  const openSince = new Map(open.map((o) => [o.device_id, new Date(o.since).getTime()]));
  // One device at a time: a start-up replay holds one device's hours in memory, never the whole fleet's.
  for (const id of ids) {
    const since = Math.min(now - REPLAY_MS, openSince.get(id) ?? Infinity);
    const rows = await sql.query<EquipmentRow>(
      `SELECT ts, seq, code, value FROM observations
        WHERE device_id = $1 AND code = ANY($2::text[]) AND NOT artifact AND ts >= $3
        ORDER BY ts, seq`,
      [id, EQUIPMENT_CODES, new Date(since).toISOString()],
    );
    engine.equipment.observe({ deviceId: id, frames: framesOf(rows) });
  }
  for (const id of ids) engine.equipment.evaluate(id);
}

// The environment sensors in the caller's scope with their current readings and the last 24 h of temperature:
// what the Environment page shows above the compliance record. A sensor's ward is its home ward (devices.ward_id)
// or, for one at a bed or patient, that bed's ward. Admin and biomed see every sensor; nurses and physicians
// those of their wards; patients none. Not patient data: nothing is audited.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import { ENVIRONMENT_PROFILES, isEnvironmentProfile, type EnvironmentProfile } from "@/lib/domain/environment-profiles";
import { Refusal } from "@/lib/errors/refusal";

export const SENSOR_WINDOW_MS = 24 * 3_600_000;

export type SensorReadings = {
  deviceId: string;
  location: string | null;
  wardCode: string | null;
  roomName: string | null;
  profile: EnvironmentProfile;
  lowC: number;
  highC: number;
  /** Newest humidity (%) and logger battery (%), with their times (ISO), if any. */
  humidity: { v: number; at: string } | null;
  battery: { v: number; at: string } | null;
  /** Temperature readings of the window, oldest first (t epoch ms, v °C). */
  temperature: { t: number; v: number }[];
};

type SensorRow = {
  id: string;
  location: string | null;
  environment_profile: string;
  ward_code: string | null;
  room_name: string | null;
};

export async function listSensorReadings(p: Principal, opts: { now?: number } = {}): Promise<SensorReadings[]> {
  if (p.role === "patient") throw new Refusal("forbidden", "patients may not see environment sensors");
  const now = opts.now ?? Date.now();
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  let scope = "TRUE";
  if (p.role !== "admin" && p.role !== "biomed") {
    params.push(p.wardIds);
    scope = `w.id = ANY($${params.length}::text[])`;
  }
  const sensors = await sql.query<SensorRow>(
    `SELECT d.id, d.location, d.environment_profile, w.code AS ward_code, r.name AS room_name
       FROM devices d
       LEFT JOIN beds b ON b.id = d.bed_id
       LEFT JOIN patients pt ON pt.id = d.patient_id LEFT JOIN beds pb ON pb.id = pt.bed_id
       LEFT JOIN wards w ON w.id = COALESCE(pb.ward_id, b.ward_id, d.ward_id)
       LEFT JOIN map_rooms r ON r.id = d.room_id
      WHERE d.status = 'active' AND d.environment_profile IS NOT NULL AND ${scope}
      ORDER BY w.code NULLS LAST, d.location NULLS LAST, d.id`,
    params,
  );
  if (sensors.length === 0) return [];
  const ids = sensors.map((s) => s.id);
  const from = new Date(now - SENSOR_WINDOW_MS).toISOString();
  const [temps, latest] = await Promise.all([
    sql.query<{ device_id: string; ts: Date | string; value: number }>(
      `SELECT device_id, ts, value FROM observations
        WHERE device_id = ANY($1::text[]) AND code = 'env_temp' AND ts >= $2 AND NOT artifact
        ORDER BY device_id, ts`,
      [ids, from],
    ),
    sql.query<{ device_id: string; code: string; ts: Date | string; value: number }>(
      `SELECT DISTINCT ON (device_id, code) device_id, code, ts, value FROM observations
        WHERE device_id = ANY($1::text[]) AND code IN ('humidity', 'battery') AND ts >= $2
        ORDER BY device_id, code, ts DESC`,
      [ids, from],
    ),
  ]);
  const iso = (t: Date | string) => new Date(t).toISOString();
  return sensors.flatMap((s) => {
    if (!isEnvironmentProfile(s.environment_profile)) return [];
    const { lowC, highC } = ENVIRONMENT_PROFILES[s.environment_profile];
    const newest = (code: string) => {
      const r = latest.find((l) => l.device_id === s.id && l.code === code);
      return r ? { v: r.value, at: iso(r.ts) } : null;
    };
    return [
      {
        deviceId: s.id,
        location: s.location,
        wardCode: s.ward_code,
        roomName: s.room_name,
        profile: s.environment_profile,
        lowC,
        highC,
        humidity: newest("humidity"),
        battery: newest("battery"),
        temperature: temps.filter((t) => t.device_id === s.id).map((t) => ({ t: new Date(t.ts).getTime(), v: t.value })),
      },
    ];
  });
}

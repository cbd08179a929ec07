// The ward dashboard's starting state: every bed, its patient, the latest value of each vital, a heart
// rate sparkline and device status. Live updates then arrive over Socket.IO.
import "server-only";
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { readBirthDate } from "@/lib/crypto/decrypt-results";
import { patientDisplayName } from "@/lib/patients/patient-name";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { WARD_VITALS, type MetricKey } from "@/lib/domain/metrics";
import { sparklinePoints } from "@/lib/charts/sparkline-points";
import { ageOn } from "@/lib/patients/patient-queries";
import type { BedTile, WardSnapshot } from "./ward-types";

const SPARKLINE_MINUTES = 10;
const TILE_CODES: MetricKey[] = [...WARD_VITALS, "consciousness", "o2_supplement"];

type BedRow = {
  ward_id: string;
  ward_code: string;
  ward_name: string;
  bed_id: string | null;
  label: string | null;
  patient_id: string | null;
  mrn: string | null;
  given_name: string | null;
  family_name: string | null;
  birth_date: string | null;
  birth_date_enc: string | null;
  spo2_scale: number | null;
  devices: { id: string; type: string; status: "active" | "revoked"; lastSeenAt: string | null }[] | null;
};

/** The ward, its beds, their patients and the patients' devices in one statement (one row per bed). Names
 *  and the exact birth date are encrypted at rest: decrypt them through lib/crypto before use. */
function readWardBeds(sql: Database["sql"], wardId: string): Promise<BedRow[]> {
  return sql.query<BedRow>(
    `SELECT w.id AS ward_id, w.code AS ward_code, w.name AS ward_name, b.id AS bed_id, b.label,
            p.id AS patient_id, p.mrn, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.birth_date_enc, p.spo2_scale,
            (SELECT json_agg(json_build_object('id', d.id, 'type', d.type, 'status', d.status, 'lastSeenAt', d.last_seen_at) ORDER BY d.id)
               FROM devices d WHERE d.patient_id = p.id) AS devices
       FROM wards w
       LEFT JOIN beds b ON b.ward_id = w.id
       LEFT JOIN patients p ON p.bed_id = b.id
      WHERE w.id = $1`,
    [wardId],
  );
}

export async function loadWardSnapshot(wardId: string): Promise<WardSnapshot | null> {
  const { sql } = await getDatabase();
  const rows = await readWardBeds(sql, wardId);
  const ward = rows[0];
  if (!ward) return null;
  const bedRows = rows.filter((r): r is BedRow & { bed_id: string; label: string } => r.bed_id !== null && r.label !== null);
  const patientIds = bedRows.flatMap((r) => (r.patient_id ? [r.patient_id] : []));

  // Both reads need only the patient ids, so they run side by side. The latest value: one index probe per
  // (patient, code), whatever the table's size.
  const [latestRows, sparkRows] = patientIds.length
    ? await Promise.all([
        sql.query<{ patient_id: string; code: MetricKey; value: number; ts: Date }>(
          `SELECT p.id AS patient_id, c.code, o.value, o.ts
             FROM unnest($1::text[]) AS p(id)
            CROSS JOIN unnest($2::text[]) AS c(code)
            CROSS JOIN LATERAL (
                  SELECT value, ts FROM observations
                   WHERE patient_id = p.id AND code = c.code AND NOT artifact
                   ORDER BY ts DESC LIMIT 1) o`,
          [patientIds, TILE_CODES],
        ),
        sql.query<{ patient_id: string; t: number; v: number }>(
          `SELECT patient_id, (extract(epoch FROM ts) * 1000)::float8 AS t, value AS v
             FROM observations
            WHERE patient_id = ANY($1::text[]) AND code = 'heart_rate' AND NOT artifact AND ts > now() - make_interval(mins => $2)
            ORDER BY ts`,
          [patientIds, SPARKLINE_MINUTES],
        ),
      ])
    : [[], []];

  const latest = new Map<string, BedTile["latest"]>();
  for (const r of latestRows) {
    const m = latest.get(r.patient_id) ?? {};
    m[r.code] = { v: r.value, t: new Date(r.ts).toISOString() };
    latest.set(r.patient_id, m);
  }
  const spark = new Map<string, { t: number; v: number }[]>();
  for (const r of sparkRows) {
    const s = spark.get(r.patient_id) ?? [];
    s.push({ t: Number(r.t), v: r.v });
    spark.set(r.patient_id, s);
  }

  const beds: BedTile[] = bedRows
    .map((r) => ({
      bedId: r.bed_id,
      label: r.label,
      patient: r.patient_id
        ? {
            id: r.patient_id,
            mrn: r.mrn ?? "",
            name: patientDisplayName({ givenName: decryptPhi(r.given_name ?? ""), familyName: decryptPhi(r.family_name ?? "") }),
            age: ageOn(readBirthDate(r.birth_date ?? "", r.birth_date_enc)),
            spo2Scale: r.spo2_scale === 2 ? (2 as const) : (1 as const),
          }
        : null,
      latest: (r.patient_id && latest.get(r.patient_id)) || {},
      sparkline: r.patient_id ? [...sparklinePoints(spark.get(r.patient_id) ?? [])] : [],
      devices: (r.devices ?? []).map((d) => ({ ...d, lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));

  return {
    ward: { id: ward.ward_id, code: ward.ward_code, name: ward.ward_name },
    generatedAt: new Date().toISOString(),
    sparklineMinutes: SPARKLINE_MINUTES,
    beds,
  };
}

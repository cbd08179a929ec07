// The ward dashboard's starting state: every bed, its patient, the latest value of each vital, a heart
// rate sparkline and device status. Live updates then arrive over Socket.IO.
import "server-only";
import { patientDisplayName } from "@/lib/patients/patient-name";
import { getDatabase } from "@/lib/db/database";
import { WARD_VITALS, type MetricKey } from "@/lib/domain/metrics";
import { sparklinePoints } from "@/lib/charts/sparkline-points";
import { ageOn } from "@/lib/patients/patient-queries";
import type { BedTile, WardSnapshot } from "./ward-types";

const SPARKLINE_MINUTES = 10;
const TILE_CODES: MetricKey[] = [...WARD_VITALS, "consciousness", "o2_supplement"];

export async function loadWardSnapshot(wardId: string): Promise<WardSnapshot | null> {
  const { prisma, sql } = await getDatabase();
  const ward = await prisma.ward.findUnique({
    where: { id: wardId },
    select: {
      id: true,
      code: true,
      name: true,
      beds: {
        select: {
          id: true,
          label: true,
          patient: {
            select: {
              id: true,
              mrn: true,
              givenName: true,
              familyName: true,
              birthDate: true,
              birthDateEnc: true,
              spo2Scale: true,
              devices: { select: { id: true, type: true, status: true, lastSeenAt: true } },
            },
          },
        },
      },
    },
  });
  if (!ward) return null;
  const patientIds = ward.beds.flatMap((b) => (b.patient ? [b.patient.id] : []));

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

  const beds: BedTile[] = ward.beds
    .map((b) => ({
      bedId: b.id,
      label: b.label,
      patient: b.patient
        ? {
            id: b.patient.id,
            mrn: b.patient.mrn,
            name: patientDisplayName(b.patient),
            age: ageOn(b.patient.birthDate),
            spo2Scale: b.patient.spo2Scale === 2 ? (2 as const) : (1 as const),
          }
        : null,
      latest: (b.patient && latest.get(b.patient.id)) || {},
      sparkline: b.patient ? [...sparklinePoints(spark.get(b.patient.id) ?? [])] : [],
      devices: (b.patient?.devices ?? []).map((d) => ({ ...d, lastSeenAt: d.lastSeenAt?.toISOString() ?? null })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));

  return {
    ward: { id: ward.id, code: ward.code, name: ward.name },
    generatedAt: new Date().toISOString(),
    sparklineMinutes: SPARKLINE_MINUTES,
    beds,
  };
}

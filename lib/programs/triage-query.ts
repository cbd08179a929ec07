// The triage list of a program: per openly enrolled patient, the aggregates the risk function needs
// (CGM time below range over 14 days, home BP over 7 days, rescue and controller inhaler use) computed by
// the database, plus the paired home devices silent past their expected interval; then assessTriageRisk
// and the sort, sickest first. Days are UTC days here (the portal shows the patient's local days).
import "server-only";
import { DEVICE_TYPES, type DeviceType } from "@/lib/domain/device-types";
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { patientDisplayName } from "@/lib/patients/patient-name";
import type { Query } from "./care-team";
import { assessTriageRisk, sortByRisk, TRIAGE_TARGETS, type TriageMetrics, type TriageRisk } from "./triage-risk";

const DAY_MS = 86_400_000;
export const HOME_DEVICE_TYPES = ["cgm", "bp_cuff", "smart_inhaler"] as const satisfies readonly DeviceType[];

export type TriageRow = {
  patientId: string;
  name: string;
  mrn: string;
  enrolledAt: string;
  metrics: TriageMetrics;
  risk: TriageRisk;
};

type AggregateRow = {
  patient_id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  enrolled_at: Date;
  g_n: number | null;
  g_b70: number | null;
  g_b54: number | null;
  bp_n: number | null;
  avg_sys: number | null;
  avg_dia: number | null;
  max_sys: number | null;
  max_dia: number | null;
  has_inhaler: boolean;
  rescue_this: number | null;
  rescue_last: number | null;
  rescue_days: number | null;
  controller_taken: number | null;
};

const AGGREGATES_SQL = `
  WITH pts AS (
    SELECT patient_id, min(enrolled_at) AS enrolled_at FROM enrolments
     WHERE program_id = $1 AND ended_at IS NULL GROUP BY patient_id
  ), g AS (
    SELECT o.patient_id, count(*)::int AS n,
           (count(*) FILTER (WHERE o.value < 70))::int AS b70, (count(*) FILTER (WHERE o.value < 54))::int AS b54
      FROM observations o
     WHERE o.patient_id IN (SELECT patient_id FROM pts) AND o.code = 'glucose' AND o.ts >= $2 AND o.ts <= $4 AND NOT o.artifact
     GROUP BY o.patient_id
  ), bp AS (
    SELECT o.patient_id, (count(*) FILTER (WHERE o.code = 'bp_sys'))::int AS n,
           avg(o.value) FILTER (WHERE o.code = 'bp_sys') AS avg_sys, avg(o.value) FILTER (WHERE o.code = 'bp_dia') AS avg_dia,
           max(o.value) FILTER (WHERE o.code = 'bp_sys') AS max_sys, max(o.value) FILTER (WHERE o.code = 'bp_dia') AS max_dia
      FROM observations o
     WHERE o.patient_id IN (SELECT patient_id FROM pts) AND o.code IN ('bp_sys', 'bp_dia') AND o.ts >= $3 AND o.ts <= $4 AND NOT o.artifact
     GROUP BY o.patient_id
  ), inh AS (
    SELECT o.patient_id,
           sum(o.value) FILTER (WHERE o.code = 'rescue_puffs' AND o.ts > $3) AS rescue_this,
           sum(o.value) FILTER (WHERE o.code = 'rescue_puffs' AND o.ts <= $3) AS rescue_last,
           (count(DISTINCT date_trunc('day', o.ts AT TIME ZONE 'UTC')) FILTER (WHERE o.code = 'rescue_puffs' AND o.ts > $3))::int AS rescue_days
      FROM observations o
     WHERE o.patient_id IN (SELECT patient_id FROM pts) AND o.code IN ('rescue_puffs', 'controller_puffs')
       AND o.ts > $2 AND o.ts <= $4 AND NOT o.artifact
     GROUP BY o.patient_id
  ), ctl AS (
    SELECT patient_id, sum(least(doses, $6::int))::int AS taken FROM (
      SELECT o.patient_id, date_trunc('day', o.ts AT TIME ZONE 'UTC') AS day, count(*) AS doses
        FROM observations o
       WHERE o.patient_id IN (SELECT patient_id FROM pts) AND o.code = 'controller_puffs'
         AND o.ts >= $5::timestamptz - interval '7 days' AND o.ts < $5::timestamptz AND NOT o.artifact
       GROUP BY o.patient_id, day
    ) d GROUP BY patient_id
  )
  SELECT p.id AS patient_id, p.mrn, p.given_name, p.family_name, pts.enrolled_at,
         g.n AS g_n, g.b70 AS g_b70, g.b54 AS g_b54,
         bp.n AS bp_n, bp.avg_sys, bp.avg_dia, bp.max_sys, bp.max_dia,
         (inh.patient_id IS NOT NULL OR EXISTS (
           SELECT 1 FROM devices d WHERE d.patient_id = p.id AND d.type = 'smart_inhaler' AND d.status = 'active'
         )) AS has_inhaler,
         inh.rescue_this, inh.rescue_last, inh.rescue_days, ctl.taken AS controller_taken
    FROM pts JOIN patients p ON p.id = pts.patient_id
    LEFT JOIN g ON g.patient_id = p.id
    LEFT JOIN bp ON bp.patient_id = p.id
    LEFT JOIN inh ON inh.patient_id = p.id
    LEFT JOIN ctl ON ctl.patient_id = p.id`;

type DeviceRow = { id: string; type: string; patient_id: string; last_seen_at: Date | null; created_at: Date };

/** Paired, active home devices whose silence is longer than their type's expected interval. */
async function findDataGaps(q: Query, patientIds: string[], now: Date): Promise<Map<string, TriageMetrics["gaps"]>> {
  const out = new Map<string, TriageMetrics["gaps"]>();
  if (patientIds.length === 0) return out;
  const rows = await q.query<DeviceRow>(
    `SELECT id, type, patient_id, last_seen_at, created_at FROM devices
      WHERE patient_id = ANY($1::text[]) AND status = 'active' AND type = ANY($2::text[])
      ORDER BY patient_id, id`,
    [patientIds, [...HOME_DEVICE_TYPES]],
  );
  for (const d of rows) {
    const timeout = DEVICE_TYPES[d.type as DeviceType].inactivityTimeoutMs;
    const since = new Date(d.last_seen_at ?? d.created_at).getTime();
    if (now.getTime() - since <= timeout) continue;
    const list = out.get(d.patient_id) ?? [];
    list.push({ deviceId: d.id, type: d.type, lastSeenAt: d.last_seen_at ? new Date(d.last_seen_at).toISOString() : null });
    out.set(d.patient_id, list);
  }
  return out;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function inhalerMetrics(r: AggregateRow): NonNullable<TriageMetrics["inhaler"]> {
  const planned = 7 * TRIAGE_TARGETS.controllerDosesPerDay;
  return {
    rescueThisWeek: num(r.rescue_this) ?? 0,
    rescueLastWeek: num(r.rescue_last) ?? 0,
    rescueDaysThisWeek: r.rescue_days ?? 0,
    controllerAdherencePct: Math.round((1000 * (r.controller_taken ?? 0)) / planned) / 10,
  };
}

export async function loadTriageList(q: Query, programId: string, now = new Date()): Promise<TriageRow[]> {
  const rows = await q.query<AggregateRow>(AGGREGATES_SQL, [
    programId,
    new Date(now.getTime() - 14 * DAY_MS).toISOString(),
    new Date(now.getTime() - 7 * DAY_MS).toISOString(),
    now.toISOString(),
    new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS).toISOString(),
    TRIAGE_TARGETS.controllerDosesPerDay,
  ]);
  const gaps = await findDataGaps(
    q,
    rows.map((r) => r.patient_id),
    now,
  );
  const list = rows.map((r): TriageRow => {
    const metrics: TriageMetrics = {
      glucose: { readings: r.g_n ?? 0, below70: r.g_b70 ?? 0, below54: r.g_b54 ?? 0 },
      bp: { readings: r.bp_n ?? 0, avgSys: num(r.avg_sys), avgDia: num(r.avg_dia), maxSys: num(r.max_sys), maxDia: num(r.max_dia) },
      inhaler: r.has_inhaler ? inhalerMetrics(r) : null,
      gaps: gaps.get(r.patient_id) ?? [],
    };
    return {
      patientId: r.patient_id,
      name: patientDisplayName({ givenName: decryptPhi(r.given_name), familyName: decryptPhi(r.family_name) }),
      mrn: r.mrn,
      enrolledAt: new Date(r.enrolled_at).toISOString(),
      metrics,
      risk: assessTriageRisk(metrics),
    };
  });
  return sortByRisk(list);
}

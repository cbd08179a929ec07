// Open alarms per ward, by priority and by whether anyone has acknowledged them: the wards overview's
// at-a-glance counts. An alarm counts for the ward its patient lies on now, else the ward it was raised
// on (as the ward's central station shows it). Counts only, no patient data: not an audited read.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { AlertPriority } from "@/lib/events";

export type AlarmTally = { active: number; acknowledged: number };
export type WardAlarmCounts = Record<AlertPriority, AlarmTally>;

const PRIORITIES: readonly AlertPriority[] = ["high", "medium", "low", "technical"];

export function emptyCounts(): WardAlarmCounts {
  return {
    high: { active: 0, acknowledged: 0 },
    medium: { active: 0, acknowledged: 0 },
    low: { active: 0, acknowledged: 0 },
    technical: { active: 0, acknowledged: 0 },
  };
}

type CountRow = { ward_id: string; priority: string; state: string; n: number | string };

/** Folds grouped rows into counts per ward (every asked ward present, zero when it has none). */
export function tallyWardAlarms(wardIds: readonly string[], rows: readonly CountRow[]): Map<string, WardAlarmCounts> {
  const out = new Map(wardIds.map((id) => [id, emptyCounts()] as const));
  for (const r of rows) {
    const counts = out.get(r.ward_id);
    if (!counts || !PRIORITIES.includes(r.priority as AlertPriority)) continue;
    const tally = counts[r.priority as AlertPriority];
    if (r.state === "active") tally.active += Number(r.n);
    else if (r.state === "acknowledged") tally.acknowledged += Number(r.n);
  }
  return out;
}

/** Total open alarms of one priority (acknowledged or not). */
export function openCount(c: WardAlarmCounts, priority: AlertPriority): number {
  return c[priority].active + c[priority].acknowledged;
}

export async function countOpenAlarmsByWard(wardIds: readonly string[]): Promise<Map<string, WardAlarmCounts>> {
  if (wardIds.length === 0) return new Map();
  const { sql } = await getDatabase();
  const rows = await sql.query<CountRow>(
    `SELECT COALESCE(b.ward_id, a.ward_id) AS ward_id, a.priority::text AS priority, a.state::text AS state, count(*)::int AS n
       FROM alerts a
       LEFT JOIN patients p ON p.id = a.patient_id
       LEFT JOIN beds b ON b.id = p.bed_id
      WHERE a.state IN ('active', 'acknowledged') AND COALESCE(b.ward_id, a.ward_id) = ANY($1::text[])
      GROUP BY 1, 2, 3`,
    [wardIds],
  );
  return tallyWardAlarms(wardIds, rows);
}

// lib/duty owns the duty roster: who is charge nurse and physician on call for each ward, shift by shift,
// what escalation reads, and which wards have nobody on duty (a warning for admins and the ward screen).
// This file: who is on duty at a moment, in SQL (escalation runs it inside its own transaction).
// The roster (duty_shifts) comes first; a ward whose roster has nobody for that duty at that moment falls
// back to the standing assignment (user_wards.duty), which is how installs before the roster were set up.
import "server-only";
import type { Sql } from "@/lib/db/sql";

export const DUTIES = ["charge", "on_call"] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_LABELS: Record<Duty, string> = { charge: "Charge nurse", on_call: "Physician on call" };

type Query = Pick<Sql, "query">;
export type OnDutyPerson = { id: string; name: string; via: "roster" | "standing" };

/** Active users on duty for a ward at `at`: the roster's shifts, else the standing duty. */
export async function findOnDuty(q: Query, wardId: string, duty: Duty, at: Date): Promise<OnDutyPerson[]> {
  const rostered = await q.query<{ id: string; name: string }>(
    `SELECT DISTINCT u.id, u.name
       FROM duty_shifts s JOIN users u ON u.id = s.user_id
      WHERE s.ward_id = $1 AND s.duty = $2 AND s.starts_at <= $3 AND s.ends_at > $3 AND u.disabled_at IS NULL
      ORDER BY u.name, u.id`,
    [wardId, duty, at.toISOString()],
  );
  if (rostered.length) return rostered.map((r) => ({ ...r, via: "roster" as const }));
  const standing = await q.query<{ id: string; name: string }>(
    `SELECT u.id, u.name
       FROM user_wards uw JOIN users u ON u.id = uw.user_id
      WHERE uw.ward_id = $1 AND uw.duty = $2 AND u.disabled_at IS NULL AND u.role IN ('nurse', 'physician', 'admin')
      ORDER BY u.name, u.id`,
    [wardId, duty],
  );
  return standing.map((r) => ({ ...r, via: "standing" as const }));
}

export type DutyGap = { wardId: string; wardCode: string; wardName: string; duties: Duty[] };

/** Wards where a duty has nobody at `at` (roster and standing duty both empty). */
export async function findDutyGaps(q: Query, at: Date, wardId?: string): Promise<DutyGap[]> {
  const wards = await q.query<{ id: string; code: string; name: string }>(
    `SELECT id, code, name FROM wards ${wardId ? "WHERE id = $1" : ""} ORDER BY code`,
    wardId ? [wardId] : [],
  );
  const gaps: DutyGap[] = [];
  for (const w of wards) {
    const duties: Duty[] = [];
    for (const d of DUTIES) if ((await findOnDuty(q, w.id, d, at)).length === 0) duties.push(d);
    if (duties.length) gaps.push({ wardId: w.id, wardCode: w.code, wardName: w.name, duties });
  }
  return gaps;
}

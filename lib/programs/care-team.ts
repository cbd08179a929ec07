// Who cares for a home patient: the clinicians on the care team of any program the patient is openly
// enrolled in, for alert routing and scope checks. (The
// Principal's carePatientIds, what membership grants, are loaded by lib/auth/care-scope.ts.) Disabled
// accounts are on no care team.
import "server-only";
import type { PersonRef } from "@/lib/events";
import type { Sql } from "@/lib/db/sql";

/** The same shape as lib/alerts' Query (a transaction or the runner); declared here so lib/alerts may import
 * this file without a folder cycle. */
export type Query = Pick<Sql, "query">;

/** The clinicians (nurses, physicians) on the care team of any program the patient is enrolled in. */
export async function findCareTeam(q: Query, patientId: string): Promise<PersonRef[]> {
  return q.query<{ id: string; name: string }>(
    `SELECT DISTINCT u.id, u.name
       FROM enrolments e
       JOIN program_care_team ct ON ct.program_id = e.program_id
       JOIN users u ON u.id = ct.user_id
      WHERE e.patient_id = $1 AND e.ended_at IS NULL
        AND u.disabled_at IS NULL AND u.role IN ('nurse', 'physician')
      ORDER BY u.name, u.id`,
    [patientId],
  );
}

/** Whether the user is on the care team of a program the patient is openly enrolled in. */
export async function isOnCareTeam(q: Query, userId: string, patientId: string): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `SELECT 1 AS one
       FROM enrolments e
       JOIN program_care_team ct ON ct.program_id = e.program_id
       JOIN users u ON u.id = ct.user_id
      WHERE e.patient_id = $1 AND ct.user_id = $2 AND e.ended_at IS NULL
        AND u.disabled_at IS NULL AND u.role IN ('nurse', 'physician')
      LIMIT 1`,
    [patientId, userId],
  );
  return rows.length > 0;
}

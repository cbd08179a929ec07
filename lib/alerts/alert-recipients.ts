// Who an alert reaches at each escalation level, from the ward's staff list (UserWard.duty):
// level 0 the ward's nurses (at raise), level 1 its charge nurse(s) ("charge"), level 2 the physician
// on call ("on_call"). Disabled accounts are skipped.
import "server-only";
import type { EscalationLevel, PersonRef } from "./alert-types";
import type { Query } from "./alert-rows";

export const LEVEL_DUTY: Record<EscalationLevel, string | null> = { 0: null, 1: "charge", 2: "on_call" };

export async function findRecipients(q: Query, wardId: string | null, level: EscalationLevel): Promise<PersonRef[]> {
  if (!wardId) return [];
  const duty = LEVEL_DUTY[level];
  const rows = await q.query<{ id: string; name: string }>(
    `SELECT u.id, u.name
       FROM user_wards uw JOIN users u ON u.id = uw.user_id
      WHERE uw.ward_id = $1 AND u.disabled_at IS NULL
        AND ${duty === null ? `u.role = 'nurse'` : `uw.duty = $2 AND u.role IN ('nurse', 'physician', 'admin')`}
      ORDER BY u.name, u.id`,
    duty === null ? [wardId] : [wardId, duty],
  );
  return rows;
}

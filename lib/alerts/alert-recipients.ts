// Who an alert reaches at each escalation level.
// A patient's alert, from the ward's staff list (UserWard.duty): level 0 the ward's nurses (at raise),
// level 1 its charge nurse(s) ("charge"), level 2 the physician on call ("on_call").
// An equipment alert (no patient: pump maintenance, fridge excursion, logger gap): level 0 biomedical
// engineering and, for equipment on a ward, that ward's nurses; levels 1 and 2 the administrators and,
// on a ward, its charge nurse(s) then physician on call. Disabled accounts are skipped.
import "server-only";
import type { EscalationLevel, PersonRef } from "@/lib/events";
import type { Query } from "./alert-rows";

export const LEVEL_DUTY: Record<EscalationLevel, string | null> = { 0: null, 1: "charge", 2: "on_call" };

/** `rule`: an asset par-level shortfall (`asset.par_low`) goes to the ward's charge nurse(s) from level 0. */
export type AlertAudience = { wardId: string | null; patientId: string | null; rule?: string };

async function wardStaff(q: Query, wardId: string, level: EscalationLevel): Promise<PersonRef[]> {
  const duty = LEVEL_DUTY[level];
  return q.query<{ id: string; name: string }>(
    `SELECT u.id, u.name
       FROM user_wards uw JOIN users u ON u.id = uw.user_id
      WHERE uw.ward_id = $1 AND u.disabled_at IS NULL
        AND ${duty === null ? `u.role = 'nurse'` : `uw.duty = $2 AND u.role IN ('nurse', 'physician', 'admin')`}
      ORDER BY u.name, u.id`,
    duty === null ? [wardId] : [wardId, duty],
  );
}

async function usersWithRole(q: Query, role: "biomed" | "admin"): Promise<PersonRef[]> {
  return q.query<{ id: string; name: string }>(
    `SELECT id, name FROM users WHERE role = $1::"Role" AND disabled_at IS NULL ORDER BY name, id`,
    [role],
  );
}

function merge(...lists: PersonRef[][]): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const p of lists.flat()) byId.set(p.id, p);
  return [...byId.values()];
}

export async function findRecipients(q: Query, audience: AlertAudience, level: EscalationLevel): Promise<PersonRef[]> {
  const { wardId, patientId } = audience;
  if (audience.rule === "asset.par_low" && wardId && level === 0) return wardStaff(q, wardId, 1);
  if (patientId !== null) return wardId ? wardStaff(q, wardId, level) : [];
  const ward = wardId ? await wardStaff(q, wardId, level) : [];
  return merge(await usersWithRole(q, level === 0 ? "biomed" : "admin"), ward);
}

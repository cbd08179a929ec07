// Who an alert reaches at each escalation level.
// A patient's alert: level 0 the ward's nurses (at raise), level 1 the ward's charge nurse(s) on duty,
// level 2 the physician on call, both from the duty roster at that moment (lib/duty: the shift roster,
// else the standing duty in user_wards.duty).
// An equipment alert (no patient: pump maintenance, fridge excursion, logger gap): level 0 biomedical
// engineering and, for equipment on a ward, that ward's nurses; levels 1 and 2 the administrators and,
// on a ward, its charge nurse(s) then physician on call. A home patient's alert (a patient on no ward):
// level 0 the patient's own portal account(s) and the care team of the programs the patient is enrolled
// in (lib/programs), levels 1 and 2 the care team. Disabled accounts are skipped.
import "server-only";
import type { EscalationLevel, PersonRef } from "@/lib/events";
import type { Query } from "./alert-rows";
import { findOnDuty } from "@/lib/duty/on-duty";
import { findCareTeam } from "@/lib/programs/care-team";

export const LEVEL_DUTY: Record<EscalationLevel, string | null> = { 0: null, 1: "charge", 2: "on_call" };

/** `rule`: an asset par-level shortfall (`asset.par_low`) goes to the ward's charge nurse(s) from level 0. */
export type AlertAudience = { wardId: string | null; patientId: string | null; rule?: string };

async function wardStaff(q: Query, wardId: string, level: EscalationLevel, at: Date): Promise<PersonRef[]> {
  if (level === 1 || level === 2) {
    const onDuty = await findOnDuty(q, wardId, level === 1 ? "charge" : "on_call", at);
    return onDuty.map(({ id, name }) => ({ id, name }));
  }
  return q.query<{ id: string; name: string }>(
    `SELECT u.id, u.name
       FROM user_wards uw JOIN users u ON u.id = uw.user_id
      WHERE uw.ward_id = $1 AND u.disabled_at IS NULL AND u.role = 'nurse'
      ORDER BY u.name, u.id`,
    [wardId],
  );
}

async function usersWithRole(q: Query, role: "biomed" | "admin"): Promise<PersonRef[]> {
  return q.query<{ id: string; name: string }>(
    `SELECT id, name FROM users WHERE role = $1::"Role" AND disabled_at IS NULL ORDER BY name, id`,
    [role],
  );
}

async function homePatientAudience(q: Query, patientId: string, level: EscalationLevel): Promise<PersonRef[]> {
  const team = await findCareTeam(q, patientId);
  if (level !== 0) return team;
  const own = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM users WHERE patient_id = $1 AND role = 'patient' AND disabled_at IS NULL ORDER BY name, id`,
    [patientId],
  );
  return merge(own, team);
}

function merge(...lists: PersonRef[][]): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const p of lists.flat()) byId.set(p.id, p);
  return [...byId.values()];
}

export async function findRecipients(q: Query, audience: AlertAudience, level: EscalationLevel, at = new Date()): Promise<PersonRef[]> {
  const { wardId, patientId } = audience;
  if (audience.rule === "asset.par_low" && wardId && level === 0) return wardStaff(q, wardId, 1, at);
  if (patientId !== null) return wardId ? wardStaff(q, wardId, level, at) : homePatientAudience(q, patientId, level);
  const ward = wardId ? await wardStaff(q, wardId, level, at) : [];
  return merge(await usersWithRole(q, level === 0 ? "biomed" : "admin"), ward);
}

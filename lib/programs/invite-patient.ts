// Onboarding: an admin, or a clinician on the patient's care team, invites a home patient to the portal:
// a patient account linked to the record, with the one-time link that sets its password (lib/users'
// invite mechanism: only the link's hash is kept; /invite/{token} accepts it).
import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import { getDatabase } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { findPatient } from "@/lib/patients/patient-queries";
import { addUser } from "@/lib/users/user-admin";
import { isOnCareTeam } from "./care-team";

export const invitePatientBodySchema = z
  .object({
    email: z.string({ error: "must be an email address" }).trim().email("must be an email address"),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
export type InvitePatientInput = z.infer<typeof invitePatientBodySchema>;

export type PatientInvite = { user: { id: string; email: string; name: string }; invite: { path: string; expiresAt: string } };

export async function invitePatient(p: Principal, patientId: string, input: InvitePatientInput, meta: RequestMeta): Promise<PatientInvite> {
  const patient = await findPatient(patientId);
  if (!patient) throw new Refusal("not_found", "patient not found", { field: "id" });
  const { sql } = await getDatabase();
  if (p.role !== "admin" && !(await isOnCareTeam(sql, p.userId, patientId)))
    throw new Refusal("forbidden", "only the patient's care team or an administrator may invite this patient");
  const existing = await sql.query<{ email: string }>(`SELECT email FROM users WHERE patient_id = $1`, [patientId]);
  if (existing.length > 0) throw new Refusal("conflict", "the patient already has a portal account", { field: "id" });
  const taken = await sql.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = lower($1)`, [input.email]);
  if (taken.length > 0) throw new Refusal("conflict", "an account with this email exists", { field: "email" });
  const r = await addUser({ email: input.email, name: input.name ?? patient.name, role: "patient", patientId }, { actor: p, meta });
  if (!r.invite) throw new Error("an invite was expected for an account without a password");
  return {
    user: { id: r.user.id, email: r.user.email, name: r.user.name },
    invite: { path: r.invite.path, expiresAt: r.invite.expiresAt },
  };
}

// Who may do what with a program: admins everything; a clinician on a program's care team reads its
// triage list, enrols patients already in their scope and ends enrolments; a patient in scope is one the
// caller may see (lib/auth canSeePatient: their wards' patients and their care teams' home patients).
import "server-only";
import { canSeePatient, type Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import { getPrisma } from "@/lib/db/database";
import { findPatient, type PatientSummary } from "@/lib/patients/patient-queries";
import { findProgram, type ProgramView } from "./programs";

export async function isCareTeamMember(programId: string, userId: string): Promise<boolean> {
  const prisma = await getPrisma();
  return (await prisma.programCareTeam.count({ where: { programId, userId } })) > 0;
}

/** The program if the caller is an admin or on its care team; 404 for an unknown program, else 403. */
export async function requireProgramTeam(p: Principal, programId: string): Promise<ProgramView> {
  const program = await findProgram(programId);
  if (!program) throw new Refusal("not_found", "program not found", { field: "id" });
  if (p.role === "admin" || ((p.role === "nurse" || p.role === "physician") && (await isCareTeamMember(programId, p.userId))))
    return program;
  throw new Refusal("forbidden", "you are not on this program's care team");
}

/** The patient if the caller may see it: 404 for an unknown patient (the programs contract), else 403. */
export async function requirePatientInScope(p: Principal, patientId: string, field = "patientId"): Promise<PatientSummary> {
  const patient = await findPatient(patientId);
  if (patient && canSeePatient(p, { patientId: patient.id, wardId: patient.ward?.id ?? null })) return patient;
  if (!patient) throw new Refusal("not_found", "patient not found", { field });
  throw new Refusal("forbidden", "you may not see this patient", { field });
}

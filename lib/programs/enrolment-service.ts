// Enrolling a patient in a program and ending it, for the API and the pages: the caller's rights
// (program-access.ts), the change, and its audit row.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { requirePatientInScope, requireProgramTeam } from "./program-access";
import { endEnrolment, enrolPatient, type EnrolmentView } from "./programs";

/** Admins enrol anyone; a care-team clinician a patient already in their scope. 404, 403, 409 as Refusals. */
export async function enrolInProgram(p: Principal, programId: string, patientId: string, meta: RequestMeta): Promise<EnrolmentView> {
  await requireProgramTeam(p, programId);
  await requirePatientInScope(p, patientId);
  const r = await enrolPatient(programId, patientId, p.userId);
  if (!r.ok) {
    if (r.reason === "already_enrolled")
      throw new Refusal("conflict", "the patient is already enrolled in this program", { field: "patientId" });
    throw new Refusal("not_found", r.reason === "no_program" ? "program not found" : "patient not found");
  }
  await recordAudit([{ actor: p, action: "program.enrol", patientId, meta, detail: { programId, enrolmentId: r.enrolment.id } }]);
  return r.enrolment;
}

/** Ends an enrolment (admins, the program's care team): the care team loses the patient at once. */
export async function endProgramEnrolment(p: Principal, programId: string, enrolmentId: string, meta: RequestMeta): Promise<EnrolmentView> {
  await requireProgramTeam(p, programId);
  const e = await endEnrolment(programId, enrolmentId, p.userId);
  if (!e) throw new Refusal("not_found", "enrolment not found", { field: "eid" });
  await recordAudit([{ actor: p, action: "program.enrolment_end", patientId: e.patientId, meta, detail: { programId, enrolmentId } }]);
  return e;
}

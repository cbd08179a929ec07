// lib/data-rights owns a patient's rights over their record (GDPR Art. 15, 17, 20; HIPAA 164.524/528):
// who may export a record and the audited download (the FHIR Bundle itself is lib/fhir-export's), the
// erasure request workflow with its legal-retention rule, the access report (who looked at the record),
// and the de-identified research export of consenting patients.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { canSeePatient, type Principal } from "@/lib/auth/principal";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { findPatient } from "@/lib/patients/patient-queries";
import { chunksToStream, patientBundleChunks } from "@/lib/fhir-export/patient-bundle";
import { recordSummaryHtml } from "@/lib/fhir-export/record-summary-html";

export const EXPORT_FORMATS = ["json", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The patient the caller may export: a patient their own record, an admin any, a clinician those in scope. */
export async function exportablePatient(principal: Principal, patientId: string): Promise<string> {
  const patient = await findPatient(patientId);
  if (!patient || !canSeePatient(principal, { patientId: patient.id, wardId: patient.ward?.id ?? null })) {
    throw principal.role === "admin"
      ? new Refusal("not_found", "patient not found")
      : new Refusal("forbidden", "you may not see this patient");
  }
  return patient.id;
}

/**
 * The audited download: `json` streams the FHIR R4 Bundle (application/fhir+json, an attachment), `html`
 * the readable summary. The audit row (`patient.export`) is written before the first byte.
 */
export async function exportRecordResponse(
  principal: Principal,
  patientId: string,
  format: ExportFormat,
  meta: RequestMeta,
): Promise<Response> {
  const { sql } = await getDatabase();
  const stamp = new Date().toISOString().slice(0, 10);
  await recordPatientReads(principal, "patient.export", [patientId], meta, { format });
  if (format === "html") {
    return new Response(await recordSummaryHtml(sql, patientId), {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": `inline; filename="health-record-${stamp}.html"`,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  }
  return new Response(chunksToStream(patientBundleChunks(sql, patientId)), {
    headers: {
      "Content-Type": "application/fhir+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="health-record-${stamp}.fhir.json"`,
    },
  });
}

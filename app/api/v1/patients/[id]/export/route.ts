import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { EXPORT_FORMATS, exportRecordResponse, exportablePatient } from "@/lib/data-rights/export-record";

export const dynamic = "force-dynamic";

const query = z
  .object({ format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(", ")}` }).default("json") })
  .strict();

/** GET [?format=json|html] → a patient's record as a FHIR R4 Bundle (or HTML): admins any patient, clinicians those in scope. Audited. */
export const GET = apiRoute(
  { roles: ["admin", "nurse", "physician"], params: z.object({ id: z.string().min(1) }), query },
  async ({ principal, params, query, meta }) => {
    const patientId = await exportablePatient(principal, params.id);
    return exportRecordResponse(principal, patientId, query.format, meta);
  },
);

import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { EXPORT_FORMATS, exportRecordResponse } from "@/lib/data-rights/export-record";

export const dynamic = "force-dynamic";

const query = z
  .object({ format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(", ")}` }).default("json") })
  .strict();

/** GET [?format=json|html] → the signed-in patient's record: a FHIR R4 Bundle download, or the HTML summary. Audited. */
export const GET = apiRoute({ roles: ["patient"], query }, async ({ principal, query, meta }) => {
  if (!principal.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return exportRecordResponse(principal, principal.patientId, query.format, meta);
});

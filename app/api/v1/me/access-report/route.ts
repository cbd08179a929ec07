import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { accessReport } from "@/lib/data-rights/access-report";

export const dynamic = "force-dynamic";

const query = z
  .object({
    limit: z.coerce.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(100),
    before: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
    beforeId: z
      .string()
      .regex(/^\d{1,19}$/, "must be an event id")
      .optional(),
  })
  .strict();

/** GET [?limit&before&beforeId] → {entries: [{at, action, user: {name, role}, self}], nextCursor}: who looked at the signed-in patient's record. */
export const GET = apiRoute({ roles: ["patient"], query }, async ({ principal, query, meta }) => {
  if (!principal.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  const report = await accessReport(principal.patientId, [principal.userId], {
    limit: query.limit,
    before: query.before ? new Date(query.before) : undefined,
    beforeId: query.beforeId,
  });
  await recordPatientReads(principal, "access_report.read", [principal.patientId], meta);
  return report;
});

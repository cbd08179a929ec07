// The filters of the audit trail as the API, the CSV export and the audit page take them (zod).
import { z } from "zod";
import { AUDIT_PAGE_MAX } from "./list-audit-events";

export const auditFiltersShape = {
  patientId: z.string().min(1).max(100).optional(),
  actorEmail: z.string().min(1).max(254).optional(),
  action: z.string().min(1).max(100).optional(),
};

export const auditApiQuerySchema = z.object({
  ...auditFiltersShape,
  before: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  beforeId: z
    .string()
    .regex(/^\d{1,19}$/, "must be an event id")
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
});

export const auditExportQuerySchema = z.object({
  ...auditFiltersShape,
  /** "1": the action must match exactly (the audit page's select); otherwise it is a prefix. */
  exact: z.enum(["0", "1"]).optional(),
});

import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { AUDIT_PAGE_MAX, listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  patientId: z.string().min(1).optional(),
  actorEmail: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  before: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  beforeId: z
    .string()
    .regex(/^\d{1,19}$/, "must be an event id")
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
});

/** The audit trail, newest first; admins only. Pass nextCursor's before/beforeId for the next page. */
export const GET = apiRoute({ roles: ["admin"], query: querySchema }, async ({ principal, query, meta }) => {
  const page = await listAuditEvents({ ...query, before: query.before ? new Date(query.before) : undefined });
  await recordAudit([{ actor: principal, action: "audit.view", patientId: query.patientId ?? null, detail: { via: "api" }, meta }]);
  return page;
});

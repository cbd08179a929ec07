import { apiRoute } from "@/lib/http/api-route";
import { AUDIT_READER_ROLES, loadAuditView } from "@/lib/audit-log/audit-view";
import { auditApiQuerySchema } from "@/lib/audit/audit-query-schema";

export const dynamic = "force-dynamic";

/**
 * The audit trail, newest first; admins only. Pass nextCursor's before/beforeId for the next page.
 * `patientId` also finds list reads naming that patient in detail.patientIds. Each event carries `patients`
 * (id, name, MRN) and `patientCount`; returning names is a read of them, audited as one "audit.view" row.
 */
export const GET = apiRoute({ roles: AUDIT_READER_ROLES, query: auditApiQuerySchema }, async ({ principal, query, meta }) => {
  const { before, ...rest } = query;
  return loadAuditView(principal, meta, {
    query: { ...rest, before: before ? new Date(before) : undefined },
    action: "audit.view",
    detail: { via: "api", filters: { patientId: query.patientId, actorEmail: query.actorEmail, action: query.action } },
  });
});

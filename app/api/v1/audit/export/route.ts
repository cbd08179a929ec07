// CSV export of the audit trail with the audit page's filters (admins only): every matching event, newest
// first, up to AUDIT_EXPORT_MAX rows (X-Audit-Truncated: 1 when more matched). One "audit.export" row.
import { apiRoute } from "@/lib/http/api-route";
import { auditCsv } from "@/lib/audit-log/audit-csv";
import { AUDIT_EXPORT_MAX, AUDIT_READER_ROLES, loadAuditView } from "@/lib/audit-log/audit-view";
import { auditExportQuerySchema } from "@/lib/audit/audit-query-schema";
import { AUDIT_PAGE_MAX } from "@/lib/audit/list-audit-events";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit/export?patientId=&actorEmail=&action=&exact=1 → text/csv */
export const GET = apiRoute({ roles: AUDIT_READER_ROLES, query: auditExportQuerySchema }, async ({ principal, query, meta }) => {
  const { exact, ...filters } = query;
  const { events, nextCursor } = await loadAuditView(principal, meta, {
    query: { ...filters, actionExact: exact === "1", limit: AUDIT_PAGE_MAX },
    action: "audit.export",
    detail: { via: "csv", filters },
    allPages: true,
  });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "");
  return new Response(auditCsv(events), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${stamp}.csv"`,
      "X-Audit-Rows": String(events.length),
      "X-Audit-Truncated": nextCursor ? "1" : "0",
      "X-Audit-Max": String(AUDIT_EXPORT_MAX),
    },
  });
});

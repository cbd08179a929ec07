// GET /api/v1/kpis?from=&to=&wardId=&format=json|csv → the KPIs with definitions, numerators and
// denominators (default the last 30 days); &kpi=<key>&rows=numerator|denominator → the rows behind one
// figure (encounters, alarms or devices; encounter and alarm rows are audited patient reads).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { FLOW_ROLES, flowWardScope, periodOf } from "@/lib/patient-flow/flow-scope";
import { buildKpiReport } from "@/lib/patient-flow/kpi-report";
import { kpiRows, kpisAsCsv, toCsv } from "@/lib/patient-flow/kpi-export";

export const dynamic = "force-dynamic";

const query = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    wardId: z.string().min(1).optional(),
    format: z.enum(["json", "csv"]).default("json"),
    kpi: z.string().min(1).optional(),
    rows: z.enum(["numerator", "denominator"]).optional(),
  })
  .strict();

const csv = (body: string, name: string) =>
  new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

export const GET = apiRoute({ roles: FLOW_ROLES, query }, async ({ principal, query: q, meta }) => {
  const wardIds = flowWardScope(principal, q.wardId);
  const report = await buildKpiReport({ wardIds, ...periodOf(q, 30) });
  if (q.kpi) {
    const rows = await kpiRows(report, q.kpi, q.rows ?? "numerator");
    if (rows.patientIds.length) await recordPatientReads(principal, "kpi.rows", rows.patientIds, meta, { kpi: q.kpi, part: rows.part });
    if (q.format === "csv") return csv(toCsv(rows.header, rows.rows), `${q.kpi}-${rows.part}.csv`);
    return {
      kpi: rows.kpi,
      part: rows.part,
      kind: rows.kind,
      rows: rows.rows.map((r) => Object.fromEntries(rows.header.map((h, i) => [h, r[i]]))),
    };
  }
  if (q.format === "csv") return csv(kpisAsCsv(report), `kpis-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`);
  return report;
});

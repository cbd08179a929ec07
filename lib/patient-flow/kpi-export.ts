// KPIs as CSV (RFC 4180; text a spreadsheet would run as a formula is prefixed with ') and the rows
// behind one figure (its numerator or denominator), as JSON or CSV.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import type { Percentiles } from "@/lib/adt";
import type { KpiReport, RowKind } from "./kpi-report";

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

const isPercentiles = (v: unknown): v is Percentiles => typeof v === "object" && v !== null && "p50" in v;

export function kpisAsCsv(report: KpiReport): string {
  return toCsv(
    ["key", "label", "value", "p50", "p90", "numerator", "denominator", "unit", "from", "to", "ward_id", "definition"],
    report.kpis.map(({ key, label, kpi }) => [
      key,
      label,
      isPercentiles(kpi.value) ? "" : kpi.value,
      isPercentiles(kpi.value) ? kpi.value.p50 : "",
      isPercentiles(kpi.value) ? kpi.value.p90 : "",
      kpi.numerator,
      kpi.denominator,
      kpi.unit,
      report.from,
      report.to,
      report.wardId ?? "",
      kpi.definition,
    ]),
  );
}

export type KpiRows = {
  kpi: string;
  part: "numerator" | "denominator";
  kind: RowKind;
  header: string[];
  rows: unknown[][];
  patientIds: string[];
};

/** The rows behind one KPI's numerator or denominator. */
export async function kpiRows(report: KpiReport, key: string, part: "numerator" | "denominator"): Promise<KpiRows> {
  const entry = report.kpis.find((k) => k.key === key);
  if (!entry) throw new Refusal("invalid", `must be one of: ${report.kpis.map((k) => k.key).join(", ")}`, { field: "kpi" });
  const ids = entry.kpi.rows?.[part] ?? [];
  const kind = entry.rowKinds[part];
  const prisma = await getPrisma();
  if (kind === "encounter") {
    const rows = await prisma.encounter.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        patientId: true,
        wardId: true,
        admittedAt: true,
        dischargedAt: true,
        disposition: true,
        readmissionOfId: true,
        patient: { select: { mrn: true } },
      },
      orderBy: { admittedAt: "asc" },
    });
    return {
      kpi: key,
      part,
      kind,
      header: ["encounter_id", "patient_id", "mrn", "ward_id", "admitted_at", "discharged_at", "disposition", "readmission_of_id"],
      rows: rows.map((r) => [r.id, r.patientId, r.patient.mrn, r.wardId, r.admittedAt, r.dischargedAt, r.disposition, r.readmissionOfId]),
      patientIds: [...new Set(rows.map((r) => r.patientId))],
    };
  }
  if (kind === "alert") {
    const rows = await prisma.alert.findMany({
      where: { id: { in: ids } },
      select: { id: true, rule: true, priority: true, wardId: true, patientId: true, raisedAt: true, acknowledgedAt: true },
      orderBy: { raisedAt: "asc" },
    });
    return {
      kpi: key,
      part,
      kind,
      header: ["alert_id", "rule", "priority", "ward_id", "patient_id", "raised_at", "acknowledged_at"],
      rows: rows.map((r) => [r.id, r.rule, r.priority, r.wardId, r.patientId, r.raisedAt, r.acknowledgedAt]),
      patientIds: [...new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])))],
    };
  }
  const rows = await prisma.device.findMany({
    where: { id: { in: ids } },
    select: { id: true, type: true, status: true, createdAt: true },
    orderBy: { id: "asc" },
  });
  return {
    kpi: key,
    part,
    kind,
    header: ["device_id", "type", "status", "created_at"],
    rows: rows.map((r) => [r.id, r.type, r.status, r.createdAt]),
    patientIds: [],
  };
}

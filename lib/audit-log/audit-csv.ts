// The audit trail as CSV (RFC 4180) for a privacy officer's spreadsheet: one line per event, the patients
// it concerns as "Name (MRN)" joined by "; ". Cells that a spreadsheet would run as a formula (=, +, -, @,
// tab, CR) are prefixed with a quote (OWASP CSV injection). Pure; client-safe.
import type { AuditRowView } from "./audit-view";
import { auditDetailText } from "@/lib/audit/audit-detail";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "actor_email",
  "actor_role",
  "action",
  "patient_names",
  "patient_mrns",
  "patient_ids",
  "patient_count",
  "ip",
  "user_agent",
  "detail",
] as const;

export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function auditCsv(events: AuditRowView[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(",")];
  for (const e of events) {
    lines.push(
      [
        e.id,
        e.at,
        e.actorEmail,
        e.actorRole,
        e.action,
        e.patients.map((p) => p.name ?? "(unknown)").join("; "),
        e.patients.map((p) => p.mrn ?? "").join("; "),
        e.patients.map((p) => p.id).join("; "),
        e.patientCount,
        e.ip,
        e.userAgent,
        auditDetailText(e.detail),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

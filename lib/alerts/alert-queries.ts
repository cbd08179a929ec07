// Reading alerts within the caller's scope: admins see all; nurses and physicians the alerts of their
// wards (the ward the alert was raised on, or the patient's ward now); a patient account its own; biomed
// the technical alerts of devices on no patient. Callers audit the reads (recordPatientReads).
import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import type { AlertDetailView, AlertPriority, AlertState, AlertView } from "@/lib/events";
import { ALERT_SELECT, loadAlertEvents, loadAlertRow, toAlertView, type AlertRow, type Query } from "./alert-rows";

/** List filter: one state, "open" (active or acknowledged) or "all". */
export type AlertStatusFilter = AlertState | "open" | "all";

export function canSeeAlert(p: Principal, a: Pick<AlertRow, "patient_id" | "ward_id" | "current_ward_id">): boolean {
  if (p.role === "admin") return true;
  if (p.role === "patient") return a.patient_id !== null && a.patient_id === p.patientId;
  if (p.role === "biomed") return a.patient_id === null;
  return [a.ward_id, a.current_ward_id].some((w) => w !== null && p.wardIds.includes(w));
}

/** The alert if the caller may see it; outside an admin's view, missing and forbidden look the same. */
export async function findVisibleAlert(q: Query, p: Principal, id: string): Promise<AlertRow> {
  const row = await loadAlertRow(q, id);
  if (row && canSeeAlert(p, row)) return row;
  if (p.role === "admin") throw new Refusal("not_found", "alert not found");
  throw new Refusal("forbidden", "you may not see this alert");
}

function scopeSql(p: Principal, params: unknown[]): string {
  if (p.role === "admin") return "TRUE";
  if (p.role === "patient") {
    params.push(p.patientId ?? "__none__");
    return `a.patient_id = $${params.length}`;
  }
  if (p.role === "biomed") return "a.patient_id IS NULL";
  params.push(p.wardIds);
  return `(a.ward_id = ANY($${params.length}::text[]) OR b.ward_id = ANY($${params.length}::text[]))`;
}

export type AlertListFilter = {
  patientId?: string;
  wardId?: string;
  status?: AlertStatusFilter;
  priority?: AlertPriority;
  limit?: number;
};

/** High priority first, then the oldest. Default: open alerts (active or acknowledged), at most 200. */
export async function listAlerts(p: Principal, filter: AlertListFilter = {}): Promise<AlertView[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const where = [scopeSql(p, params)];
  const status = filter.status ?? "open";
  if (status === "open") where.push(`a.state IN ('active', 'acknowledged')`);
  else if (status !== "all") {
    params.push(status);
    where.push(`a.state = $${params.length}::"AlertState"`);
  }
  if (filter.priority) {
    params.push(filter.priority);
    where.push(`a.priority = $${params.length}::"AlertPriority"`);
  }
  if (filter.patientId) {
    params.push(filter.patientId);
    where.push(`a.patient_id = $${params.length}`);
  }
  if (filter.wardId) {
    params.push(filter.wardId);
    where.push(`(a.ward_id = $${params.length} OR b.ward_id = $${params.length})`);
  }
  params.push(Math.min(Math.max(filter.limit ?? 200, 1), 1000));
  const rows = await sql.query<AlertRow>(
    `${ALERT_SELECT} WHERE ${where.join(" AND ")} ORDER BY a.priority ASC, a.raised_at ASC, a.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toAlertView);
}

/** One alert with its full trail (raised, notified, delivered, read, acknowledged, escalated, resolved…). */
export async function getAlertDetail(p: Principal, id: string): Promise<AlertDetailView> {
  const { sql } = await getDatabase();
  const row = await findVisibleAlert(sql, p, id);
  return { alert: toAlertView(row), events: await loadAlertEvents(sql, id) };
}

// Reading alerts within the caller's scope: admins see all; nurses and physicians the alerts of their
// wards (the ward the alert was raised on, or the patient's ward now) and those of the home patients their
// care teams grant (Principal.carePatientIds); a patient account its own; biomed
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
  if (a.patient_id !== null && p.carePatientIds?.includes(a.patient_id)) return true;
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
  const wards = `a.ward_id = ANY($${params.length}::text[]) OR b.ward_id = ANY($${params.length}::text[])`;
  if (!p.carePatientIds?.length) return `(${wards})`;
  params.push(p.carePatientIds);
  return `(${wards} OR a.patient_id = ANY($${params.length}::text[]))`;
}

/**
 * Where an alert list was taken, for a later catch-up: the server time just before the query, the
 * newest trail entry (alert_events.id) it could see, and the smaller ids it could not see yet (entries
 * of transactions still open at that moment). Client-safe (plain strings).
 */
export type AlertCursor = { at: string; eventId: string; pending: string[] };

export type AlertListFilter = {
  patientId?: string;
  wardId?: string;
  status?: AlertStatusFilter;
  priority?: AlertPriority;
  limit?: number;
  /**
   * Only alerts that changed after the cursor (raised, acknowledged, silenced, escalated, condition
   * cleared or returned, resolved; receipts do not count). Use with status "all" to also learn of
   * alerts that left the list (resolved).
   */
  changedSince?: AlertCursor;
};

/** Trail entries that change what an alert looks like; notifications and receipts do not. */
const CHANGE_EVENTS = ["raised", "condition_cleared", "condition_returned", "acknowledged", "resolved", "silenced", "escalated"];
/** How far below the newest visible id a snapshot looks for entries it could not see (open transactions). */
const PENDING_WINDOW = 1000;
const EVENT_ID = /^\d{1,19}$/;

/**
 * Ids are taken at insert and every change writes its trail entry in the same transaction, so a change
 * committed after the snapshot has an id above the cursor (however old its time: a write retried after
 * an outage) or one of the cursor's pending ids.
 */
function changedSinceSql(c: AlertCursor, params: unknown[]): string {
  params.push(EVENT_ID.test(c.eventId) ? c.eventId : "0");
  const id = params.length;
  params.push(c.pending.filter((p) => EVENT_ID.test(p)));
  const pending = params.length;
  params.push(CHANGE_EVENTS);
  const types = params.length;
  return `a.id IN (SELECT e.alert_id FROM alert_events e
                    WHERE (e.id > $${id}::bigint OR e.id = ANY($${pending}::bigint[])) AND e.type = ANY($${types}::text[]))`;
}

/** One list as SQL (high priority first, then the oldest); its parameters are appended to `params`. */
function listSql(p: Principal, filter: AlertListFilter, params: unknown[]): string {
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
  if (filter.changedSince) where.push(changedSinceSql(filter.changedSince, params));
  params.push(Math.min(Math.max(filter.limit ?? 200, 1), 1000));
  return `${ALERT_SELECT} WHERE ${where.join(" AND ")} ORDER BY a.priority ASC, a.raised_at ASC, a.id LIMIT $${params.length}`;
}

/** High priority first, then the oldest. Default: open alerts (active or acknowledged), at most 200. */
export async function listAlerts(p: Principal, filter: AlertListFilter = {}): Promise<AlertView[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const rows = await sql.query<AlertRow>(listSql(p, filter, params), params);
  return rows.map(toAlertView);
}

/**
 * Several lists in one statement (one consistent read: a page's own list and the nav count's active
 * alerts, or a catch-up's changes), each as listAlerts would return it, with the cursor a catch-up
 * starts from.
 */
export async function snapshotAlerts(
  p: Principal,
  filters: readonly AlertListFilter[],
): Promise<{ cursor: AlertCursor; lists: AlertView[][] }> {
  if (filters.length === 0) throw new Error("snapshotAlerts needs at least one list");
  const { sql } = await getDatabase();
  const at = new Date().toISOString();
  const params: unknown[] = [];
  const arms = filters.map((f, i) => `SELECT ${i} AS arm, l${i}.* FROM (${listSql(p, f, params)}) l${i}`);
  // The cursor comes from the same statement, so it describes exactly what the lists saw. PGlite runs one
  // statement or transaction at a time: nothing can be pending there.
  const pending =
    sql.kind === "pglite"
      ? "SELECT NULL::text[] AS pending"
      : `SELECT array_agg(g::text ORDER BY g) AS pending
           FROM (SELECT generate_series(GREATEST(c.top - ${PENDING_WINDOW - 1}, 1), c.top) AS g FROM c
                 EXCEPT SELECT e.id FROM alert_events e, c WHERE e.id > c.top - ${PENDING_WINDOW} AND e.id <= c.top) AS gaps`;
  const rows = await sql.query<AlertRow & { arm: number | null; top: string; pending: string[] | null }>(
    `WITH c AS (SELECT COALESCE(max(id), 0) AS top FROM alert_events), p AS (${pending})
     SELECT c.top::text AS top, p.pending, u.* FROM c CROSS JOIN p LEFT JOIN (${arms.join(" UNION ALL ")}) u ON TRUE
     ORDER BY u.arm, u.priority::"AlertPriority", u.raised_at, u.id`,
    params,
  );
  const lists = filters.map((): AlertView[] => []);
  for (const r of rows) if (r.arm !== null) lists[r.arm]!.push(toAlertView(r));
  return { cursor: { at, eventId: rows[0]?.top ?? "0", pending: rows[0]?.pending ?? [] }, lists };
}

/** One alert with its full trail (raised, notified, delivered, read, acknowledged, escalated, resolved…). */
export async function getAlertDetail(p: Principal, id: string): Promise<AlertDetailView> {
  const { sql } = await getDatabase();
  const row = await findVisibleAlert(sql, p, id);
  return { alert: toAlertView(row), events: await loadAlertEvents(sql, id) };
}

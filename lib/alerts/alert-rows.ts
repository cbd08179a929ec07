// Reading alerts and their trail as the client-safe views (AlertView, AlertEventView), with the patient's
// name and bed and the names of who acknowledged or resolved. Plain SQL so the same code runs inside a
// transaction (sql.transaction) and outside it.
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { patientDisplayName } from "@/lib/patients/patient-name";
import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { AlertEventType, AlertEventView, AlertPriority, AlertState, AlertView } from "@/lib/events";

export type Query = Pick<Sql, "query">;

export type AlertRow = {
  id: string;
  rule: string;
  priority: AlertPriority;
  state: AlertState;
  patient_id: string | null;
  ward_id: string | null;
  device_id: string | null;
  message: string;
  value: number | null;
  condition_active: boolean;
  raised_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  resolved_at: Date | string | null;
  resolved_by_id: string | null;
  resolved_by_name: string | null;
  resolve_reason: string | null;
  silenced_until: Date | string | null;
  silence_reason: string | null;
  escalation_level: number;
  next_escalation_at: Date | string | null;
  open_key: string | null;
  patient_given_name: string | null;
  patient_family_name: string | null;
  bed_label: string | null;
  /** The ward of the patient's bed now (the alert keeps the ward it was raised on). */
  current_ward_id: string | null;
};

export const ALERT_SELECT = `
SELECT a.id, a.rule, a.priority::text AS priority, a.state::text AS state, a.patient_id, a.ward_id, a.device_id,
       a.message, a.value, a.condition_active, a.raised_at, a.acknowledged_at, a.acknowledged_by_id,
       ua.name AS acknowledged_by_name, a.resolved_at, a.resolved_by_id, ur.name AS resolved_by_name,
       a.resolve_reason, a.silenced_until, a.silence_reason, a.escalation_level::int AS escalation_level,
       a.next_escalation_at, a.open_key,
       p.given_name AS patient_given_name, p.family_name AS patient_family_name,
       b.label AS bed_label, b.ward_id AS current_ward_id
  FROM alerts a
  LEFT JOIN patients p ON p.id = a.patient_id
  LEFT JOIN beds b ON b.id = p.bed_id
  LEFT JOIN users ua ON ua.id = a.acknowledged_by_id
  LEFT JOIN users ur ON ur.id = a.resolved_by_id`;

export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

export function toAlertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    rule: r.rule,
    priority: r.priority,
    state: r.state,
    patientId: r.patient_id,
    // Names are encrypted at rest: decrypted through lib/crypto, joined here.
    patientName:
      r.patient_given_name === null || r.patient_family_name === null
        ? null
        : patientDisplayName({ givenName: decryptPhi(r.patient_given_name), familyName: decryptPhi(r.patient_family_name) }),
    bedLabel: r.bed_label,
    wardId: r.ward_id,
    deviceId: r.device_id,
    message: r.message,
    value: r.value,
    conditionActive: r.condition_active,
    raisedAt: iso(r.raised_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by_id ? { id: r.acknowledged_by_id, name: r.acknowledged_by_name ?? "unknown user" } : null,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by_id ? { id: r.resolved_by_id, name: r.resolved_by_name ?? "unknown user" } : null,
    resolveReason: r.resolve_reason,
    silencedUntil: iso(r.silenced_until),
    silenceReason: r.silence_reason,
    escalationLevel: Number(r.escalation_level),
    nextEscalationAt: iso(r.next_escalation_at),
  };
}

export async function loadAlertRow(q: Query, id: string): Promise<AlertRow | null> {
  const rows = await q.query<AlertRow>(`${ALERT_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function loadAlertView(q: Query, id: string): Promise<AlertView | null> {
  const row = await loadAlertRow(q, id);
  return row ? toAlertView(row) : null;
}

type EventRow = {
  id: string;
  at: Date | string;
  type: AlertEventType;
  actor_id: string | null;
  actor_name: string | null;
  recipient_id: string | null;
  recipient_name: string | null;
  detail: Record<string, unknown> | string | null;
};

export async function loadAlertEvents(q: Query, alertId: string): Promise<AlertEventView[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.id::text AS id, e.at, e.type, e.actor_id, ua.name AS actor_name, e.recipient_id, ur.name AS recipient_name, e.detail
       FROM alert_events e
       LEFT JOIN users ua ON ua.id = e.actor_id
       LEFT JOIN users ur ON ur.id = e.recipient_id
      WHERE e.alert_id = $1
      ORDER BY e.at, e.id`,
    [alertId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    type: r.type,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "unknown user" } : null,
    recipient: r.recipient_id ? { id: r.recipient_id, name: r.recipient_name ?? "unknown user" } : null,
    detail: typeof r.detail === "string" ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
}

export type NewAlertEvent = {
  alertId: string;
  at: Date;
  type: AlertEventType;
  actorId?: string | null;
  recipientId?: string | null;
  detail?: Record<string, unknown> | null;
};

/** Appends trail entries in one statement. */
export async function insertAlertEvents(q: Query, events: NewAlertEvent[]): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `INSERT INTO alert_events (alert_id, at, type, actor_id, recipient_id, detail)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
    [
      events.map((e) => e.alertId),
      events.map((e) => e.at.toISOString()),
      events.map((e) => e.type),
      events.map((e) => e.actorId ?? null),
      events.map((e) => e.recipientId ?? null),
      events.map((e) => (e.detail ? JSON.stringify(e.detail) : null)),
    ],
  );
}

// What a clinician does to an alert: acknowledge (who, when; stops escalation; resolves at once if the
// condition has already cleared), resolve by hand with a reason (the rule re-arms: it raises again only
// on fresh evidence), and silence with a reason for at most 30 minutes. Silence is IEC 60601-1-8
// "audio paused": the audible cue stops, the visual indication and escalation go on, since only an
// acknowledgement shows that someone has taken the alarm on. A patient account may acknowledge its own
// alerts (a patient at home: "I have seen it and I am acting"), nothing else. Each change is one
// transaction with its trail entry and an audit event, announced on the bus after the commit.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { ALERT_ROLES, type Principal, type Role } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import type { AlertChange, AlertView } from "@/lib/events";
import { MAX_SILENCE_MINUTES } from "./alert-policy";
import { insertAlertEvents, loadAlertView, type NewAlertEvent, type Query } from "./alert-rows";
import { Refusal } from "@/lib/errors/refusal";
import { findVisibleAlert } from "./alert-queries";

export const ACK_AFTER_CLEAR_REASON = "acknowledged after the condition cleared";

export type AlertActionContext = { meta?: RequestMeta; now?: Date };

/** Who may acknowledge: the alert roles, and a patient account (its own alerts only: findVisibleAlert). */
export const ACKNOWLEDGE_ROLES: readonly Role[] = [...ALERT_ROLES, "patient"];
const ACTION_ROLES: Record<string, readonly Role[]> = { "alert.acknowledge": ACKNOWLEDGE_ROLES };

type Change = { updated: boolean; events: NewAlertEvent[]; changes: AlertChange[] };

async function changeAlert(
  p: Principal,
  alertId: string,
  action: string,
  ctx: AlertActionContext,
  detail: Record<string, unknown>,
  apply: (tx: Query, at: Date) => Promise<Change>,
): Promise<AlertView> {
  if (!(ACTION_ROLES[action] ?? ALERT_ROLES).includes(p.role))
    throw new Refusal("forbidden", "only clinicians and biomedical engineering may change alerts");
  const { sql } = await getDatabase();
  const before = await findVisibleAlert(sql, p, alertId);
  const at = ctx.now ?? new Date();
  const result = await sql.transaction(async (tx) => {
    const r = await apply(tx, at);
    if (r.updated) await insertAlertEvents(tx, r.events);
    return r;
  });
  const alert = await loadAlertView(sql, alertId);
  if (!alert) throw new Refusal("not_found", "alert not found");
  if (result.updated) {
    await recordAudit([{ actor: p, action, patientId: before.patient_id, detail: { alertId, ...detail }, meta: ctx.meta }]);
    for (const change of result.changes) eventBus().publish("alert:changed", { change, alert, actor: { id: p.userId, name: p.name } });
  } else if (alert.state === "resolved") {
    throw new Refusal("conflict", "the alert is already resolved");
  }
  return alert;
}

/** Idempotent: acknowledging an acknowledged alert returns it unchanged. */
export function acknowledgeAlert(p: Principal, alertId: string, ctx: AlertActionContext = {}): Promise<AlertView> {
  return changeAlert(p, alertId, "alert.acknowledge", ctx, {}, async (tx, at) => {
    const rows = await tx.query<{ state: string }>(
      `UPDATE alerts SET acknowledged_at = $2, acknowledged_by_id = $3, next_escalation_at = NULL,
              state = CASE WHEN condition_active THEN 'acknowledged'::"AlertState" ELSE 'resolved'::"AlertState" END,
              resolved_at = CASE WHEN condition_active THEN NULL ELSE $2::timestamptz END,
              resolve_reason = CASE WHEN condition_active THEN NULL ELSE $4 END,
              open_key = CASE WHEN condition_active THEN open_key ELSE NULL END
        WHERE id = $1 AND state = 'active'
        RETURNING state::text AS state`,
      [alertId, at.toISOString(), p.userId, ACK_AFTER_CLEAR_REASON],
    );
    const row = rows[0];
    if (!row) return { updated: false, events: [], changes: [] };
    const resolved = row.state === "resolved";
    return {
      updated: true,
      events: [
        { alertId, at, type: "acknowledged", actorId: p.userId },
        ...(resolved ? [{ alertId, at, type: "resolved" as const, detail: { reason: ACK_AFTER_CLEAR_REASON, automatic: true } }] : []),
      ],
      changes: resolved ? ["acknowledged", "resolved"] : ["acknowledged"],
    };
  });
}

export function resolveAlert(p: Principal, alertId: string, reason: string, ctx: AlertActionContext = {}): Promise<AlertView> {
  return changeAlert(p, alertId, "alert.resolve", ctx, { reason }, async (tx, at) => {
    const rows = await tx.query(
      `UPDATE alerts SET state = 'resolved', resolved_at = $2, resolved_by_id = $3, resolve_reason = $4,
              open_key = NULL, next_escalation_at = NULL
        WHERE id = $1 AND state <> 'resolved'
        RETURNING id`,
      [alertId, at.toISOString(), p.userId, reason],
    );
    if (rows.length === 0) return { updated: false, events: [], changes: [] };
    return { updated: true, events: [{ alertId, at, type: "resolved", actorId: p.userId, detail: { reason } }], changes: ["resolved"] };
  });
}

export function silenceAlert(
  p: Principal,
  alertId: string,
  input: { reason: string; minutes: number },
  ctx: AlertActionContext = {},
): Promise<AlertView> {
  const minutes = Math.min(Math.max(Math.round(input.minutes), 1), MAX_SILENCE_MINUTES);
  return changeAlert(p, alertId, "alert.silence", ctx, { reason: input.reason, minutes }, async (tx, at) => {
    const until = new Date(at.getTime() + minutes * 60_000);
    const rows = await tx.query(
      `UPDATE alerts SET silenced_until = $2, silence_reason = $3 WHERE id = $1 AND state <> 'resolved' RETURNING id`,
      [alertId, until.toISOString(), input.reason],
    );
    if (rows.length === 0) return { updated: false, events: [], changes: [] };
    return {
      updated: true,
      events: [{ alertId, at, type: "silenced", actorId: p.userId, detail: { reason: input.reason, minutes, until: until.toISOString() } }],
      changes: ["silenced"],
    };
  });
}

// Escalation: an active alert not acknowledged by its next_escalation_at goes one level up: level 1 the
// ward's charge nurse(s), level 2 the physician on call (a level with nobody on duty is recorded and
// skipped, so an alarm never stops at an empty rota). Each step is an "escalated" trail entry with its
// recipients, then a notification to each recipient's own room. Due alerts are claimed with
// FOR UPDATE SKIP LOCKED inside one transaction, so a step happens once even with several app nodes,
// and the schedule lives in the database: it survives restarts. A clinician may also escalate by hand.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { getDatabase } from "@/lib/db/database";
import { eventBus, type EventBus } from "@/lib/bus/event-bus";
import { ALERT_ROLES, type Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { MAX_ESCALATION_LEVEL, type AlertPriority, type AlertView, type EscalationLevel, type PersonRef } from "@/lib/events";
import { insertAlertEvents, loadAlertView, type NewAlertEvent, type Query } from "./alert-rows";
import { findRecipients } from "./alert-recipients";
import { escalationDelayMs } from "./alert-policy";
import { Refusal } from "@/lib/errors/refusal";
import { findVisibleAlert } from "./alert-queries";

type ClaimRow = {
  id: string;
  priority: AlertPriority;
  ward_id: string | null;
  patient_id: string | null;
  escalation_level: number;
  state: string;
};
type Step = { level: EscalationLevel; recipients: PersonRef[] };
type Escalation = { id: string; steps: Step[] };

export type EscalationOptions = { escalationMs: Record<AlertPriority, number>; bus?: EventBus };

const asLevel = (n: number): EscalationLevel => (n >= 2 ? 2 : n <= 0 ? 0 : 1);

async function escalateRow(
  tx: Query,
  row: ClaimRow,
  at: Date,
  opts: EscalationOptions,
  by: { actorId: string | null; reason: string | null },
): Promise<Escalation> {
  const steps: Step[] = [];
  let level = asLevel(Math.min(Number(row.escalation_level) + 1, MAX_ESCALATION_LEVEL));
  steps.push({ level, recipients: await findRecipients(tx, { wardId: row.ward_id, patientId: row.patient_id }, level, at) });
  while (steps.at(-1)?.recipients.length === 0 && level < MAX_ESCALATION_LEVEL) {
    level = asLevel(level + 1);
    steps.push({ level, recipients: await findRecipients(tx, { wardId: row.ward_id, patientId: row.patient_id }, level, at) });
  }
  const next =
    level < MAX_ESCALATION_LEVEL && row.state === "active"
      ? new Date(
          at.getTime() + escalationDelayMs({ patientId: row.patient_id, wardId: row.ward_id, priority: row.priority }, opts.escalationMs),
        )
      : null;
  await tx.query(`UPDATE alerts SET escalation_level = $2, next_escalation_at = $3 WHERE id = $1`, [
    row.id,
    level,
    next?.toISOString() ?? null,
  ]);
  const events: NewAlertEvent[] = steps.map((s) => ({
    alertId: row.id,
    at,
    type: "escalated",
    actorId: by.actorId,
    detail: {
      level: s.level,
      recipients: s.recipients,
      automatic: by.actorId === null,
      ...(by.reason ? { reason: by.reason } : {}),
      ...(s.recipients.length ? {} : { nobodyOnDuty: true }),
    },
  }));
  await insertAlertEvents(tx, events);
  if (steps.every((s) => s.recipients.length === 0))
    console.warn(`[alerts] alert ${row.id} escalated but nobody is on duty (ward ${row.ward_id ?? "none"})`);
  return { id: row.id, steps };
}

async function announce(sql: Sql, done: Escalation[], actor: PersonRef | null, bus: EventBus): Promise<AlertView[]> {
  const views: AlertView[] = [];
  for (const e of done) {
    const alert = await loadAlertView(sql, e.id);
    if (!alert) continue;
    views.push(alert);
    bus.publish("alert:changed", { change: "escalated", alert, actor });
    for (const s of e.steps) {
      if (s.recipients.length)
        bus.publish("alert:notify", { notification: { alert, level: s.level, reason: "escalated" }, recipients: s.recipients });
    }
  }
  return views;
}

/** Escalates every active alert due at `now`; returns how many were escalated. */
export async function escalateDueAlerts(sql: Sql, now: Date, opts: EscalationOptions, batch = 50): Promise<number> {
  const done = await sql.transaction(async (tx) => {
    const due = await tx.query<ClaimRow>(
      `SELECT id, priority::text AS priority, ward_id, patient_id, escalation_level::int AS escalation_level, state::text AS state
         FROM alerts
        WHERE state = 'active' AND next_escalation_at <= $1
        ORDER BY next_escalation_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), batch],
    );
    const out: Escalation[] = [];
    for (const row of due) out.push(await escalateRow(tx, row, now, opts, { actorId: null, reason: null }));
    return out;
  });
  await announce(sql, done, null, opts.bus ?? eventBus());
  return done.length;
}

/** When the next escalation is due (null: none scheduled). */
export async function nextEscalationDue(sql: Sql): Promise<Date | null> {
  const rows = await sql.query<{ at: Date | string | null }>(`SELECT min(next_escalation_at) AS at FROM alerts WHERE state = 'active'`);
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/** A clinician escalates now (active or acknowledged alerts); at the top level it notifies that level again. */
export async function escalateAlert(
  p: Principal,
  alertId: string,
  opts: EscalationOptions & { reason?: string; meta?: RequestMeta; now?: Date },
): Promise<AlertView> {
  if (!ALERT_ROLES.includes(p.role)) throw new Refusal("forbidden", "only clinicians and biomedical engineering may change alerts");
  const { sql } = await getDatabase();
  const before = await findVisibleAlert(sql, p, alertId);
  if (before.state === "resolved") throw new Refusal("conflict", "the alert is already resolved");
  const at = opts.now ?? new Date();
  const done = await sql.transaction(async (tx) => {
    const rows = await tx.query<ClaimRow>(
      `SELECT id, priority::text AS priority, ward_id, patient_id, escalation_level::int AS escalation_level, state::text AS state
         FROM alerts WHERE id = $1 AND state <> 'resolved' FOR UPDATE`,
      [alertId],
    );
    const row = rows[0];
    return row ? [await escalateRow(tx, row, at, opts, { actorId: p.userId, reason: opts.reason ?? null })] : [];
  });
  if (done.length === 0) throw new Refusal("conflict", "the alert is already resolved");
  await recordAudit([
    { actor: p, action: "alert.escalate", patientId: before.patient_id, detail: { alertId, reason: opts.reason ?? null }, meta: opts.meta },
  ]);
  const [view] = await announce(sql, done, { id: p.userId, name: p.name }, opts.bus ?? eventBus());
  if (!view) throw new Refusal("not_found", "alert not found");
  return view;
}

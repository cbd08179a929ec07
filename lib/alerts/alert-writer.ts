// Stores the engine's transitions, then announces them. Raise: insert the alert (or, while an alert with
// that open key is still open and latched, mark its condition active again: never a duplicate) with
// its "raised" and level-0 "notified" trail entries; clear: mark the condition inactive and, if it was
// acknowledged or does not latch (a device's own technical condition: alert-policy latches), resolve it
// automatically. Only after the commit is "alert:changed" published, so no
// screen ever shows an alarm the database does not hold. Writes are serialised per open key and
// retried with back-off until they succeed, so a database outage delays an alarm but never loses it.
import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";
import type { EventBus } from "@/lib/bus/event-bus";
import { KeyedWriteQueue } from "@/lib/db/keyed-write-queue";
import type { AlertPriority, PersonRef } from "@/lib/events";
import { insertAlertEvents, loadAlertView } from "./alert-rows";
import { findRecipients } from "./alert-recipients";
import { escalationDelayMs, latches } from "./alert-policy";
import type { Finding } from "./rule-types";

export type AlertWriterDeps = {
  sql: Sql;
  bus: EventBus;
  now: () => number;
  escalationMs: Record<AlertPriority, number>;
  retryBaseMs?: number;
};

const AUTO_RESOLVE_REASON = "condition cleared after acknowledgement";
const NON_LATCHING_REASON = "technical condition cleared: the device is back";

export class AlertWriter {
  private readonly queue: KeyedWriteQueue;

  constructor(private readonly deps: AlertWriterDeps) {
    this.queue = new KeyedWriteQueue({ label: "alerts", sql: deps.sql, retryBaseMs: deps.retryBaseMs });
  }

  /** The alarm's time is when the engine decided, not when the write succeeds (after an outage). */
  raise(f: Finding): void {
    const at = new Date(this.deps.now());
    this.queue.enqueue(f.key, () => this.storeRaise(f, at), { raise: f.alarm, at });
  }

  clear(f: Finding): void {
    const at = new Date(this.deps.now());
    this.queue.enqueue(f.key, () => this.storeClear(f, at), { clear: f.alarm, at });
  }

  /** Resolves when every queued write has been stored. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  /** Stop retrying (shutdown); writes in flight still finish or fail once. */
  stop(): void {
    this.queue.stop();
  }

  private async storeRaise(f: Finding, at: Date): Promise<void> {
    const { sql, bus } = this.deps;
    const a = f.alarm;
    const nextEscalationAt = new Date(at.getTime() + escalationDelayMs(a, this.deps.escalationMs));
    const outcome = await sql.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; inserted: boolean }>(
        `INSERT INTO alerts (id, open_key, rule, priority, patient_id, device_id, ward_id, message, value, raised_at, next_escalation_at)
         VALUES ($1, $2, $3, $4::"AlertPriority", $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (open_key) DO UPDATE SET condition_active = true, value = EXCLUDED.value
          WHERE alerts.condition_active = false
         RETURNING id, (xmax = 0) AS inserted`,
        [
          crypto.randomUUID(),
          f.key,
          a.rule,
          a.priority,
          a.patientId,
          a.deviceId,
          a.wardId,
          a.message,
          a.value,
          at.toISOString(),
          nextEscalationAt.toISOString(),
        ],
      );
      const row = rows[0];
      if (!row) return null; // open with its condition already active: nothing new
      let recipients: PersonRef[] = [];
      if (row.inserted) {
        recipients = await findRecipients(tx, { wardId: a.wardId, patientId: a.patientId, rule: a.rule }, 0);
        await insertAlertEvents(tx, [
          {
            alertId: row.id,
            at,
            type: "raised",
            detail: { rule: a.rule, priority: a.priority, message: a.message, value: a.value, deviceId: a.deviceId },
          },
          { alertId: row.id, at, type: "notified", detail: { level: 0, recipients } },
        ]);
      } else {
        await insertAlertEvents(tx, [{ alertId: row.id, at, type: "condition_returned", detail: { value: a.value, message: a.message } }]);
      }
      return { id: row.id, inserted: row.inserted, recipients };
    });
    if (!outcome) return;
    const alert = await loadAlertView(sql, outcome.id);
    if (!alert) return;
    bus.publish("alert:changed", { change: outcome.inserted ? "raised" : "condition_returned", alert, actor: null });
    if (outcome.inserted && outcome.recipients.length > 0) {
      bus.publish("alert:notify", { notification: { alert, level: 0, reason: "raised" }, recipients: outcome.recipients });
    }
  }

  private async storeClear(f: Finding, at: Date): Promise<void> {
    const { sql, bus } = this.deps;
    const cleared = await sql.transaction(async (tx) => {
      // $4: the alarm latches; one that does not resolves at once, acknowledged or not.
      const rows = await tx.query<{ id: string; state: string; reason: string | null }>(
        `UPDATE alerts SET condition_active = false,
                state = CASE WHEN state = 'acknowledged' OR NOT $4 THEN 'resolved'::"AlertState" ELSE state END,
                resolved_at = CASE WHEN state = 'acknowledged' OR NOT $4 THEN $2::timestamptz ELSE resolved_at END,
                resolve_reason = CASE WHEN state = 'acknowledged' THEN $3 WHEN NOT $4 THEN $5 ELSE resolve_reason END,
                open_key = CASE WHEN state = 'acknowledged' OR NOT $4 THEN NULL ELSE open_key END
          WHERE open_key = $1 AND condition_active
          RETURNING id, state::text AS state, resolve_reason AS reason`,
        [f.key, at.toISOString(), AUTO_RESOLVE_REASON, latches(f.alarm.rule), NON_LATCHING_REASON],
      );
      const row = rows[0];
      if (!row) return null;
      const resolved = row.state === "resolved";
      const reason = row.reason ?? AUTO_RESOLVE_REASON;
      await insertAlertEvents(tx, [
        { alertId: row.id, at, type: "condition_cleared", detail: { value: f.alarm.value } },
        ...(resolved ? [{ alertId: row.id, at, type: "resolved" as const, detail: { reason, automatic: true } }] : []),
      ]);
      return { id: row.id, resolved };
    });
    if (!cleared) return;
    const alert = await loadAlertView(sql, cleared.id);
    if (!alert) return;
    bus.publish("alert:changed", { change: cleared.resolved ? "resolved" : "condition_cleared", alert, actor: null });
  }
}

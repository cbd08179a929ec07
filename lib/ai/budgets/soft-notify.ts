// Telling admins a budget reached its soft threshold, through the existing notification path: a low
// priority alert on no patient and no ward (rule "ai.budget_soft", latched, no escalation) with its
// "raised" and "notified" trail, published on the bus so each admin's own room gets "alert:notify".
// Called once per budget and period (settle marks the period first).
import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";
import { eventBus } from "@/lib/bus/event-bus";
import { loadAlertView } from "@/lib/alerts/alert-rows";
import { formatUsd } from "@/lib/ai/costs/money";
import type { SoftCrossing } from "./settle";

export const SOFT_THRESHOLD_RULE = "ai.budget_soft";

export async function notifySoftThreshold(sql: Sql, crossing: SoftCrossing, now = new Date()): Promise<string> {
  const message = `AI budget ${crossing.name} reached its soft threshold: ${formatUsd(crossing.spentNusd)} spent of ${formatUsd(crossing.hardNusd)} (soft ${formatUsd(crossing.softNusd)})`;
  const id = crypto.randomUUID();
  const recipients = await sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO alerts (id, open_key, rule, priority, patient_id, device_id, ward_id, message, value, raised_at, condition_active)
       VALUES ($1, NULL, $2, 'low'::"AlertPriority", NULL, NULL, NULL, $3, $4, $5, false)`,
      [id, SOFT_THRESHOLD_RULE, message, crossing.spentNusd / 1e9, now],
    );
    const admins = await tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE role = 'admin'::"Role" AND disabled_at IS NULL ORDER BY name, id`,
    );
    await tx.query(
      `INSERT INTO alert_events (alert_id, at, type, detail) VALUES ($1, $2, 'raised', $3::jsonb), ($1, $2, 'notified', $4::jsonb)`,
      [
        id,
        now,
        JSON.stringify({ rule: SOFT_THRESHOLD_RULE, priority: "low", message, budget: crossing.name }),
        JSON.stringify({ level: 0, recipients: admins }),
      ],
    );
    return admins;
  });
  const alert = await loadAlertView(sql, id);
  if (alert) {
    const bus = eventBus();
    bus.publish("alert:changed", { change: "raised", alert, actor: null });
    if (recipients.length) bus.publish("alert:notify", { notification: { alert, level: 0, reason: "raised" }, recipients });
  }
  return id;
}

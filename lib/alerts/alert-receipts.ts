// IHE ACM-style receipts for in-app recipients: "delivered" when a recipient's socket acknowledged the
// notification ("not_delivered" when none of their sockets did in time), and "read" when a client
// reports that the alert was displayed to its user (once per user and alert).
import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import type { EscalationLevel, PersonRef } from "@/lib/events";
import { insertAlertEvents } from "./alert-rows";
import { findVisibleAlert } from "./alert-queries";

export async function recordDeliveryReceipt(
  alertId: string,
  level: EscalationLevel,
  recipient: PersonRef,
  delivered: boolean,
  at = new Date(),
): Promise<void> {
  const { sql } = await getDatabase();
  await insertAlertEvents(sql, [
    { alertId, at, type: delivered ? "delivered" : "not_delivered", recipientId: recipient.id, detail: { level } },
  ]);
}

/** Records that the caller saw the alert; throws a Refusal outside the caller's scope. */
export async function recordAlertRead(p: Principal, alertId: string, at = new Date()): Promise<{ recorded: boolean }> {
  const { sql } = await getDatabase();
  await findVisibleAlert(sql, p, alertId);
  const rows = await sql.query(
    `INSERT INTO alert_events (alert_id, at, type, actor_id, recipient_id)
     SELECT $1, $2, 'read', $3, $3
      WHERE NOT EXISTS (SELECT 1 FROM alert_events WHERE alert_id = $1 AND type = 'read' AND actor_id = $3)
     RETURNING id`,
    [alertId, at.toISOString(), p.userId],
  );
  return { recorded: rows.length > 0 };
}

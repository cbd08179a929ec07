// Delivery receipts of the push and e-mail channels, in the alert's trail beside the in-app ones
// (lib/alerts/alert-receipts): "delivered" when the push service or the SMTP server accepted the message,
// "not_delivered" when it refused, failed or timed out, with detail {level, channel, reason?}. A receipt
// that cannot be written is logged, never thrown: receipts never stop a notification.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { EscalationLevel } from "@/lib/events";
import { insertAlertEvents } from "@/lib/alerts/alert-rows";

export type Channel = "push" | "email";

export type ChannelReceipt = {
  alertId: string;
  level: EscalationLevel;
  recipientId: string;
  channel: Channel;
  ok: boolean;
  reason?: string;
  /** Push: how many of the recipient's subscriptions took it, failed, or were dropped as gone. */
  counts?: { sent: number; failed: number; dropped: number };
};

export async function recordChannelReceipt(sql: Pick<Sql, "query">, r: ChannelReceipt, at = new Date()): Promise<void> {
  try {
    await insertAlertEvents(sql, [
      {
        alertId: r.alertId,
        at,
        type: r.ok ? "delivered" : "not_delivered",
        recipientId: r.recipientId,
        detail: { level: r.level, channel: r.channel, ...(r.reason ? { reason: r.reason } : {}), ...(r.counts ?? {}) },
      },
    ]);
  } catch (err) {
    console.error(`[notify] recording a ${r.channel} receipt failed:`, err instanceof Error ? err.message : err);
  }
}

// Sends one alert notification to its recipients over Web Push and e-mail (the in-app channel is
// lib/socket/alert-fanout). Each recipient's push subscriptions get the encrypted payload (TTL and urgency
// by priority; a subscription the push service calls gone is dropped); e-mail goes to recipients of an
// alert on a patient at home (ward alarms stay in-app: their staff are on the ward). Every send goes
// through the bounded DeliveryQueue and ends in exactly one receipt per recipient and channel.
import "server-only";
import type https from "node:https";
import type { Sql } from "@/lib/db/sql";
import type { AlertNotifyRequest } from "@/lib/events";
import { recordChannelReceipt, type Channel, type ChannelReceipt } from "./channel-receipts";
import type { DeliveryQueue } from "./delivery-queue";
import type { Mailer } from "./mail-sender";
import { composeMail, composePush, pushDelivery, type Audience } from "./notify-message";
import { sendPush } from "./push-sender";
import { dropSubscription, listSubscriptions, markSent, type StoredSubscription } from "./push-subscriptions";
import type { VapidKeys } from "./vapid-keys";

export type NotifyDeps = {
  sql: Sql;
  queue: DeliveryQueue;
  /** null: Web Push off. */
  push: { vapid: VapidKeys; subject: string; timeoutMs: number; agent?: https.Agent } | null;
  /** null: e-mail off (SMTP_URL unset). */
  mailer: Mailer | null;
  /** Absolute base of the links in e-mails. */
  baseUrl: string;
};

type RecipientRow = { id: string; email: string; role: string; patient_id: string | null };

/** Whether the alert is on a patient at home (no ward). */
export const isHomeAlert = (a: { patientId: string | null; wardId: string | null }) => a.patientId !== null && a.wardId === null;

async function loadRecipients(sql: Sql, ids: string[]): Promise<RecipientRow[]> {
  if (ids.length === 0) return [];
  return sql.query<RecipientRow>(
    `SELECT id, email, role::text AS role, patient_id FROM users WHERE id = ANY($1::text[]) AND disabled_at IS NULL`,
    [ids],
  );
}

/** Runs `send` on the queue; exactly one receipt, whether it finishes, fails, times out or is refused. */
function enqueueWithReceipt(
  deps: NotifyDeps,
  base: Omit<ChannelReceipt, "ok" | "reason" | "counts">,
  send: () => Promise<Pick<ChannelReceipt, "ok" | "reason" | "counts">>,
) {
  let settled = false;
  const record = (r: Pick<ChannelReceipt, "ok" | "reason" | "counts">) => {
    if (settled) return Promise.resolve();
    settled = true;
    return recordChannelReceipt(deps.sql, { ...base, ...r });
  };
  deps.queue.enqueue({
    run: async () => {
      let outcome: Pick<ChannelReceipt, "ok" | "reason" | "counts">;
      try {
        outcome = await send();
      } catch (err) {
        outcome = { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
      await record(outcome);
    },
    onDrop: (reason) => void record({ ok: false, reason }),
  });
}

async function pushToAll(deps: NotifyDeps, subs: StoredSubscription[], payload: string, delivery: ReturnType<typeof pushDelivery>) {
  const push = deps.push!;
  const counts = { sent: 0, failed: 0, dropped: 0 };
  const reasons: string[] = [];
  await Promise.all(
    subs.map(async (s) => {
      const out = await sendPush(s, payload, {
        vapid: push.vapid,
        subject: push.subject,
        timeoutMs: push.timeoutMs,
        agent: push.agent,
        ...delivery,
      });
      if (out.ok) {
        counts.sent++;
        await markSent(deps.sql, s.id, new Date());
      } else if (out.gone) {
        counts.dropped++;
        await dropSubscription(deps.sql, s.id);
      } else {
        counts.failed++;
        reasons.push(out.reason);
      }
    }),
  );
  const ok = counts.sent > 0;
  const reason = ok ? undefined : counts.dropped > 0 && counts.failed === 0 ? "subscription gone (dropped)" : reasons.join("; ");
  return { ok, reason, counts };
}

export async function dispatchNotification(deps: NotifyDeps, req: AlertNotifyRequest): Promise<void> {
  const { notification } = req;
  const { alert, level } = notification;
  const people = await loadRecipients(
    deps.sql,
    req.recipients.map((r) => r.id),
  );
  // A patient account only ever hears about its own record.
  const allowed = people.filter((u) => u.role !== "patient" || (u.patient_id !== null && u.patient_id === alert.patientId));
  const subs = deps.push
    ? await listSubscriptions(
        deps.sql,
        allowed.map((u) => u.id),
      )
    : [];
  const delivery = pushDelivery(alert.priority);
  for (const user of allowed) {
    const audience: Audience = user.role === "patient" ? "patient" : "clinician";
    const base = (channel: Channel) => ({ alertId: alert.id, level, recipientId: user.id, channel });
    const mine = subs.filter((s) => s.userId === user.id);
    if (deps.push && mine.length > 0) {
      const payload = JSON.stringify(composePush(notification, audience));
      enqueueWithReceipt(deps, base("push"), () => pushToAll(deps, mine, payload, delivery));
    }
    if (deps.mailer && isHomeAlert(alert) && user.email) {
      const mail = composeMail(notification, audience, deps.baseUrl);
      const mailer = deps.mailer;
      enqueueWithReceipt(deps, base("email"), async () => {
        await mailer.send({ to: user.email, ...mail });
        return { ok: true };
      });
    }
  }
}

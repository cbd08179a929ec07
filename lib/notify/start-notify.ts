// lib/notify owns alerts that reach people outside the app's pages: Web Push (the server's VAPID keys,
// browsers' subscriptions, the encrypted send), e-mail over SMTP, what each says (payload policy in
// notify-message.ts), the bounded delivery queue and the push and e-mail receipts in the alert's trail.
// This file starts it: it listens to "alert:notify" on the bus (raise and escalation, published by the
// alerting node after the commit) and hands each notification to dispatchNotification, never blocking
// the alarm path. The in-app channel (Socket.IO) is lib/socket/alert-fanout.
import "server-only";
import type https from "node:https";
import { env } from "@/lib/env";
import { getDatabase } from "@/lib/db/database";
import { eventBus, type EventBus } from "@/lib/bus/event-bus";
import { DeliveryQueue } from "./delivery-queue";
import { dispatchNotification, type NotifyDeps } from "./dispatch-notification";
import { createMailer } from "./mail-sender";
import { ensureVapidKeys } from "./vapid-keys";

export type NotifyOptions = {
  bus?: EventBus;
  smtpUrl?: string | null;
  smtpFrom?: string;
  baseUrl?: string;
  vapidSubject?: string;
  concurrency?: number;
  maxQueued?: number;
  timeoutMs?: number;
  /** Tests: trust a local push service's certificate. */
  pushAgent?: https.Agent;
  log?: (message: string) => void;
};

export type Notify = { drain(): Promise<void>; stop(): Promise<void>; channels: { push: boolean; email: boolean } };

function mailAddress(from: string): string | null {
  return /<([^>]+)>/.exec(from)?.[1] ?? (from.includes("@") ? from.trim() : null);
}

export async function startNotify(opts: NotifyOptions = {}): Promise<Notify> {
  const e = env();
  const { sql } = await getDatabase();
  const bus = opts.bus ?? eventBus();
  const baseUrl = opts.baseUrl ?? e.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  const smtpUrl = opts.smtpUrl === undefined ? (e.SMTP_URL ?? null) : opts.smtpUrl;
  const smtpFrom = opts.smtpFrom ?? e.SMTP_FROM;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const from = mailAddress(smtpFrom);
  const subject =
    opts.vapidSubject ?? e.VAPID_SUBJECT ?? (baseUrl.startsWith("https://") ? baseUrl : `mailto:${from ?? "alerts@localhost"}`);
  const mailer = smtpUrl ? createMailer(smtpUrl, smtpFrom, timeoutMs) : null;
  const queue = new DeliveryQueue({ concurrency: opts.concurrency ?? 8, maxQueued: opts.maxQueued ?? 5_000, timeoutMs: timeoutMs + 5_000 });
  const deps: NotifyDeps = {
    sql,
    queue,
    push: { vapid: await ensureVapidKeys(sql), subject, timeoutMs, agent: opts.pushAgent },
    mailer,
    baseUrl,
  };
  (opts.log ?? console.log)(
    `[notify] alert notifications: in-app, Web Push, e-mail ${mailer ? `on (SMTP to ${new URL(smtpUrl!).host})` : "off (SMTP_URL unset)"}`,
  );
  const inFlight = new Set<Promise<void>>();
  const off = bus.subscribe("alert:notify", (req) => {
    const p = dispatchNotification(deps, req)
      .catch((err: Error) => console.error("[notify] dispatching a notification failed:", err.message))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  });
  const drain = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
    await queue.drain();
  };
  return {
    channels: { push: true, email: !!mailer },
    drain,
    async stop() {
      off();
      await Promise.race([drain(), new Promise((r) => setTimeout(r, 5_000).unref())]);
      mailer?.close();
    },
  };
}

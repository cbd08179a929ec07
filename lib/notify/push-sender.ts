// Sends one Web Push message (RFC 8030, payload encrypted aes128gcm per RFC 8291, VAPID per RFC 8292)
// through web-push, with a TTL, an urgency and a timeout. The outcome says whether the push service took
// it, and whether the subscription is gone (404 or 410: the browser unsubscribed or the push service
// expired it), in which case the caller drops it.
import "server-only";
import type https from "node:https";
import webpush from "web-push";
import type { VapidKeys } from "./vapid-keys";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

export type PushOptions = {
  vapid: VapidKeys;
  /** VAPID `sub`: a mailto: or https: contact for the push service. */
  subject: string;
  /** Seconds the push service keeps the message for an offline browser. */
  ttlSeconds: number;
  urgency: "very-low" | "low" | "normal" | "high";
  timeoutMs: number;
  /** Tests: an agent that trusts a local push service's certificate. */
  agent?: https.Agent;
};

export type PushOutcome = { ok: true; status: number } | { ok: false; status: number | null; gone: boolean; reason: string };

export async function sendPush(target: PushTarget, payload: string, opts: PushOptions): Promise<PushOutcome> {
  try {
    const res = await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
      vapidDetails: { subject: opts.subject, publicKey: opts.vapid.publicKey, privateKey: opts.vapid.privateKey },
      TTL: opts.ttlSeconds,
      urgency: opts.urgency,
      timeout: opts.timeoutMs,
      contentEncoding: "aes128gcm",
      ...(opts.agent ? { agent: opts.agent } : {}),
    });
    return { ok: true, status: res.statusCode };
  } catch (err) {
    if (err instanceof webpush.WebPushError) {
      const gone = err.statusCode === 404 || err.statusCode === 410;
      return { ok: false, status: err.statusCode, gone, reason: `push service answered ${err.statusCode}` };
    }
    return { ok: false, status: null, gone: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

"use server";
// Server functions of the "alerts on this device" switch: the VAPID public key to subscribe with, and
// saving or removing this browser's Web Push subscription for the signed-in user (any role). The REST
// twins are /api/v1/me/push-subscriptions(/vapid-key).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { getDatabase } from "@/lib/db/database";
import { ensureVapidKeys } from "@/lib/notify/vapid-keys";
import { pushSubscriptionSchema, removeSubscription, saveSubscription } from "@/lib/notify/push-subscriptions";

export const loadVapidKeyAction = safeAction({ kind: "read", input: z.object({}) }, async () => {
  const { sql } = await getDatabase();
  return { publicKey: (await ensureVapidKeys(sql)).publicKey };
});

export const savePushSubscriptionAction = safeAction({ input: pushSubscriptionSchema }, async ({ principal, input, meta }) => {
  const { sql } = await getDatabase();
  return saveSubscription(sql, principal.userId, input, meta.userAgent);
});

export const removePushSubscriptionAction = safeAction(
  { input: z.object({ endpoint: z.string().min(1).max(2048) }) },
  async ({ principal, input }) => {
    const { sql } = await getDatabase();
    return { removed: await removeSubscription(sql, principal.userId, input.endpoint) };
  },
);

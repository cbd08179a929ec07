import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { getDatabase } from "@/lib/db/database";
import { pushSubscriptionSchema, removeSubscription, saveSubscription } from "@/lib/notify/push-subscriptions";

export const dynamic = "force-dynamic";

/** POST a standard PushSubscription JSON {endpoint, keys: {p256dh, auth}} → 201 {id}: this browser gets the caller's alert pushes. */
export const POST = apiRoute({ body: pushSubscriptionSchema, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const { sql } = await getDatabase();
  return Response.json(await saveSubscription(sql, principal.userId, body, meta.userAgent), { status: 201 });
});

/** DELETE {endpoint} → {removed}: the caller's subscription for that browser is gone. */
export const DELETE = apiRoute(
  { body: z.object({ endpoint: z.string({ error: "must be the subscription's endpoint URL" }).min(1).max(2048) }), fieldsIn: "body" },
  async ({ principal, body }) => {
    const { sql } = await getDatabase();
    return { removed: await removeSubscription(sql, principal.userId, body.endpoint) };
  },
);

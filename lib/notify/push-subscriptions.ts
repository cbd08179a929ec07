// A user's Web Push subscriptions (one per browser): the standard PushSubscription JSON checked with zod
// (the endpoint must be https on a known push service, PUSH_SERVICE_HOSTS: the server POSTs to it), stored
// by endpoint (a browser that subscribes again under another account moves to that account),
// removed by its owner or when the push service says it is gone (404, 410).
import "server-only";
import { z } from "zod";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";

/** Whether the endpoint's host is one of PUSH_SERVICE_HOSTS or under one of them. */
export function isPushServiceUrl(endpoint: string, hosts = env().PUSH_SERVICE_HOSTS): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
    .some((h) => host === h || host.endsWith(`.${h}`));
}

const base64url = (bytes: number, what: string) =>
  z
    .string({ error: `must be the ${what} (base64url)` })
    .regex(/^[A-Za-z0-9_-]+=*$/, `must be the ${what} (base64url)`)
    .refine((s) => Buffer.from(s, "base64url").length === bytes, `must be the ${what} (${bytes} bytes, base64url)`);

export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string({ error: "must be the push service URL" })
    .max(2048, "must be at most 2048 characters")
    .url("must be the push service URL")
    .refine((u) => u.startsWith("https://"), "must be an https:// URL")
    .refine((u) => isPushServiceUrl(u), "must be on a known Web Push service (PUSH_SERVICE_HOSTS)"),
  expirationTime: z.number().nullable().optional(),
  keys: z.object(
    {
      p256dh: base64url(65, "browser's P-256 public key"),
      auth: base64url(16, "authentication secret"),
    },
    { error: "must be {p256dh, auth}" },
  ),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export type StoredSubscription = { id: string; userId: string; endpoint: string; p256dh: string; auth: string };

type Row = { id: string; user_id: string; endpoint: string; p256dh: string; auth: string };
const toStored = (r: Row): StoredSubscription => ({ id: r.id, userId: r.user_id, endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth });

export async function saveSubscription(
  sql: Pick<Sql, "query">,
  userId: string,
  sub: PushSubscriptionInput,
  userAgent: string | null,
): Promise<{ id: string }> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5)
     ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
            user_agent = EXCLUDED.user_agent
     RETURNING id`,
    [userId, sub.endpoint, sub.keys.p256dh, sub.keys.auth, userAgent?.slice(0, 300) ?? null],
  );
  return { id: rows[0]!.id };
}

/** Removes the caller's subscription with that endpoint; whether one was removed. */
export async function removeSubscription(sql: Pick<Sql, "query">, userId: string, endpoint: string): Promise<boolean> {
  const rows = await sql.query(`DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2 RETURNING id`, [userId, endpoint]);
  return rows.length > 0;
}

export async function listSubscriptions(sql: Pick<Sql, "query">, userIds: readonly string[]): Promise<StoredSubscription[]> {
  if (userIds.length === 0) return [];
  const rows = await sql.query<Row>(
    `SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ANY($1::text[]) ORDER BY created_at, id`,
    [userIds],
  );
  return rows.map(toStored);
}

export async function countSubscriptions(sql: Pick<Sql, "query">, userId: string): Promise<number> {
  const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1`, [userId]);
  return Number(rows[0]?.n ?? 0);
}

/** The push service said the subscription is gone (404, 410). */
export async function dropSubscription(sql: Pick<Sql, "query">, id: string): Promise<void> {
  await sql.query(`DELETE FROM push_subscriptions WHERE id = $1`, [id]);
}

export async function markSent(sql: Pick<Sql, "query">, id: string, at: Date): Promise<void> {
  await sql.query(`UPDATE push_subscriptions SET last_sent_at = $2 WHERE id = $1`, [id, at.toISOString()]);
}

// The server's VAPID key pair for Web Push (RFC 8292): generated at first start (web-push), kept in
// server_keys with the private key sealed by lib/auth/secret-box. Several app nodes agree on one pair
// (INSERT … ON CONFLICT DO NOTHING, then read back). A pair whose private key can no longer be opened (the
// session key changed) is replaced, and the subscriptions made for the old public key are dropped.
import "server-only";
import webpush from "web-push";
import type { Sql } from "@/lib/db/sql";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";

export type VapidKeys = { publicKey: string; privateKey: string };

const NAME = "vapid";
const PURPOSE = "vapid-private-key";

type KeyRow = { public_key: string; sealed_key: string };

async function readKeys(sql: Pick<Sql, "query">): Promise<KeyRow | null> {
  const rows = await sql.query<KeyRow>(`SELECT public_key, sealed_key FROM server_keys WHERE name = $1`, [NAME]);
  return rows[0] ?? null;
}

/** The VAPID keys, created at the first call; the private key never leaves the server. */
export async function ensureVapidKeys(sql: Sql): Promise<VapidKeys> {
  const existing = await readKeys(sql);
  const opened = existing ? openSecret(existing.sealed_key, PURPOSE) : null;
  if (existing && opened) return { publicKey: existing.public_key, privateKey: opened };
  const fresh = webpush.generateVAPIDKeys();
  const sealed = sealSecret(fresh.privateKey, PURPOSE);
  if (existing) {
    console.warn("[notify] the VAPID private key cannot be opened (session key changed): new keys, browsers subscribe again");
    await sql.transaction(async (tx) => {
      await tx.query(`UPDATE server_keys SET public_key = $2, sealed_key = $3, created_at = now() WHERE name = $1`, [
        NAME,
        fresh.publicKey,
        sealed,
      ]);
      await tx.query(`DELETE FROM push_subscriptions`);
    });
    return fresh;
  }
  await sql.query(`INSERT INTO server_keys (name, public_key, sealed_key) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
    NAME,
    fresh.publicKey,
    sealed,
  ]);
  const stored = await readKeys(sql);
  const privateKey = stored ? openSecret(stored.sealed_key, PURPOSE) : null;
  if (!stored || !privateKey) throw new Error("the VAPID keys could not be stored");
  return { publicKey: stored.public_key, privateKey };
}

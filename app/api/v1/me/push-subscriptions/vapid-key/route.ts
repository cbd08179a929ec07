import { apiRoute } from "@/lib/http/api-route";
import { getDatabase } from "@/lib/db/database";
import { ensureVapidKeys } from "@/lib/notify/vapid-keys";

export const dynamic = "force-dynamic";

/** GET → {publicKey}: the server's VAPID public key (base64url), the applicationServerKey to subscribe with. */
export const GET = apiRoute({}, async () => {
  const { sql } = await getDatabase();
  return { publicKey: (await ensureVapidKeys(sql)).publicKey };
});

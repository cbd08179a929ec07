// Re-checks a caller already authenticated on a long-lived connection (Socket.IO): the session or token it
// came with must still be open, the account enabled, and role, wards and patient link are read afresh.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { loadPrincipal } from "./load-principal";
import type { Principal } from "./principal";
import { checkSession } from "./user-sessions";

/** The caller as of now, or null when its credential ended or the account is disabled. */
export async function recheckPrincipal(p: Principal, opts: { activity?: boolean } = {}): Promise<Principal | null> {
  const credential = { sessionId: p.sessionId, authAt: p.authAt, tokenId: p.tokenId };
  if (p.sessionId) {
    const check = await checkSession(p.sessionId, Date.now(), opts);
    if (!check.ok) return null;
    credential.authAt = check.session.authAt;
  }
  if (p.tokenId) {
    const prisma = await getPrisma();
    const token = await prisma.apiToken.findUnique({ where: { id: p.tokenId }, select: { revokedAt: true } });
    if (!token || token.revokedAt) return null;
  }
  return loadPrincipal(p.userId, p.via, credential);
}

// A new session id after re-authentication (ASVS 7.2.4): the confirmed user gets a fresh server-side
// session and cookie, and the old session ends (its copies are dead too).
import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import type { RequestMeta } from "@/lib/audit/record-audit";
import { authSecret } from "./auth-secret";
import { SESSION_COOKIES, secureSessionCookies } from "./session-cookie";
import { getPrisma } from "@/lib/db/database";
import { createSession, sessionMaxAgeMs } from "./user-sessions";
import type { Principal } from "./principal";

export async function rotateSession(principal: Principal, meta: RequestMeta): Promise<void> {
  if (!principal.sessionId) return;
  const fresh = await createSession(principal.userId, meta);
  const jar = await cookies();
  const secure = secureSessionCookies();
  const name = SESSION_COOKIES.find((n) => jar.get(n)) ?? (secure ? SESSION_COOKIES[0]! : "next-auth.session-token");
  const maxAge = Math.round(sessionMaxAgeMs() / 1000);
  const jwt = await encode({
    token: { sub: principal.userId, sid: fresh.id, email: principal.email, name: principal.name },
    secret: authSecret(),
    maxAge,
  });
  jar.set(name, jwt, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__"), maxAge });
  // Ended without the live-connection event: this tab's socket would drop before the new cookie arrives;
  // the sweep (lib/socket/socket-access) drops the old session's sockets within 30 s, when the tab has it.
  const prisma = await getPrisma();
  await prisma.userSession.updateMany({
    where: { id: principal.sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: "reauthenticated" },
  });
}

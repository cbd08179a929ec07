// Reads the next-auth session from a Cookie header (pages, server actions, route handlers and Socket.IO
// handshakes), so every entry point authenticates a browser session the same way: the JWT must decode,
// carry a session id (`sid`) and that session must still be open (lib/auth/user-sessions).
import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { loadPrincipal } from "./load-principal";
import { checkSession } from "./user-sessions";
import type { Principal } from "./principal";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export type SessionIdentity = { principal: Principal; expiresAt: number | null };

export async function principalFromCookieHeader(cookieHeader: string | null | undefined): Promise<SessionIdentity | null> {
  for (const name of SESSION_COOKIES) {
    const cookie = readCookie(cookieHeader, name);
    if (!cookie) continue;
    const jwt = await decode({ token: cookie, secret: authSecret() }).catch(() => null);
    if (!jwt?.sub || typeof jwt.sid !== "string" || (typeof jwt.exp === "number" && jwt.exp * 1000 < Date.now())) return null;
    const check = await checkSession(jwt.sid);
    if (!check.ok || check.session.userId !== jwt.sub) return null;
    const principal = await loadPrincipal(jwt.sub, "session", { sessionId: check.session.id, authAt: check.session.authAt });
    return principal ? { principal, expiresAt: check.session.expiresAt } : null;
  }
  return null;
}

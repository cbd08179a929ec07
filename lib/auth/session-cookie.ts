// Reads the next-auth session from a Cookie header (pages, server actions, route handlers and Socket.IO
// handshakes), so every entry point authenticates a browser session the same way: the JWT must decode,
// carry a session id (`sid`) and that session must still be open (lib/auth/user-sessions).
import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { loadPrincipal } from "./load-principal";
import { checkSession } from "./user-sessions";
import type { Principal } from "./principal";

/** `__Host-` on HTTPS (ASVS 3.3.3: secure, host-only, path /), the plain name on HTTP; `__Secure-` is next-auth's default. */
export const SESSION_COOKIES = ["__Host-next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token"];

/** Whether the app is served over HTTPS (next-auth's NEXTAUTH_URL, set by server.ts): cookies are then Secure. */
export function secureSessionCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

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
    // The user is read beside the session check (not after it): both are keyed by the token, and the
    // user's record is used only when the session is valid and belongs to them.
    const [check, user] = await Promise.all([checkSession(jwt.sid), loadPrincipal(jwt.sub, "session")]);
    if (!check.ok || check.session.userId !== jwt.sub || !user) return null;
    return { principal: { ...user, sessionId: check.session.id, authAt: check.session.authAt }, expiresAt: check.session.expiresAt };
  }
  return null;
}

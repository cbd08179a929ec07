// Reads the next-auth session from a Cookie header (route handlers and Socket.IO handshakes), so both
// entry points authenticate a browser session the same way.
import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { loadPrincipal } from "./load-principal";
import type { Principal } from "./principal";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export type SessionIdentity = { principal: Principal; expiresAt: number | null };

export async function principalFromCookieHeader(cookieHeader: string | null | undefined): Promise<SessionIdentity | null> {
  for (const name of SESSION_COOKIES) {
    const cookie = readCookie(cookieHeader, name);
    if (!cookie) continue;
    const jwt = await decode({ token: cookie, secret: authSecret() }).catch(() => null);
    if (!jwt?.sub || (typeof jwt.exp === "number" && jwt.exp * 1000 < Date.now())) return null;
    const principal = await loadPrincipal(jwt.sub, "session");
    return principal ? { principal, expiresAt: typeof jwt.exp === "number" ? jwt.exp * 1000 : null } : null;
  }
  return null;
}

// Authenticates a Socket.IO connection: `auth: { token }` (personal API token) or the next-auth
// session cookie sent with the handshake.
import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/auth-secret";
import { loadPrincipal, principalFromApiToken } from "@/lib/auth/load-principal";
import type { Principal } from "@/lib/auth/principal";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export type SocketIdentity = { principal: Principal; expiresAt: number | null };

export async function authenticateSocket(handshake: { auth: Record<string, unknown>; headers: { cookie?: string } }): Promise<SocketIdentity | null> {
  const token = handshake.auth?.token;
  if (typeof token === "string" && token) {
    const principal = await principalFromApiToken(token);
    return principal ? { principal, expiresAt: null } : null;
  }
  for (const name of SESSION_COOKIES) {
    const cookie = readCookie(handshake.headers.cookie, name);
    if (!cookie) continue;
    const jwt = await decode({ token: cookie, secret: authSecret() }).catch(() => null);
    if (!jwt?.sub) return null;
    const principal = await loadPrincipal(jwt.sub, "session");
    return principal ? { principal, expiresAt: typeof jwt.exp === "number" ? jwt.exp * 1000 : null } : null;
  }
  return null;
}

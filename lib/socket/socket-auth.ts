// Authenticates a Socket.IO connection: `auth: { token }` (personal API token) or the next-auth
// session cookie sent with the handshake.
import "server-only";
import { principalFromApiToken } from "@/lib/auth/load-principal";
import { principalFromCookieHeader, type SessionIdentity } from "@/lib/auth/session-cookie";

export async function authenticateSocket(handshake: {
  auth: Record<string, unknown>;
  headers: { cookie?: string };
}): Promise<SessionIdentity | null> {
  const token = handshake.auth?.token;
  if (typeof token === "string" && token) {
    const principal = await principalFromApiToken(token);
    return principal ? { principal, expiresAt: null } : null;
  }
  return principalFromCookieHeader(handshake.headers.cookie);
}

// The caller: for pages and server actions, the next-auth session; for route handlers, a personal API
// token when the request carries `Authorization: Bearer`, otherwise the session cookie.
import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { bearerToken, loadPrincipal, principalFromApiToken } from "./load-principal";
import { principalFromCookieHeader } from "./session-cookie";
import type { Principal } from "./principal";

export async function principalFromSession(): Promise<Principal | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadPrincipal(id, "session") : null;
}

export async function currentPrincipal(headers: Headers): Promise<Principal | null> {
  const token = bearerToken(headers.get("authorization"));
  if (token) return principalFromApiToken(token);
  return (await principalFromCookieHeader(headers.get("cookie")))?.principal ?? null;
}

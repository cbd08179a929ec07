// The caller: for pages and server actions, the browser session; for route handlers, a personal API
// token when the request carries `Authorization: Bearer`, otherwise the session cookie. Either way the
// session is checked against the sessions table (lib/auth/user-sessions) on every request.
import "server-only";
import { headers } from "next/headers";
import { bearerToken, principalFromApiToken } from "./load-principal";
import { principalFromCookieHeader } from "./session-cookie";
import type { Principal } from "./principal";

export async function principalFromSession(): Promise<Principal | null> {
  const h = await headers();
  return (await principalFromCookieHeader(h.get("cookie")))?.principal ?? null;
}

export async function currentPrincipal(headers: Headers): Promise<Principal | null> {
  const token = bearerToken(headers.get("authorization"));
  if (token) return principalFromApiToken(token);
  return (await principalFromCookieHeader(headers.get("cookie")))?.principal ?? null;
}

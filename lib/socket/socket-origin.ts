// Cross-site WebSocket hijacking guard (ASVS V3.5 / V17): a browser connection must come from the app's own
// origin (the Origin's host equals the Host it connected to) or an origin listed in SOCKET_ORIGINS.
// Non-browser clients send no Origin and authenticate with a token.
import "server-only";
import type http from "node:http";
import { env } from "@/lib/env";

export function parseOrigins(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, "").toLowerCase())
    .filter(Boolean);
}

export function originAllowed(origin: string | undefined, host: string | undefined, extra: readonly string[]): boolean {
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true;
  return extra.includes(url.origin.toLowerCase());
}

/** Socket.IO `allowRequest`: refuses a handshake from a foreign origin. */
export function checkSocketOrigin(req: http.IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void {
  const ok = originAllowed(req.headers.origin, req.headers.host, parseOrigins(env().SOCKET_ORIGINS));
  callback(ok ? null : "origin not allowed", ok);
}

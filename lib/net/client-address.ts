// lib/net owns what the platform believes about where a request comes from: the client IP and whether it
// arrived over TLS. X-Forwarded-For and X-Forwarded-Proto are believed only from a configured trusted
// proxy (TRUSTED_PROXIES); otherwise the socket's own address counts. server.ts stamps the result on each
// request (headers below, overwriting whatever a client sent), and audit, login throttling and the
// security headers read only those stamps.
import "server-only";
import net from "node:net";
import type http from "node:http";
import type tls from "node:tls";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER } from "./request-stamps";

export { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER };

function normalize(ip: string): string {
  const trimmed = ip.trim().replace(/^\[|\]$/g, "");
  return trimmed.startsWith("::ffff:") && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

/** A BlockList of the trusted proxies ("10.0.0.1, 10.1.0.0/16, ::1"); throws on an entry that is neither. */
export function parseTrustedProxies(list: string | undefined): net.BlockList {
  const bl = new net.BlockList();
  for (const raw of (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bits] = raw.split("/");
    const ip = normalize(addr ?? "");
    const family = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null;
    if (!family) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR`);
    if (bits === undefined) bl.addAddress(ip, family);
    else bl.addSubnet(ip, Number(bits), family);
  }
  return bl;
}

function isTrusted(bl: net.BlockList | null, ip: string): boolean {
  if (!bl) return false;
  const n = normalize(ip);
  const family = net.isIPv4(n) ? "ipv4" : net.isIPv6(n) ? "ipv6" : null;
  return family !== null && bl.check(n, family);
}

function header(h: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. The scheme likewise: TLS on our socket, or a
 * trusted proxy's X-Forwarded-Proto.
 */
export function resolveClientAddress(
  remoteAddress: string | undefined,
  headers: http.IncomingHttpHeaders,
  encrypted: boolean,
  trusted: net.BlockList | null,
): { ip: string | null; proto: "http" | "https" } {
  const peer = remoteAddress ? normalize(remoteAddress) : null;
  if (!peer || !isTrusted(trusted, peer)) return { ip: peer, proto: encrypted ? "https" : "http" };
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let ip = peer;
  while (hops.length) {
    const hop = normalize(hops.pop()!);
    if (!net.isIP(hop)) break;
    ip = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  const forwardedProto = header(headers, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return { ip, proto: encrypted || forwardedProto === "https" ? "https" : "http" };
}

/** The trusted proxies, or null when there are none: then no address needs checking against the list
 *  (a BlockList check builds a SocketAddress, on every request). */
let trustedCache: { source: string | undefined; list: net.BlockList | null } | undefined;
function trustedProxies(): net.BlockList | null {
  const source = env().TRUSTED_PROXIES;
  if (!trustedCache || trustedCache.source !== source) {
    const list = parseTrustedProxies(source);
    trustedCache = { source, list: list.rules.length ? list : null };
  }
  return trustedCache.list;
}

/** Stamps the resolved client IP and scheme on an incoming request (server.ts, before Next sees it). */
export function stampClientAddress<R extends http.IncomingMessage>(req: R): R {
  const socket = req.socket as tls.TLSSocket;
  const { ip, proto } = resolveClientAddress(socket.remoteAddress, req.headers, socket.encrypted === true, trustedProxies());
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
  req.headers[CLIENT_PROTO_HEADER] = proto;
  return req;
}

/** The client address of a Socket.IO handshake (same rules). */
export function handshakeClientIp(address: string | undefined, headers: http.IncomingHttpHeaders): string | null {
  return resolveClientAddress(address, headers, false, trustedProxies()).ip;
}

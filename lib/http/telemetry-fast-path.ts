// The server's direct path for device telemetry (POST /api/v1/devices/{id}/telemetry): answered before
// Next, which costs far more per request than the ingest itself (routing, the proxy, request and
// response objects). Same authentication, validation and answers as the Next route
// (answerDeviceRequest + acceptedTelemetry), and proxy.ts's security headers (a stricter CSP). Concurrent
// requests meet in the group-commit writer (lib/store/observation-writer), so each request's rows go
// out in one batched insert with the others' and the request is answered once that batch is committed.
// Device credentials come from the device directory's cache, which drops an entry on the bus's
// device:changed (revoke, rotate), so a revoked or rotated secret is refused on the next request.
import "server-only";
import type http from "node:http";
import { CLIENT_PROTO_HEADER } from "@/lib/net/request-stamps";
import { answerDeviceRequest } from "./device-route";
import { readNodeBodyWithLimit } from "./read-node-body";
import { securityHeaders } from "./security-headers";
import { acceptedTelemetry } from "./telemetry-answer";

const TELEMETRY_PATH = /^\/api\/v1\/devices\/([^/?#]+)\/telemetry(?:\?.*)?$/;

/** The device id of a telemetry POST, or null for any other request (left to Next). */
export function telemetryDeviceId(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST") return null;
  const m = TELEMETRY_PATH.exec(url ?? "");
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null; // a malformed escape: Next answers it
  }
}

/**
 * The security headers of proxy.ts and the content type, built once per transport as the flat
 * [name, value, …] list writeHead takes. An answer here is JSON and never a document, so its policy is
 * the strictest one (nothing may load, nothing may frame it) and needs no per-request script nonce.
 */
const answerHeaders = new Map<boolean, readonly string[]>();
function headersFor(req: http.IncomingMessage): readonly string[] {
  const tls = req.headers[CLIENT_PROTO_HEADER] === "https";
  let h = answerHeaders.get(tls);
  if (!h) {
    const named = { ...securityHeaders("", { dev: false, tls }), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };
    h = [...Object.entries(named).flat(), "content-type", "application/json"];
    answerHeaders.set(tls, h);
  }
  return h;
}

/** Sets a header in a flat [name, value, …] list: replaces one of the same name (any case), else adds it. */
function setHeader(headers: string[], name: string, value: string): void {
  const lower = name.toLowerCase();
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i]!.toLowerCase() === lower) {
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}

function sendJson(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: string, extra?: Headers): void {
  const headers = headersFor(req).slice();
  // A refusal's own headers (its content type, Retry-After, WWW-Authenticate) replace or join the prebuilt ones.
  extra?.forEach((value, name) => setHeader(headers, name, value));
  headers.push("content-length", String(Buffer.byteLength(body)));
  res.writeHead(status, headers).end(body);
}

/**
 * Answers a telemetry POST and returns true; returns false for every other request. Call it with the
 * request already stamped (lib/net/client-address), before handing the request to Next.
 */
export function serveTelemetryDirect(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const deviceId = telemetryDeviceId(req.method, req.url);
  if (deviceId === null) return false;
  const authorization = req.headers.authorization ?? null;
  answerDeviceRequest(deviceId, authorization, (limit) => readNodeBodyWithLimit(req, limit), acceptedTelemetry)
    .then(async (answer) => {
      if (!(answer instanceof Response)) return sendJson(req, res, 202, JSON.stringify(answer));
      sendJson(req, res, answer.status, await answer.text(), answer.headers);
    })
    .catch((err: Error) => {
      console.error(`[ingest] HTTP telemetry for ${deviceId} failed:`, err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  return true;
}

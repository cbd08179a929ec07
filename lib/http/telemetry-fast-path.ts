// The server's direct path for device telemetry (POST /api/v1/devices/{id}/telemetry): answered before
// Next, which costs far more per request than the ingest itself (routing, the proxy, request and
// response objects). Same authentication, validation and answers as the Next route
// (answerDeviceRequest + answerTelemetry), and the same security headers as proxy.ts sets. Concurrent
// requests meet in the group-commit writer (lib/store/observation-writer), so each request's rows go
// out in one batched insert with the others' and the request is answered once that batch is committed.
// Device credentials come from the device directory's cache, which drops an entry on the bus's
// device:changed (revoke, rotate), so a revoked or rotated secret is refused on the next request.
import "server-only";
import type http from "node:http";
import { CLIENT_PROTO_HEADER } from "@/lib/net/request-stamps";
import { answerDeviceRequest } from "./device-route";
import { readNodeBodyWithLimit } from "./read-node-body";
import { newNonce, securityHeaders } from "./security-headers";
import { answerTelemetry } from "./telemetry-answer";

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

async function send(req: http.IncomingMessage, res: http.ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string> = securityHeaders(newNonce(), {
    dev: process.env.NODE_ENV === "development",
    tls: req.headers[CLIENT_PROTO_HEADER] === "https",
  });
  answer.headers.forEach((value, name) => (headers[name] = value));
  headers["content-length"] = String(body.length);
  res.writeHead(answer.status, headers).end(body);
}

/**
 * Answers a telemetry POST and returns true; returns false for every other request. Call it with the
 * request already stamped (lib/net/client-address), before handing the request to Next.
 */
export function serveTelemetryDirect(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const deviceId = telemetryDeviceId(req.method, req.url);
  if (deviceId === null) return false;
  const authorization = req.headers.authorization ?? null;
  answerDeviceRequest(deviceId, authorization, (limit) => readNodeBodyWithLimit(req, limit), answerTelemetry)
    .then((answer) => send(req, res, answer))
    .catch((err: Error) => {
      console.error(`[ingest] HTTP telemetry for ${deviceId} failed:`, err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  return true;
}

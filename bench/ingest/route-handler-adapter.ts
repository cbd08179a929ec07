// The baseline of the in-process HTTP scenario: the telemetry route's Next handler (as under `next dev`)
// called from a plain Node server, with the NextRequest and Response objects Next would use, but
// without Next's routing and proxy. Served under ROUTE_HANDLER_PREFIX beside the direct path.
import "server-only";
import type http from "node:http";
import { NextRequest } from "next/server";
import { POST as postTelemetry } from "@/app/api/v1/devices/[deviceId]/telemetry/route";

export const ROUTE_HANDLER_PREFIX = "/next-route-handler";
const TELEMETRY_PATH = /^\/next-route-handler\/api\/v1\/devices\/([^/]+)\/telemetry$/;

/** Answers a telemetry POST under ROUTE_HANDLER_PREFIX through the route handler; false for anything else. */
export function serveThroughRouteHandler(req: http.IncomingMessage, res: http.ServerResponse, base: string): boolean {
  const m = req.method === "POST" ? TELEMETRY_PATH.exec(req.url ?? "") : null;
  if (!m) return false;
  void (async () => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new NextRequest(`${base}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    const response = await postTelemetry(request, { params: Promise.resolve({ deviceId: decodeURIComponent(m[1]!) }) });
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
  })().catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
  return true;
}

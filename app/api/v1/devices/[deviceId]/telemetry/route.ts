// Telemetry over HTTPS: one frame or an array (a gateway may name a child device per frame).
// 202 only once the frames are durably stored; 400 invalid (quarantined); 429 over the rate limit.
import { deviceRoute } from "@/lib/http/device-route";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { jsonError } from "@/lib/http/api-errors";

export const dynamic = "force-dynamic";

export const POST = deviceRoute(async ({ device, body }) => {
  const result = await acceptTelemetry(device, body, { transport: "http", topic: null });
  if (result.ok) return Response.json({ accepted: result.accepted, duplicates: result.duplicates, artifacts: result.artifacts }, { status: 202 });
  if (result.kind === "rate_limited") return jsonError(429, result.error, undefined, { "Retry-After": String(result.retryAfterSec) });
  return jsonError(400, result.error, result.issues);
});

// Telemetry over HTTPS: one frame or an array (a gateway may name a child device per frame).
// 202 only once the frames are durably stored; 400 invalid (quarantined); 429 over the rate limit.
import { deviceRoute } from "@/lib/http/device-route";
import { Refusal } from "@/lib/errors/refusal";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";

export const dynamic = "force-dynamic";

export const POST = deviceRoute(async ({ device, body }) => {
  const result = await acceptTelemetry(device, body, { transport: "http", topic: null });
  if (result.ok)
    return Response.json({ accepted: result.accepted, duplicates: result.duplicates, artifacts: result.artifacts }, { status: 202 });
  if (result.kind === "rate_limited") throw new Refusal("rate_limited", result.error, { retryAfterSec: result.retryAfterSec });
  throw new Refusal("invalid", result.error, { issues: result.issues });
});

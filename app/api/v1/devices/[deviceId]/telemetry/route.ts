import { deviceRoute } from "@/lib/http/device-route";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { jsonError } from "@/lib/http/api-errors";

export const dynamic = "force-dynamic";

/** Telemetry over HTTPS: one frame or an array; 202 only once the frames are durably stored. */
export const POST = deviceRoute(async ({ device, body }) => {
  const result = await acceptTelemetry(device, body);
  if (!result.ok) return jsonError(400, result.error, result.issues);
  return Response.json({ accepted: result.accepted, duplicates: result.duplicates }, { status: 202 });
});

// The answer to a device's telemetry body, shared by the Next route (app/api/v1/devices/[deviceId]/telemetry)
// and the server's direct telemetry path: 202 only once the frames are durably stored; 400 invalid
// (quarantined); 429 over the rate limit.
import "server-only";
import { Refusal } from "@/lib/errors/refusal";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import type { DeviceRecord } from "@/lib/devices/device-directory";

export async function answerTelemetry({ device, body }: { device: DeviceRecord; body: string }): Promise<Response> {
  const result = await acceptTelemetry(device, body, { transport: "http", topic: null });
  if (result.ok)
    return Response.json({ accepted: result.accepted, duplicates: result.duplicates, artifacts: result.artifacts }, { status: 202 });
  if (result.kind === "rate_limited") throw new Refusal("rate_limited", result.error, { retryAfterSec: result.retryAfterSec });
  throw new Refusal("invalid", result.error, { issues: result.issues });
}

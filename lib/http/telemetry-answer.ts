// The answer to a device's telemetry body, shared by the Next route (app/api/v1/devices/[deviceId]/telemetry)
// and the server's direct telemetry path: 202 only once the frames are durably stored; 400 invalid
// (quarantined); 429 over the rate limit.
import "server-only";
import { Refusal } from "@/lib/errors/refusal";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import type { DeviceRecord } from "@/lib/devices/device-directory";

export type TelemetryAccepted = { accepted: number; duplicates: number; artifacts: number };

/** The body of a 202, once the frames are stored; a Refusal (400, 429) otherwise. */
export async function acceptedTelemetry({ device, body }: { device: DeviceRecord; body: string }): Promise<TelemetryAccepted> {
  const result = await acceptTelemetry(device, body, { transport: "http", topic: null });
  if (result.ok) return { accepted: result.accepted, duplicates: result.duplicates, artifacts: result.artifacts };
  if (result.kind === "rate_limited") throw new Refusal("rate_limited", result.error, { retryAfterSec: result.retryAfterSec });
  throw new Refusal("invalid", result.error, { issues: result.issues });
}

export async function answerTelemetry(ctx: { device: DeviceRecord; body: string }): Promise<Response> {
  return Response.json(await acceptedTelemetry(ctx), { status: 202 });
}

// Telemetry over HTTPS: one frame or an array (a gateway may name a child device per frame).
// 202 only once the frames are durably stored; 400 invalid (quarantined); 429 over the rate limit.
// The production server answers this path itself before Next (lib/http/telemetry-fast-path), with the
// same authentication and answers; this handler serves it under `next dev` and any other host.
import { deviceRoute } from "@/lib/http/device-route";
import { answerTelemetry } from "@/lib/http/telemetry-answer";

export const dynamic = "force-dynamic";

export const POST = deviceRoute(answerTelemetry);

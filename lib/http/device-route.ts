// The one wrapper for device-facing route handlers: the device proves itself with
// `Authorization: Bearer <device secret>` for the device id in the path (401 bad credentials,
// 403 revoked), and its body is read under the size limit (413).
import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { bearerToken } from "@/lib/auth/load-principal";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import type { DeviceRecord } from "@/lib/devices/device-directory";
import { IngestBusyError } from "@/lib/store/observation-writer";
import { jsonError } from "./api-errors";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";

type RouteContext = { params: Promise<{ deviceId: string }> };

export function deviceRoute(handler: (ctx: { device: DeviceRecord; body: string }) => Promise<Response>) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    const { deviceId } = await route.params;
    const auth = await authenticateDevice(deviceId, bearerToken(req.headers.get("authorization")) ?? undefined);
    if (!auth.ok) {
      if (auth.reason === "revoked") return jsonError(403, "device is revoked");
      return jsonError(401, "unknown device or wrong secret (send Authorization: Bearer <device secret>)", undefined, { "WWW-Authenticate": "Bearer" });
    }
    try {
      const body = await readBodyWithLimit(req, env().INGEST_MAX_BODY_BYTES);
      return await handler({ device: auth.device, body });
    } catch (err) {
      if (err instanceof BodyTooLargeError) return jsonError(413, `body is larger than the limit of ${err.limit} bytes; send fewer frames per request`);
      if (err instanceof IngestBusyError) return jsonError(503, err.message, undefined, { "Retry-After": "1" });
      console.error(`[ingest] HTTP ingest for ${deviceId} failed:`, err);
      return jsonError(503, "frames were not stored; retry", undefined, { "Retry-After": "1" });
    }
  };
}

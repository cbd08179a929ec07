// The wrappers for device-facing route handlers: the device proves itself with
// `Authorization: Bearer <device secret>` (401 bad credentials, 403 revoked, 503 when that cannot be
// checked), and a handler's Refusal (lib/errors) is answered through refusalResponse.
// deviceRoute (telemetry, OTA status): the device id is in the path; the body is read under the size
// limit (413, quarantined). A handler that has not finished within INGEST_HTTP_TIMEOUT_MS answers 503
// with Retry-After: the device resends, and because (device, seq) is idempotent a frame that was still
// written late is not stored twice.
// deviceDownloadRoute (a firmware package): a GET naming the device with ?device=<id> or X-Device-Id.
import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { bearerToken } from "@/lib/auth/load-principal";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import type { DeviceRecord } from "@/lib/devices/device-directory";
import { Refusal } from "@/lib/errors/refusal";
import { IngestBusyError } from "@/lib/store/observation-writer";
import { countIngest } from "@/lib/ingest/ingest-counters";
import { getRejectionLog } from "@/lib/ingest/rejection-log";
import { jsonError } from "./api-errors";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { answeringRefusals, refusalResponse } from "./refusal-response";

type RouteContext<P> = { params: Promise<P> };

class HandlerTimeout extends Error {}

/** The work's outcome, or HandlerTimeout after `ms`. One promise and one timer per call (not a race of
 *  two promises and a finally): it wraps every HTTP frame. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HandlerTimeout()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** The device the request's secret proves, or the answer to give. */
async function authenticate(
  authorization: string | null,
  deviceId: string,
): Promise<{ ok: true; device: DeviceRecord } | { ok: false; answer: Response }> {
  const auth = await authenticateDevice(deviceId, bearerToken(authorization) ?? undefined).catch(() => null);
  if (!auth)
    return {
      ok: false,
      answer: jsonError(503, "device authentication is unavailable (database unreachable); retry", undefined, { "Retry-After": "2" }),
    };
  if (auth.ok) return { ok: true, device: auth.device };
  if (auth.reason === "revoked") return { ok: false, answer: jsonError(403, "device is revoked") };
  return {
    ok: false,
    answer: jsonError(401, "unknown device or wrong secret (send Authorization: Bearer <device secret>)", undefined, {
      "WWW-Authenticate": "Bearer",
    }),
  };
}

/**
 * The answer to a device's request: authenticate the device named in the path by its bearer secret,
 * read the body under the size limit and run the handler within INGEST_HTTP_TIMEOUT_MS: the handler's
 * result, or the Response refusing the request. Shared by the Next route handler (deviceRoute) and the
 * server's direct telemetry path (telemetry-fast-path), whose handler returns plain data on success.
 */
export async function answerDeviceRequest<T>(
  deviceId: string,
  authorization: string | null,
  readBody: (limit: number) => Promise<string>,
  handler: (ctx: { device: DeviceRecord; body: string }) => Promise<T>,
): Promise<T | Response> {
  const auth = await authenticate(authorization, deviceId);
  if (!auth.ok) return auth.answer;
  const e = env();
  try {
    const body = await readBody(e.INGEST_MAX_BODY_BYTES);
    return await withTimeout(handler({ device: auth.device, body }), e.INGEST_HTTP_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof Refusal) return refusalResponse(err);
    if (err instanceof BodyTooLargeError) {
      countIngest("http", "too_large");
      const reason = `body of ${err.size} bytes is over the limit of ${err.limit} bytes`;
      void getRejectionLog().then((log) =>
        log.record({ deviceId, transport: "http", topic: null, reason, payload: err.head, totalBytes: err.size }),
      );
      return jsonError(413, `body is larger than the limit of ${err.limit} bytes; send fewer frames per request`);
    }
    if (err instanceof IngestBusyError) {
      countIngest("http", "busy");
      return jsonError(503, err.message, undefined, { "Retry-After": "2" });
    }
    if (err instanceof HandlerTimeout) {
      countIngest("http", "timeout");
      return jsonError(
        503,
        `frames not confirmed within ${e.INGEST_HTTP_TIMEOUT_MS / 1000} s (the database is slow or unavailable); resend them: they may already be stored, and a resent seq is never stored twice`,
        undefined,
        { "Retry-After": "5" },
      );
    }
    countIngest("http", "not_stored");
    console.error(`[ingest] HTTP ingest for ${deviceId} failed:`, err);
    return jsonError(503, "frames were not stored; retry", undefined, { "Retry-After": "2" });
  }
}

export function deviceRoute(handler: (ctx: { device: DeviceRecord; body: string }) => Promise<Response>) {
  return async (req: NextRequest, route: RouteContext<{ deviceId: string }>): Promise<Response> => {
    const { deviceId } = await route.params;
    return answerDeviceRequest(deviceId, req.headers.get("authorization"), (limit) => readBodyWithLimit(req, limit), handler);
  };
}

export function deviceDownloadRoute<P>(handler: (ctx: { device: DeviceRecord; params: P }) => Promise<Response>) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const deviceId = new URL(req.url).searchParams.get("device") ?? req.headers.get("x-device-id") ?? "";
    if (!deviceId) return jsonError(400, "device: name the device with ?device=<id> (as in the OTA command) or X-Device-Id");
    const auth = await authenticate(req.headers.get("authorization"), deviceId);
    if (!auth.ok) return auth.answer;
    const params = await route.params;
    return answeringRefusals(() => handler({ device: auth.device, params }));
  };
}

// The one place a Refusal becomes an HTTP answer: its kind is the status, its message the `error`, the
// fields at fault the `issues` (each named as the request names it: `fieldPrefix` + the domain's field,
// e.g. "body." + "action"), with Retry-After or WWW-Authenticate where they apply.
import { Refusal, type RefusalKind } from "@/lib/errors/refusal";
import { jsonError } from "./api-errors";

export const REFUSAL_STATUS: Readonly<Record<RefusalKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
};

export function refusalResponse(r: Refusal, fieldPrefix = ""): Response {
  const headers: Record<string, string> = {};
  if (r.retryAfterSec !== undefined) headers["Retry-After"] = String(r.retryAfterSec);
  if (r.kind === "unauthenticated") headers["WWW-Authenticate"] = "Bearer";
  const issues = r.issues.length ? r.issues.map((i) => ({ field: `${fieldPrefix}${i.field}`, reason: i.reason })) : undefined;
  return jsonError(REFUSAL_STATUS[r.kind], r.message, issues, headers);
}

/** Runs a handler, answering its Refusal (and only a Refusal) as above. */
export async function answeringRefusals(fn: () => Promise<Response>, fieldPrefix = ""): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Refusal) return refusalResponse(err, fieldPrefix);
    throw err;
  }
}

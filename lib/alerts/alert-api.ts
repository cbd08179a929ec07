// Glue between the alert domain functions and the /api/v1/alerts route handlers: domain errors mapped
// to HTTP answers (404, 403, 409, 400). Bodies are read with lib/http/read-json-body.
import "server-only";
import { ApiError } from "@/lib/http/api-errors";
import { AlertAccessError } from "./alert-queries";
import { AlarmLimitInputError } from "./alarm-limit-settings";

const STATUS: Record<AlertAccessError["kind"], number> = { not_found: 404, forbidden: 403, conflict: 409 };

/** Runs a domain call, turning its refusals into API errors. */
export async function asApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AlertAccessError) throw new ApiError(STATUS[err.kind], err.message);
    if (err instanceof AlarmLimitInputError) throw new ApiError(400, err.message, [{ field: `body.${err.field}`, reason: err.message }]);
    throw err;
  }
}

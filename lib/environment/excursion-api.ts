// Glue between the environment record's domain functions and its /api/v1/environment route handlers:
// refusals mapped to HTTP answers (404, 403, 409, 400).
import "server-only";
import { ApiError } from "@/lib/http/api-errors";
import { ExcursionAccessError } from "./excursion-queries";

const STATUS: Record<ExcursionAccessError["kind"], number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 };

export async function excursionsAsApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ExcursionAccessError) {
      throw new ApiError(STATUS[err.kind], err.message, err.kind === "invalid" ? [{ field: "body.action", reason: err.message }] : undefined);
    }
    throw err;
  }
}

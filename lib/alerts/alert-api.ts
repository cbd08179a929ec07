// Glue between the alert domain functions and the /api/v1/alerts route handlers: JSON bodies validated
// with zod, domain errors mapped to HTTP answers (404, 403, 409, 400).
import "server-only";
import type { z } from "zod";
import { ApiError, zodIssues } from "@/lib/http/api-errors";
import { AlertAccessError } from "./alert-queries";
import { AlarmLimitInputError } from "./alarm-limit-settings";

const STATUS: Record<AlertAccessError["kind"], number> = { not_found: 404, forbidden: 403, conflict: 409 };

export async function parseJsonBody<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown = {};
  const text = await req.text();
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(400, "body: is not valid JSON", [{ field: "body", reason: "is not valid JSON" }]);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, "body");
    throw new ApiError(400, issues.map((i) => `${i.field}: ${i.reason}`).join("; "), issues);
  }
  return parsed.data;
}

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

// The JSON body of a user-facing API request, for apiRoute's `body` option: size-limited (413), parsed
// (400 "body: is not valid JSON") and validated with zod (400 naming each field, "body.reason").
// Device telemetry has its own reader (lib/http/device-route).
import "server-only";
import type { z } from "zod";
import { jsonError, zodIssues } from "./api-errors";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";

export const JSON_BODY_LIMIT = 64 * 1024;

export async function readJsonBody<T>(
  req: Request,
  schema: z.ZodType<T>,
  limit = JSON_BODY_LIMIT,
): Promise<{ ok: true; body: T } | { ok: false; answer: Response }> {
  let text: string;
  try {
    text = await readBodyWithLimit(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { ok: false, answer: jsonError(413, `body is larger than ${limit} bytes`) };
    throw err;
  }
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, answer: jsonError(400, "body: is not valid JSON", [{ field: "body", reason: "is not valid JSON" }]) };
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, "body");
    return { ok: false, answer: jsonError(400, issues.map((i) => `${i.field}: ${i.reason}`).join("; "), issues) };
  }
  return { ok: true, body: parsed.data };
}

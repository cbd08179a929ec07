// Errors a route handler may throw; the api-route wrapper turns them into JSON responses.
import type { ZodError } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: { field: string; reason: string }[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, `${what} not found`);
export const forbidden = (why = "you may not access this resource") => new ApiError(403, why);

export function zodIssues(error: ZodError, prefix: string): { field: string; reason: string }[] {
  return error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].join("."), reason: i.message }));
}

export function jsonError(status: number, error: string, issues?: { field: string; reason: string }[], headers?: HeadersInit): Response {
  return Response.json(issues ? { error, issues } : { error }, { status, headers });
}

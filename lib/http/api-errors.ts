// JSON error answers of the HTTP API: `{ error, issues? }`, and zod issues named by where they are
// ("query.kind", "body.action").
import type { ZodError } from "zod";
import type { RefusalIssue } from "@/lib/errors/refusal";

export function zodIssues(error: ZodError, prefix: string): RefusalIssue[] {
  return error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].join("."), reason: i.message }));
}

export function jsonError(status: number, error: string, issues?: RefusalIssue[], headers?: HeadersInit): Response {
  return Response.json(issues ? { error, issues } : { error }, { status, headers });
}

// The one wrapper for user-facing route handlers (/api/v1/*): authenticates the caller (session or
// personal API token), checks the role, validates params and query with zod, and maps errors to JSON.
// Handlers hold only domain logic.
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { currentPrincipal } from "@/lib/auth/current-principal";
import type { Principal, Role } from "@/lib/auth/principal";
import { requestMetaFromHeaders, type RequestMeta } from "@/lib/audit/record-audit";
import { ApiError, jsonError, zodIssues } from "./api-errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ApiHandlerContext<P, Q> = {
  req: NextRequest;
  principal: Principal;
  params: P;
  query: Q;
  meta: RequestMeta;
};

export function apiRoute<P = Record<string, never>, Q = Record<string, never>>(
  opts: { roles?: readonly Role[]; params?: z.ZodType<P>; query?: z.ZodType<Q> },
  handler: (ctx: ApiHandlerContext<P, Q>) => Promise<unknown>,
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    try {
      const principal = await currentPrincipal(req.headers);
      if (!principal) {
        return jsonError(401, "sign in or send Authorization: Bearer <personal API token>", undefined, { "WWW-Authenticate": "Bearer" });
      }
      if (opts.roles && !opts.roles.includes(principal.role)) {
        return jsonError(403, `role "${principal.role}" may not use this endpoint`);
      }
      const params = opts.params ? opts.params.safeParse(await route.params) : { success: true as const, data: {} as P };
      if (!params.success) return jsonError(400, "invalid path", zodIssues(params.error, "path"));
      const query = opts.query ? opts.query.safeParse(Object.fromEntries(req.nextUrl.searchParams)) : { success: true as const, data: {} as Q };
      if (!query.success) {
        const issues = zodIssues(query.error, "query");
        return jsonError(400, issues.map((i) => `${i.field}: ${i.reason}`).join("; "), issues);
      }
      const result = await handler({ req, principal, params: params.data, query: query.data, meta: requestMetaFromHeaders(req.headers) });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err.status, err.message, err.issues);
      console.error(`[api] ${req.method} ${req.nextUrl.pathname} failed:`, err);
      return jsonError(500, "internal error");
    }
  };
}

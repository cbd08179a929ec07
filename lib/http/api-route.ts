// The one wrapper for user-facing route handlers (/api/v1/*): authenticates the caller (session or
// personal API token), checks the role, validates path, query and JSON body with zod, and answers a
// handler's Refusal (lib/errors) through refusalResponse. Handlers hold only domain logic.
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { currentPrincipal } from "@/lib/auth/current-principal";
import type { Principal, Role } from "@/lib/auth/principal";
import { mustReauthenticate, reauthMessage } from "@/lib/auth/user-sessions";
import { requestMetaFromHeaders, type RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { recordDeniedRead, requestedPatientId } from "@/lib/audit/record-denied";
import { jsonError, zodIssues } from "./api-errors";
import { readJsonBody } from "./read-json-body";
import { refusalResponse } from "./refusal-response";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ApiHandlerContext<P, Q, B> = {
  req: NextRequest;
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  meta: RequestMeta;
};

export type ApiRouteOptions<P, Q, B> = {
  roles?: readonly Role[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** A JSON body (up to 64 KiB); without it the body is not read. */
  body?: z.ZodType<B>;
  /** Where the fields a Refusal names are in the request: "body" answers `body.action` for a refusal of `action`. */
  fieldsIn?: "body";
};

export function apiRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  opts: ApiRouteOptions<P, Q, B>,
  handler: (ctx: ApiHandlerContext<P, Q, B>) => Promise<unknown>,
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    const res = await answer(req, route);
    // Answers carry patient data or say who may see it: never cached (browser, proxy).
    res.headers.set("Cache-Control", "no-store");
    return res;
  };

  async function answer(req: NextRequest, route: RouteContext): Promise<Response> {
    let principal: Principal | null = null;
    // A refused read is audited (lib/audit/record-denied.ts).
    const deniedRead = (reason: string) =>
      req.method === "GET" && principal
        ? recordDeniedRead(principal, requestMetaFromHeaders(req.headers), {
            method: req.method,
            path: req.nextUrl.pathname,
            reason,
            patientId: requestedPatientId(req.nextUrl.pathname, req.nextUrl.searchParams),
          })
        : Promise.resolve();
    try {
      principal = await currentPrincipal(req.headers);
      if (!principal) {
        return jsonError(401, "sign in or send Authorization: Bearer <personal API token>", undefined, { "WWW-Authenticate": "Bearer" });
      }
      if (opts.roles && !opts.roles.includes(principal.role)) {
        await deniedRead(`role "${principal.role}" may not use this endpoint`);
        return jsonError(403, `role "${principal.role}" may not use this endpoint`);
      }
      if (req.method !== "GET" && req.method !== "HEAD" && mustReauthenticate(principal)) {
        return Response.json({ error: reauthMessage(), reauth: true }, { status: 401 });
      }
      const params = opts.params ? opts.params.safeParse(await route.params) : { success: true as const, data: {} as P };
      if (!params.success) return jsonError(400, "invalid path", zodIssues(params.error, "path"));
      const query = opts.query
        ? opts.query.safeParse(Object.fromEntries(req.nextUrl.searchParams))
        : { success: true as const, data: {} as Q };
      if (!query.success) {
        const issues = zodIssues(query.error, "query");
        return jsonError(400, issues.map((i) => `${i.field}: ${i.reason}`).join("; "), issues);
      }
      const body = opts.body ? await readJsonBody(req, opts.body) : { ok: true as const, body: undefined as B };
      if (!body.ok) return body.answer;
      const result = await handler({
        req,
        principal,
        params: params.data,
        query: query.data,
        body: body.body,
        meta: requestMetaFromHeaders(req.headers),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      if (err instanceof Refusal) {
        if (err.kind === "forbidden" || err.kind === "not_found") await deniedRead(`${err.kind}: ${err.message}`);
        return refusalResponse(err, opts.fieldsIn ? `${opts.fieldsIn}.` : "");
      }
      console.error(`[api] ${req.method} ${req.nextUrl.pathname} failed:`, err);
      return jsonError(500, "internal error");
    }
  }
}

// The one guard for pages: the signed-in user, or a redirect to sign-in; a role outside `roles` gets
// 403 and app/forbidden.tsx, which says why (lib/pages/forbidden-reason). Request metadata comes along
// for audit events.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { principalFromSession } from "@/lib/auth/current-principal";
import type { Principal, Role } from "@/lib/auth/principal";
import { requestMetaFromHeaders, type RequestMeta } from "@/lib/audit/record-audit";
import { recordDeniedRead } from "@/lib/audit/record-denied";

export async function requirePagePrincipal(
  opts: { roles?: readonly Role[]; returnTo?: string } = {},
): Promise<{ principal: Principal; meta: RequestMeta }> {
  const principal = await principalFromSession();
  if (!principal) redirect(`/login${opts.returnTo ? `?callbackUrl=${encodeURIComponent(opts.returnTo)}` : ""}`);
  if (opts.roles && !opts.roles.includes(principal.role)) {
    await recordDeniedRead(principal, requestMetaFromHeaders(await headers()), {
      method: "GET",
      path: opts.returnTo ?? "(page)",
      reason: `role "${principal.role}" may not open this page`,
    });
    forbidden();
  }
  return { principal, meta: requestMetaFromHeaders(await headers()) };
}

export function landingPath(p: Principal): string {
  if (p.role === "patient") return p.patientId ? "/portal" : "/no-access";
  if (p.role === "biomed") return "/admin/devices";
  return "/wards";
}

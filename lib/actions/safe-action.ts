// The one wrapper for server actions: the signed-in user, the role check and zod validation of the
// input. Returns a result object the client can render (field errors included) instead of throwing; a
// handler's Refusal (lib/errors) becomes the message shown, worded by the action (see RefusalWording).
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { principalFromSession } from "@/lib/auth/current-principal";
import type { Principal, Role } from "@/lib/auth/principal";
import { mustReauthenticate, reauthMessage } from "@/lib/auth/user-sessions";
import { requestMetaFromHeaders, type RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; /** the password must be confirmed first */ reauth?: boolean };

/** How an action's refusals read on screen: "<failed>: <the refusal's message>." (e.g. "Not changed: the
 *  alert is already resolved."), and `unavailable` for what the caller may not see (forbidden, not found),
 *  so missing and forbidden look the same. Without it the refusal's message is shown as it is. */
export type RefusalWording = { failed: string; unavailable: string };

export function refusalMessage(r: Refusal, wording: RefusalWording | undefined): string {
  if (!wording) return r.message;
  return r.kind === "forbidden" || r.kind === "not_found" ? wording.unavailable : `${wording.failed}: ${r.message}.`;
}

export function safeAction<I, O>(
  opts: {
    roles?: readonly Role[];
    input: z.ZodType<I>;
    wording?: RefusalWording;
    /** "read": a server function that only reads; "confirm": the password confirmation itself. Neither asks an
     *  admin to re-authenticate; a "change" (the default) does when the sign-in is older than ADMIN_REAUTH_MINUTES. */
    kind?: "read" | "change" | "confirm";
  },
  handler: (ctx: { principal: Principal; input: I; meta: RequestMeta }) => Promise<O>,
) {
  return async (raw: unknown): Promise<ActionResult<O>> => {
    const principal = await principalFromSession();
    if (!principal) return { ok: false, error: "Your session has ended. Sign in again." };
    if (opts.roles && !opts.roles.includes(principal.role)) return { ok: false, error: "You are not allowed to do this." };
    if ((opts.kind ?? "change") === "change" && mustReauthenticate(principal)) return { ok: false, error: reauthMessage(), reauth: true };
    const parsed = opts.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "input", i.message]));
      return { ok: false, error: "Please correct the highlighted fields.", fieldErrors };
    }
    try {
      const data = await handler({ principal, input: parsed.data, meta: requestMetaFromHeaders(await headers()) });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof Refusal) return { ok: false, error: refusalMessage(err, opts.wording) };
      console.error("[action] failed:", err);
      return { ok: false, error: "Something went wrong; nothing was changed." };
    }
  };
}

// Who calls the AI service: the signed-in Principal and the request's metadata (for the audit trail).
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";

export type AiActor = { principal: Principal; meta?: RequestMeta };

/** The admin section is for admins only. */
export function requireAdmin(actor: AiActor): void {
  if (actor.principal.role !== "admin") throw new Refusal("forbidden", "only administrators manage the AI section");
}

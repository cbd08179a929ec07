// Which wards a caller may see flow and KPIs for: admins every ward, clinicians their own; a ward asked
// for outside that scope is refused.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";

export const FLOW_ROLES = ["admin", "nurse", "physician"] as const;

/** null: every ward. */
export function flowWardScope(p: Principal, wardId?: string): string[] | null {
  if (!(FLOW_ROLES as readonly string[]).includes(p.role)) throw new Refusal("forbidden", `role "${p.role}" may not see patient flow`);
  if (wardId) {
    if (p.role !== "admin" && !p.wardIds.includes(wardId))
      throw new Refusal("forbidden", "that ward is not one of yours", { field: "wardId" });
    return [wardId];
  }
  return p.role === "admin" ? null : p.wardIds;
}

/** A period from query text: `from`/`to` dates or date-times, default the last `defaultDays` days. */
export function periodOf(q: { from?: string; to?: string }, defaultDays: number, now = new Date()): { from: Date; to: Date } {
  const parse = (s: string | undefined, field: string): Date | null => {
    if (!s) return null;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
    if (Number.isNaN(d.getTime())) throw new Refusal("invalid", "must be a date YYYY-MM-DD or an ISO date-time", { field });
    return d;
  };
  const to = parse(q.to, "to") ?? now;
  const from = parse(q.from, "from") ?? new Date(to.getTime() - defaultDays * 86_400_000);
  if (from >= to) throw new Refusal("invalid", "must be before to", { field: "from" });
  if (to.getTime() - from.getTime() > 366 * 86_400_000) throw new Refusal("invalid", "the period is at most 366 days", { field: "from" });
  return { from, to };
}

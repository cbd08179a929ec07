// The ward brief is for the ward's charge nurse on duty (the roster, else the standing duty; lib/duty),
// and for admins. Any other clinician of the ward is refused with who holds the duty now.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Sql } from "@/lib/db/sql";
import { findOnDuty } from "@/lib/duty/on-duty";
import { Refusal } from "@/lib/errors/refusal";

/** True when `principal` may ask for the ward brief of `wardId` at `at`. */
export async function isChargeNurseOnDuty(q: Pick<Sql, "query">, principal: Principal, wardId: string, at: Date): Promise<boolean> {
  if (principal.role === "admin") return true;
  const onDuty = await findOnDuty(q, wardId, "charge", at);
  return onDuty.some((p) => p.id === principal.userId);
}

export async function requireChargeNurse(q: Pick<Sql, "query">, principal: Principal, wardId: string, at: Date): Promise<void> {
  if (await isChargeNurseOnDuty(q, principal, wardId, at)) return;
  const onDuty = await findOnDuty(q, wardId, "charge", at);
  const who = onDuty.length ? `on duty now: ${onDuty.map((p) => p.name).join(", ")}` : "nobody is rostered as charge nurse now";
  throw new Refusal("forbidden", `the ward brief is for the ward's charge nurse on duty (${who})`);
}

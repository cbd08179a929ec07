// A patient account's own record: the one patient id the signed-in patient may act on ("me" routes, portal).
import type { Principal } from "./principal";
import { Refusal } from "@/lib/errors/refusal";

export function requireOwnPatient(p: Principal): string {
  if (!p.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return p.patientId;
}

// Denied reads are audited too (HIPAA 164.312(b)): when an entry wrapper refuses a GET (role not allowed,
// or a Refusal of kind forbidden / not_found: a patient outside the caller's scope looks like a missing
// one), one "access.denied" row records who asked for what and why. Recording never changes the answer:
// a failure to record is logged.
import "server-only";
import { recordAudit, type RequestMeta, type UserActor } from "./record-audit";

export type DeniedRead = { method: string; path: string; reason: string; patientId?: string | null };

/** The patient a request names: `/patients/{id}` in the path, or a patientId parameter. */
export function requestedPatientId(path: string, search: URLSearchParams): string | null {
  const m = /\/patients\/([^/?#]+)/.exec(path);
  if (m) return decodeURIComponent(m[1]!);
  return search.get("patientId");
}

export async function recordDeniedRead(principal: UserActor, meta: RequestMeta, d: DeniedRead): Promise<void> {
  try {
    await recordAudit([
      {
        actor: principal,
        action: "access.denied",
        patientId: null,
        meta,
        detail: { method: d.method, path: d.path.slice(0, 500), reason: d.reason.slice(0, 300), requestedPatientId: d.patientId ?? null },
      },
    ]);
  } catch (err) {
    console.error(`[audit] could not record a denied read of ${d.path}:`, err instanceof Error ? err.message : err);
  }
}

// Audit controls (HIPAA 164.312(b)): who did what to which patient's data, when, from where.
// Rows are hash-chained (audit-chain.ts): `npm run cli -- audit verify` names the first broken link.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { CLIENT_IP_HEADER } from "@/lib/net/request-stamps";
import { appendAuditRows } from "./audit-chain";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who acted, as the audit row records it: a signed-in user or token owner (any lib/auth Principal), or
 *  only the email given at a failed sign-in. */
export type UserActor = { userId: string; email: string; role: Role };
export type AuditActor = UserActor | { email: string };
export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Who made a change, for the audit trail. */
export type AuditBy = { actor: AuditActor; meta?: RequestMeta };

export type AuditEntry = {
  actor: AuditActor | null;
  action: string;
  patientId?: string | null;
  detail?: Record<string, unknown>;
  meta?: RequestMeta;
};

/** The client IP as the server resolved it (lib/net: X-Forwarded-For only from a trusted proxy). */
export function requestMetaFromHeaders(h: Headers): RequestMeta {
  return { ip: h.get(CLIENT_IP_HEADER) || null, userAgent: h.get("user-agent") };
}

export async function recordAudit(entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { sql } = await getDatabase();
  const at = new Date().toISOString();
  await appendAuditRows(
    sql,
    entries.map((e) => ({
      at,
      actorUserId: e.actor && "userId" in e.actor ? e.actor.userId : null,
      actorEmail: e.actor?.email ?? null,
      actorRole: e.actor && "role" in e.actor ? e.actor.role : null,
      action: e.action,
      patientId: e.patientId ?? null,
      detail: e.detail ? (JSON.parse(JSON.stringify(e.detail)) as unknown) : null,
      ip: e.meta?.ip ?? null,
      userAgent: e.meta?.userAgent ?? null,
    })),
  );
}

/** Most patient ids one read event names in its detail (a larger read names the first ones and the count). */
export const READ_EVENT_MAX_PATIENTS = 2000;

/**
 * The one audit event of a request that read patient data: a read of one patient carries its patientId; a
 * list read carries none and names the set in `detail.patientIds` (sorted, distinct, at most
 * READ_EVENT_MAX_PATIENTS) with `detail.patientCount`. listAuditEvents finds the event when filtering by any
 * patient of the set.
 */
export function patientReadEntry(
  principal: UserActor,
  action: string,
  patientIds: string[],
  meta: RequestMeta,
  detail?: Record<string, unknown>,
): AuditEntry {
  const ids = [...new Set(patientIds)].sort();
  return {
    actor: principal,
    action,
    patientId: ids.length === 1 ? ids[0] : null,
    meta,
    detail: { ...detail, patientIds: ids.slice(0, READ_EVENT_MAX_PATIENTS), patientCount: ids.length },
  };
}

/** One audit row per request that read patient data (none when it read no patient). */
export function recordPatientReads(
  principal: UserActor,
  action: string,
  patientIds: string[],
  meta: RequestMeta,
  detail?: Record<string, unknown>,
): Promise<void> {
  if (patientIds.length === 0) return Promise.resolve();
  return recordAudit([patientReadEntry(principal, action, patientIds, meta, detail)]);
}

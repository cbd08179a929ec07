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

/** One audit event per patient whose data the caller read. */
export function recordPatientReads(
  principal: UserActor,
  action: string,
  patientIds: string[],
  meta: RequestMeta,
  detail?: Record<string, unknown>,
) {
  return recordAudit(patientIds.map((patientId) => ({ actor: principal, action, patientId, meta, detail })));
}

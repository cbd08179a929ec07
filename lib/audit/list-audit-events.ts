import "server-only";
// Reading the audit trail (HIPAA 164.312(b)), newest first, for the admin audit page and GET /api/v1/audit.
// Pages by keyset on (at, id): stable while new events keep arriving, and cheap on the `at` index.
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/database";

export const AUDIT_PAGE_MAX = 500;

export type AuditEventView = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  detail: Prisma.JsonValue | null;
  ip: string | null;
  userAgent: string | null;
};

/** Where the next (older) page starts: strictly before this event. */
export type AuditCursor = { before: string; beforeId: string };

export type AuditQuery = {
  /** Exact patient id: events about that patient, and list reads naming it among `detail.patientIds`. */
  patientId?: string;
  /** Part of the actor's email, any case. */
  actorEmail?: string;
  /** Action or action prefix: "patient." matches "patient.view" and "patient.view_denied". */
  action?: string;
  /** Match `action` exactly instead of as a prefix (the audit page's select). */
  actionExact?: boolean;
  /** Only events before this time; with `beforeId`, before that event (a cursor from a previous page). */
  before?: Date;
  beforeId?: string;
  limit: number;
};

export type AuditPage = { events: AuditEventView[]; nextCursor: AuditCursor | null };

function cursorFilter(before: Date | undefined, beforeId: string | undefined): Prisma.AuditEventWhereInput {
  if (!before) return {};
  if (beforeId === undefined || !/^\d{1,19}$/.test(beforeId)) return { at: { lt: before } };
  return { OR: [{ at: { lt: before } }, { at: before, id: { lt: BigInt(beforeId) } }] };
}

/** The events about one patient: its own rows, and list reads (recordPatientReads) naming it in detail.patientIds. */
function patientFilter(patientId: string): Prisma.AuditEventWhereInput {
  return { OR: [{ patientId }, { detail: { path: ["patientIds"], array_contains: [patientId] } }] };
}

export async function listAuditEvents(q: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(q.limit), 1), AUDIT_PAGE_MAX);
  const prisma = await getPrisma();
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      q.patientId ? patientFilter(q.patientId) : {},
      q.actorEmail ? { actorEmail: { contains: q.actorEmail, mode: "insensitive" } } : {},
      q.action ? { action: q.actionExact ? q.action : { startsWith: q.action } } : {},
      cursorFilter(q.before, q.beforeId),
    ],
  };
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorEmail: r.actorEmail,
      actorRole: r.actorRole,
      action: r.action,
      patientId: r.patientId,
      detail: r.detail,
      ip: r.ip,
      userAgent: r.userAgent,
    })),
    nextCursor: rows.length > limit && last ? { before: last.at.toISOString(), beforeId: last.id.toString() } : null,
  };
}

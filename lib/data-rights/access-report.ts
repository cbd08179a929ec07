// The access report (GDPR Art. 15, HIPAA 164.528): who looked at or changed a patient's record, from the
// audit trail: the person's name and role, what they did, when. The patient's own actions are marked.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { listAuditEvents, type AuditCursor } from "@/lib/audit/list-audit-events";

export type AccessEntry = {
  at: string;
  action: string;
  user: { name: string; role: string | null };
  /** The patient's own account (the portal, their API token). */
  self: boolean;
};

/** Readable names of the audit actions a patient sees most; others are shown as recorded. */
export const ACCESS_ACTION_LABELS: Record<string, string> = {
  "patient.view": "Opened your record",
  "patient.list": "Listed patients (you among them)",
  "patient.export": "Exported your record",
  "observations.read": "Read your readings",
  "consent.read": "Read your consents",
  "consent.grant": "Recorded a consent",
  "consent.withdraw": "Recorded a consent withdrawal",
  "erasure.request": "Asked for erasure",
  "erasure.complete": "Completed your erasure request",
  "erasure.refuse": "Refused your erasure request",
  "access_report.read": "Read this access report",
  "privacy.view": "Opened your privacy page",
  "erasure.read": "Read your erasure requests",
  "erasure.queue.view": "Reviewed erasure requests (yours among them)",
  "research.export": "Included your de-identified readings in a research export",
};

export async function accessReport(
  patientId: string,
  selfUserIds: string[],
  page: { limit: number; before?: Date; beforeId?: string },
): Promise<{ entries: AccessEntry[]; nextCursor: AuditCursor | null }> {
  const { events, nextCursor } = await listAuditEvents({ patientId, limit: page.limit, before: page.before, beforeId: page.beforeId });
  const ids = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  const prisma = await getPrisma();
  const users = new Map(
    (await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return {
    entries: events.map((e) => ({
      at: e.at,
      action: e.action,
      user: { name: (e.actorUserId && users.get(e.actorUserId)) || (e.actorUserId ? "Unknown user" : "The system"), role: e.actorRole },
      self: e.actorUserId !== null && selfUserIds.includes(e.actorUserId),
    })),
    nextCursor,
  };
}

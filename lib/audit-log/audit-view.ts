// lib/audit-log owns the audit trail as a privacy officer reads it (lib/audit writes and verifies it; this
// folder sits above auth and patients, which lib/audit must not import).
// The audit trail as a privacy officer reads it (the admin audit page and its CSV export): events with the
// patients they concern resolved to name and MRN. Showing those names is itself a read of patient data, so
// each request writes ONE audit row ("audit.view" or "audit.export") naming the filters and the patients
// displayed. Who may read the trail: AUDIT_READER_ROLES (admins; there is no separate privacy role).
import "server-only";
import type { Principal, Role } from "@/lib/auth/principal";
import { getDatabase, getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { patientDisplayName } from "@/lib/patients/patient-name";
import { listAuditEvents, type AuditCursor, type AuditEventView, type AuditQuery } from "@/lib/audit/list-audit-events";
import { patientReadEntry, recordAudit, type RequestMeta } from "@/lib/audit/record-audit";

export const AUDIT_READER_ROLES = ["admin"] as const satisfies readonly Role[];

export type AuditPatientRef = { id: string; name: string | null; mrn: string | null };
export type AuditRowView = AuditEventView & {
  /** The patients the event concerns (its patientId, or a list read's detail.patientIds), resolved. */
  patients: AuditPatientRef[];
  /** How many patients a list read covered (may exceed `patients` for a read past the id cap). */
  patientCount: number;
};

/** The patient ids an event concerns: its own patientId and a list read's detail.patientIds. */
export function patientIdsOfEvent(e: Pick<AuditEventView, "patientId" | "detail">): string[] {
  const ids = new Set<string>();
  if (e.patientId) ids.add(e.patientId);
  const d = e.detail;
  if (d && typeof d === "object" && !Array.isArray(d) && Array.isArray(d.patientIds)) {
    for (const id of d.patientIds) if (typeof id === "string") ids.add(id);
  }
  return [...ids];
}

function patientCountOf(e: AuditEventView, ids: string[]): number {
  const d = e.detail;
  const n = d && typeof d === "object" && !Array.isArray(d) ? d.patientCount : undefined;
  return typeof n === "number" && n > ids.length ? n : ids.length;
}

/** Name and MRN of each id (decrypted by the client); a deleted patient keeps its id with null name and MRN. */
export async function resolvePatients(ids: string[]): Promise<Map<string, AuditPatientRef>> {
  const out = new Map<string, AuditPatientRef>();
  if (ids.length === 0) return out;
  const prisma = await getPrisma();
  const rows = await prisma.patient.findMany({
    where: { id: { in: ids } },
    select: { id: true, mrn: true, givenName: true, familyName: true },
  });
  for (const r of rows) out.set(r.id, { id: r.id, name: patientDisplayName(r), mrn: r.mrn });
  for (const id of ids) if (!out.has(id)) out.set(id, { id, name: null, mrn: null });
  return out;
}

export type AuditViewRequest = {
  query: AuditQuery;
  /** "audit.view" for a page, "audit.export" for a CSV download. */
  action: "audit.view" | "audit.export";
  /** What the audit row records of the request (filters, cursor, channel). */
  detail: Record<string, unknown>;
  /** Read past one page (up to AUDIT_EXPORT_MAX rows): the CSV export of everything the filters match. */
  allPages?: boolean;
};

/** Most rows one CSV export holds. */
export const AUDIT_EXPORT_MAX = 10_000;

async function collect(query: AuditQuery, allPages: boolean) {
  const first = await listAuditEvents(query);
  if (!allPages) return first;
  const events = [...first.events];
  let cursor = first.nextCursor;
  while (cursor && events.length < AUDIT_EXPORT_MAX) {
    const next = await listAuditEvents({ ...query, before: new Date(cursor.before), beforeId: cursor.beforeId });
    events.push(...next.events);
    cursor = next.nextCursor;
  }
  if (events.length <= AUDIT_EXPORT_MAX) return { events, nextCursor: cursor };
  const last = events[AUDIT_EXPORT_MAX - 1]!;
  return { events: events.slice(0, AUDIT_EXPORT_MAX), nextCursor: { before: last.at, beforeId: last.id } };
}

export async function loadAuditView(
  principal: Principal,
  meta: RequestMeta,
  req: AuditViewRequest,
): Promise<{ events: AuditRowView[]; nextCursor: AuditCursor | null }> {
  if (!(AUDIT_READER_ROLES as readonly Role[]).includes(principal.role)) {
    throw new Refusal("forbidden", `role "${principal.role}" may not read the audit log`);
  }
  const page = await collect(req.query, req.allPages ?? false);
  const idsByEvent = page.events.map(patientIdsOfEvent);
  const shown = [...new Set(idsByEvent.flat())];
  const patients = await resolvePatients(shown);
  await recordAudit([patientReadEntry(principal, req.action, shown, meta, req.detail)]);
  return {
    events: page.events.map((e, i) => {
      const ids = idsByEvent[i]!;
      return { ...e, patients: ids.map((id) => patients.get(id)!), patientCount: patientCountOf(e, ids) };
    }),
    nextCursor: page.nextCursor,
  };
}

/** The actions present in the trail, for the filter's select (sorted): a loose index scan on
 *  audit_events_action_idx, one index probe per distinct action however long the trail. */
export async function listAuditActions(): Promise<string[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ action: string }>(
    `WITH RECURSIVE a(action) AS (
       SELECT min(action) FROM audit_events
       UNION ALL
       SELECT (SELECT min(action) FROM audit_events WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
     )
     SELECT action FROM a WHERE action IS NOT NULL`,
  );
  return rows.map((r) => r.action);
}

/** A patient filter as typed on the audit page: a patient id or an MRN (MRNs are stored in the clear). */
export async function patientIdOfFilter(text: string | undefined): Promise<string | undefined> {
  if (!text) return undefined;
  const prisma = await getPrisma();
  const hit = await prisma.patient.findFirst({ where: { OR: [{ id: text }, { mrn: text }] }, select: { id: true } });
  return hit?.id ?? text;
}

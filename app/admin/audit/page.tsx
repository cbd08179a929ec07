// The audit trail for administrators: who accessed which patient's data, when and from where.
// Filters and the page cursor live in the URL, so a view can be bookmarked or handed to a privacy officer.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppNav } from "@/components/app-nav";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UtcTime } from "@/components/ui/time";
import { recordAudit } from "@/lib/audit/record-audit";
import { listAuditEvents, type AuditEventView } from "@/lib/audit/list-audit-events";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";

export const metadata: Metadata = { title: "Audit log · IoMT Ward" };

const PAGE_SIZE = 50;

const text = (max: number) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max).optional().catch(undefined))
    .transform((v) => v || undefined);

const paramsSchema = z.object({
  patient: text(100),
  actor: text(254),
  action: text(100),
  before: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.iso.datetime().optional().catch(undefined)),
  beforeId: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z
      .string()
      .regex(/^\d{1,19}$/)
      .optional()
      .catch(undefined),
  ),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(filters: AuditFilterValues, cursor?: { before: string; beforeId: string }): string {
  const q = new URLSearchParams();
  if (filters.patient) q.set("patient", filters.patient);
  if (filters.actor) q.set("actor", filters.actor);
  if (filters.action) q.set("action", filters.action);
  if (cursor) {
    q.set("before", cursor.before);
    q.set("beforeId", cursor.beforeId);
  }
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/audit" });
  const params = paramsSchema.parse(await searchParams);
  const filters: AuditFilterValues = { patient: params.patient, actor: params.actor, action: params.action };
  const paged = params.before !== undefined;
  const { events, nextCursor } = await listAuditEvents({
    patientId: params.patient,
    actorEmail: params.actor,
    action: params.action,
    before: params.before ? new Date(params.before) : undefined,
    beforeId: params.beforeId,
    limit: PAGE_SIZE,
  });
  // Reading the audit trail is itself an auditable act.
  await recordAudit([{ actor: principal, action: "audit.view", meta, detail: { filters, before: params.before ?? null } }]);

  return (
    <>
      <AppNav principal={principal} current="/admin/audit" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-ink-muted">Every access to patient data and every security event, newest first. Times are UTC.</p>
        <AuditFilters values={filters} />
        <DataTable
          caption="Audit events"
          columns={["When (UTC)", "Who", "Action", "Patient", "From", "Detail"]}
          rows={events}
          row={(e) => <AuditRow key={e.id} event={e} />}
          empty={<EmptyState>No audit events match these filters.</EmptyState>}
        />
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {paged && (
            <Link href={hrefWith(filters)} className="text-accent hover:underline">
              ← Newest
            </Link>
          )}
          {nextCursor && (
            <Link href={hrefWith(filters, nextCursor)} className="text-accent hover:underline">
              Older →
            </Link>
          )}
          <span className="text-ink-faint">
            {events.length} events on this page (up to {PAGE_SIZE})
          </span>
        </nav>
      </main>
    </>
  );
}

function AuditRow({ event: e }: { event: AuditEventView }) {
  const detail = e.detail === null ? "" : JSON.stringify(e.detail);
  const denied = e.action.endsWith("_denied");
  return (
    <tr className="border-t border-line align-top">
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        <UtcTime iso={e.at} precision="second" />
      </td>
      <td className="px-3 py-2">
        <div>{e.actorEmail ?? <span className="text-ink-faint">system</span>}</div>
        {e.actorRole && <div className="text-xs text-ink-muted">{e.actorRole}</div>}
      </td>
      <td className={`px-3 py-2 font-mono whitespace-nowrap ${denied ? "text-alarm-medium" : ""}`}>{e.action}</td>
      <td className="px-3 py-2 font-mono">
        {e.patientId ? (
          <Link href={`/patients/${encodeURIComponent(e.patientId)}`} className="text-accent hover:underline">
            {e.patientId}
          </Link>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </td>
      <td className="px-3 py-2 font-mono whitespace-nowrap" title={e.userAgent ?? undefined}>
        {e.ip ?? <span className="text-ink-faint">—</span>}
      </td>
      <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-ink-muted">
        {detail.length > 160 ? (
          <details>
            <summary className="cursor-pointer">{detail.slice(0, 160)}…</summary>
            {detail}
          </details>
        ) : (
          detail
        )}
      </td>
    </tr>
  );
}

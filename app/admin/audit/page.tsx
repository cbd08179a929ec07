// The audit trail for administrators: who accessed which patient's data, when and from where.
// Filters and the page cursor live in the URL, so a view can be bookmarked or handed to a privacy officer.
// Patients show as name and MRN (lib/audit/audit-view: that display is itself audited, one row per page
// load); "Download CSV" exports every event the filters match (GET /api/v1/audit/export).
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppNav } from "@/components/app-nav";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { AUDIT_READER_ROLES, listAuditActions, loadAuditView, patientIdOfFilter } from "@/lib/audit-log/audit-view";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";
import { AuditRow } from "./audit-row";

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

function exportHref(filters: AuditFilterValues, patientId: string | undefined): string {
  const q = new URLSearchParams();
  if (patientId) q.set("patientId", patientId);
  if (filters.actor) q.set("actorEmail", filters.actor);
  if (filters.action) {
    q.set("action", filters.action);
    q.set("exact", "1");
  }
  const s = q.toString();
  return s ? `/api/v1/audit/export?${s}` : "/api/v1/audit/export";
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: AUDIT_READER_ROLES, returnTo: "/admin/audit" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/admin/audit" what="the audit log" />}>
      <AuditPageContent principal={principal} meta={meta} searchParams={searchParams} />
    </Suspense>
  );
}

async function AuditPageContent({
  principal,
  meta,
  searchParams,
}: {
  principal: Principal;
  meta: RequestMeta;
  searchParams: SearchParams;
}) {
  const params = paramsSchema.parse(await searchParams);
  const filters: AuditFilterValues = { patient: params.patient, actor: params.actor, action: params.action };
  const paged = params.before !== undefined;
  const patientId = await patientIdOfFilter(params.patient);
  const [{ events, nextCursor }, actions] = await Promise.all([
    loadAuditView(principal, meta, {
      query: {
        patientId,
        actorEmail: params.actor,
        action: params.action,
        actionExact: true,
        before: params.before ? new Date(params.before) : undefined,
        beforeId: params.beforeId,
        limit: PAGE_SIZE,
      },
      // Reading the audit trail is itself an auditable act.
      action: "audit.view",
      detail: { filters, before: params.before ?? null },
    }),
    listAuditActions(),
  ]);
  if (params.action && !actions.includes(params.action)) actions.push(params.action);

  return (
    <>
      <AppNav principal={principal} current="/admin/audit" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Every access to patient data and every security event, newest first, one event per request (a list names every patient it showed).
          Times are UTC. Viewing this page is itself recorded.
        </p>
        <AuditFilters values={filters} actions={actions} />
        <p className="mt-3 text-sm">
          <a href={exportHref(filters, patientId)} download className="text-accent hover:underline">
            Download CSV
          </a>
          <span className="ml-2 text-ink-faint">every event these filters match</span>
        </p>
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

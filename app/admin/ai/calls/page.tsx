// The AI call log (admins): every call with its feature, prompt version, model, caller, tokens, cost,
// latency, status and redaction receipt; per-version metrics (calls, p50/p95 latency, mean tokens,
// cost, feedback); filters in the URL; the CSV export of the same filters; and the content logging
// setting (content is not stored unless it is on, and is purged after its retention).
import type { Metadata } from "next";
import { AiAdminHeader } from "@/components/ai/ai-admin-header";
import { AppNav } from "@/components/app-nav";
import { FormMessage } from "@/components/ui/field";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { aiStatus, AI_FEATURES, CALL_STATUSES, getContentLogging, listCalls, listPrompts, versionMetrics } from "@/lib/ai/service";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { CallsView } from "./calls-view";
import { ContentLoggingForm } from "./content-logging-form";
import { callFilterOf, csvHref, isFiltered, parseCallQuery } from "./call-query";

export const metadata: Metadata = { title: "AI call log · IoMT Ward" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ai/calls" });
  const actor = { principal, meta };
  const { query, ignored } = parseCallQuery(await searchParams);
  const filter = callFilterOf(query);
  const [calls, metrics, logging, prompts, status] = await Promise.all([
    listCalls(actor, filter),
    versionMetrics(actor, filter),
    getContentLogging(actor),
    listPrompts(actor),
    aiStatus(),
  ]);
  return (
    <>
      <AppNav principal={principal} current="/admin/ai" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <AiAdminHeader title="AI call log" section="/admin/ai/calls" status={status}>
          One row per call: who asked, which prompt version and model answered, the tokens and what they cost, and what was removed before
          the data left. The patient is kept as an internal id and is never sent.
        </AiAdminHeader>
        <FilterBar action="/admin/ai/calls" label="Filter calls" active={isFiltered(query)}>
          <FilterSelect
            id="f-feature"
            name="feature"
            label="Feature"
            value={query.feature}
            options={AI_FEATURES.map((f) => ({ value: f, label: f }))}
          />
          <FilterSelect
            id="f-prompt"
            name="prompt"
            label="Prompt"
            value={query.prompt}
            options={prompts.map((p) => ({ value: p.name, label: p.name }))}
          />
          <Field id="f-version" label="Version">
            <Input
              id="f-version"
              name="version"
              type="number"
              min={1}
              defaultValue={query.version ?? ""}
              look="filter"
              width="w-20"
              className="mt-1"
            />
          </Field>
          <Field id="f-user" label="User id">
            <Input id="f-user" name="userId" defaultValue={query.userId ?? ""} look="filter" width="w-44" className="mt-1" />
          </Field>
          <FilterSelect
            id="f-status"
            name="status"
            label="Status"
            value={query.status}
            options={CALL_STATUSES.map((s) => ({ value: s, label: s }))}
          />
          <Field id="f-from" label="From (UTC day)">
            <Input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} look="filter" className="mt-1" />
          </Field>
          <Field id="f-to" label="To (UTC day)">
            <Input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} look="filter" className="mt-1" />
          </Field>
        </FilterBar>
        {ignored.length > 0 && <FormMessage className="mt-2">Ignored filters that did not parse: {ignored.join(", ")}.</FormMessage>}
        <p className="mt-3 text-sm">
          <a href={csvHref(query)} className="text-accent hover:underline" data-testid="calls-csv" download>
            Export these calls as CSV
          </a>
        </p>
        <CallsView query={query} initial={{ calls, metrics, at: new Date().toISOString() }} />
        <section aria-labelledby="logging-heading" className="mt-8 rounded-lg border border-line bg-panel p-4">
          <h2 id="logging-heading" className="text-lg font-semibold">
            Content logging
          </h2>
          <ContentLoggingForm initial={logging} />
        </section>
      </main>
    </>
  );
}

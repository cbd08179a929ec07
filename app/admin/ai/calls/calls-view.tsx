"use client";
// The call log's refreshing part: per-version metrics and the calls for the page's filters, re-read
// every 15 s while the page is open (TanStack Query over a server function). A row opens its details:
// parameters read (names and row counts), redaction receipt, error, feedback, and the logged content
// when content logging was on.
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { describeParameters, describeRedactions } from "@/components/ai/feature-outcome";
import { actionData, retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UtcTime } from "@/components/ui/time";
import type { CallView, VersionMetrics } from "@/lib/ai/service-types";
import { loadCallsAction } from "./actions";
import { CallContentView } from "./call-content";
import type { CallQuery } from "./call-query";

type Data = { calls: CallView[]; metrics: VersionMetrics[]; at: string };

const STATUS_TONE: Record<CallView["status"], BadgeTone> = {
  ok: "outline-low",
  error: "outline-high",
  blocked_budget: "outline-medium",
  blocked_scope: "outline-medium",
  pending: "muted",
};

const usd = (n: number) => `$${n.toFixed(6)}`;
const ms = (n: number | null) => (n === null ? "—" : `${Math.round(n)} ms`);

export function CallsView({ query, initial }: { query: CallQuery; initial: Data }) {
  const key = JSON.stringify(query);
  const { data, error, isFetching } = useQuery({
    queryKey: queryKeys.aiCalls(key),
    queryFn: async () => actionData(await loadCallsAction(query)),
    initialData: initial,
    refetchInterval: 15_000,
    retry: retryUnlessRefused,
  });
  return (
    <>
      <section aria-labelledby="metrics-heading" className="mt-6">
        <h2 id="metrics-heading" className="text-lg font-semibold">
          Per version
        </h2>
        <MetricsTable metrics={data.metrics} />
      </section>
      <section aria-labelledby="calls-heading" className="mt-6">
        <div className="flex items-baseline justify-between">
          <h2 id="calls-heading" className="text-lg font-semibold">
            Calls <span className="text-sm font-normal text-ink-muted">({data.calls.length}, newest first)</span>
          </h2>
          <span className="text-xs text-ink-muted">
            {error ? (
              <span className="text-alarm-high">Refresh failed: {error.message}</span>
            ) : isFetching ? (
              "Refreshing…"
            ) : (
              <>
                as of <UtcTime iso={data.at} precision="second" zone />
              </>
            )}
          </span>
        </div>
        <CallsTable calls={data.calls} />
      </section>
    </>
  );
}

function MetricsTable({ metrics }: { metrics: VersionMetrics[] }) {
  return (
    <DataTable<VersionMetrics>
      columns={[
        "Prompt",
        "Version",
        "Calls",
        "OK",
        "p50 latency",
        "p95 latency",
        "Mean input tokens",
        "Mean output tokens",
        "Cost",
        "Useful / not",
      ]}
      rows={metrics}
      caption="Metrics per prompt version"
      empty={<EmptyState>No calls match these filters.</EmptyState>}
      row={(m) => (
        <tr
          key={`${m.prompt}-${m.version}`}
          className="border-t border-line tabular"
          data-testid="metrics-row"
          data-prompt={m.prompt}
          data-version={m.version}
        >
          <td className="px-3 py-1.5 font-mono">{m.prompt}</td>
          <td className="px-3 py-1.5">v{m.version}</td>
          <td className="px-3 py-1.5">{m.calls}</td>
          <td className="px-3 py-1.5">{m.okCalls}</td>
          <td className="px-3 py-1.5">{ms(m.p50LatencyMs)}</td>
          <td className="px-3 py-1.5">{ms(m.p95LatencyMs)}</td>
          <td className="px-3 py-1.5">{Math.round(m.meanInputTokens)}</td>
          <td className="px-3 py-1.5">{Math.round(m.meanOutputTokens)}</td>
          <td className="px-3 py-1.5">{usd(m.costUsd)}</td>
          <td className="px-3 py-1.5">
            {m.usefulCount} / {m.notUsefulCount}
          </td>
        </tr>
      )}
    />
  );
}

const CALL_COLUMNS = [
  "Time (UTC)",
  "Feature",
  "Prompt",
  "Model",
  "User",
  "Status",
  "Tokens in / cached / out",
  "Cost",
  "Latency",
  "Redactions",
];

function CallsTable({ calls }: { calls: CallView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <DataTable<CallView>
      columns={CALL_COLUMNS}
      rows={calls}
      caption="AI calls"
      empty={<EmptyState>No calls match these filters.</EmptyState>}
      row={(c) => (
        <Fragment key={c.id}>
          <tr
            className="cursor-pointer border-t border-line align-top tabular hover:bg-panel"
            data-testid="call-row"
            data-call-id={c.id}
            data-status={c.status}
            aria-expanded={open === c.id}
            onClick={() => setOpen((o) => (o === c.id ? null : c.id))}
          >
            <td className="px-3 py-1.5 whitespace-nowrap">
              <UtcTime iso={c.at} precision="second" />
            </td>
            <td className="px-3 py-1.5">{c.feature}</td>
            <td className="px-3 py-1.5 font-mono">{c.prompt ? `${c.prompt} v${c.promptVersion ?? "?"}` : "—"}</td>
            <td className="px-3 py-1.5 font-mono">
              {c.model ?? "—"}
              {c.demo && <span className="ml-1 text-xs text-alarm-medium">demo</span>}
            </td>
            <td className="px-3 py-1.5">{c.userName ?? c.userId}</td>
            <td className="px-3 py-1.5">
              <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
            </td>
            <td className="px-3 py-1.5">
              {c.inputTokens} / {c.cachedTokens} / {c.outputTokens}
            </td>
            <td className="px-3 py-1.5" data-testid="call-cost">
              {usd(c.costUsd)}
            </td>
            <td className="px-3 py-1.5">{ms(c.latencyMs)}</td>
            <td className="px-3 py-1.5 text-xs">{describeRedactions(c.redactions)}</td>
          </tr>
          {open === c.id && (
            <tr className="border-t border-line bg-panel">
              <td colSpan={CALL_COLUMNS.length} className="px-3 py-3 text-sm">
                <CallDetails call={c} />
              </td>
            </tr>
          )}
        </Fragment>
      )}
    />
  );
}

function CallDetails({ call }: { call: CallView }) {
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-ink-muted">Call id</dt>
        <dd className="font-mono">{call.id}</dd>
        <dt className="text-ink-muted">Patient (internal id, never sent)</dt>
        <dd className="font-mono">{call.patientId ?? "—"}</dd>
        <dt className="text-ink-muted">Data read</dt>
        <dd>{describeParameters(call.parameters)}</dd>
        <dt className="text-ink-muted">Removed before sending</dt>
        <dd>{describeRedactions(call.redactions)}</dd>
        <dt className="text-ink-muted">Feedback</dt>
        <dd>{call.feedback === null ? "none" : call.feedback === "useful" ? "useful" : "not useful"}</dd>
        {call.error && (
          <>
            <dt className="text-ink-muted">Error</dt>
            <dd className="text-alarm-high">{call.error}</dd>
          </>
        )}
      </dl>
      {call.hasContent ? (
        <CallContentView callId={call.id} />
      ) : (
        <p className="text-xs text-ink-muted">Content was not logged for this call.</p>
      )}
    </div>
  );
}

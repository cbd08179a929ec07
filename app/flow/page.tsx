// Patient flow for managers, scoped by ward: census now, admissions and discharges today, where patients
// wait now (the longest stage first), length of stay by ward, the 30-day trend, and the KPIs with their
// definitions, numerators and denominators, a CSV export and links to the rows behind each figure.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { FlowTrendChart } from "@/components/charts/flow-trend-chart";
import { LengthOfStayChart } from "@/components/charts/length-of-stay-chart";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { FLOW_ROLES, flowWardScope } from "@/lib/patient-flow/flow-scope";
import { buildFlowReport } from "@/lib/patient-flow/flow-report";
import { buildKpiReport } from "@/lib/patient-flow/kpi-report";
import { formatKpiValue, prepareFlowTrend, prepareLosBars, prepareWaitRows } from "@/lib/charts/prepare-flow";
import { FlowWardPicker } from "./flow-ward-picker";

export const metadata: Metadata = { title: "Patient flow · IoMT Ward" };
export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;

export default async function FlowPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal } = await requirePagePrincipal({ roles: FLOW_ROLES, returnTo: "/flow" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/flow" what="patient flow" />}>
      <FlowPageContent principal={principal} searchParams={searchParams} />
    </Suspense>
  );
}

async function FlowPageContent({
  principal,
  searchParams,
}: {
  principal: Principal;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const asked = typeof sp.ward === "string" && sp.ward ? sp.ward : undefined;
  const wardId = asked && (principal.role === "admin" || principal.wardIds.includes(asked)) ? asked : undefined;
  const wardIds = flowWardScope(principal, wardId);
  const now = new Date();
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const [flow, kpis] = await Promise.all([
    buildFlowReport({ wardIds, from: today, to: now, now }),
    buildKpiReport({ wardIds, from: new Date(now.getTime() - 30 * DAY_MS), to: now, now }),
  ]);
  const codes = Object.fromEntries(flow.wards.map((w) => [w.id, w.code]));
  const census = flow.census.reduce((s, c) => s + c.inBed, 0);
  const beds = flow.wards.reduce((s, w) => s + w.beds, 0);
  const waits = prepareWaitRows(flow.waitsNow.stages, flow.waitsNow.longest);
  const q = new URLSearchParams({ from: kpis.from, to: kpis.to, ...(wardId ? { wardId } : {}) });
  return (
    <>
      <AppNav principal={principal} current="/flow" />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Patient flow</h1>
          <FlowWardPicker
            wards={flow.wards.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            value={wardId ?? ""}
            all={principal.role === "admin"}
          />
        </div>
        <section className="grid gap-3 sm:grid-cols-4" aria-label="Today">
          <Stat label="In a bed now" value={`${census} / ${beds}`} />
          <Stat label="Admissions today" value={flow.movements.admissions} />
          <Stat label="Discharges today" value={flow.movements.discharges} />
          <Stat label="Longest wait now" value={waits.find((w) => w.isLongest)?.label ?? "nobody waiting"} />
        </section>
        <section className="rounded-lg border border-line bg-panel p-4" aria-labelledby="waits-heading">
          <h2 id="waits-heading" className="text-lg font-semibold">
            Where patients wait now
          </h2>
          <table className="mt-2 w-full text-sm">
            <thead className="text-left text-ink-muted">
              <tr>
                <th className="py-1">Stage</th>
                <th>Waiting</th>
                <th>Median</th>
                <th>Longest</th>
              </tr>
            </thead>
            <tbody>
              {waits.map((w) => (
                <tr key={w.stage} className={w.isLongest ? "font-semibold text-alarm-medium" : ""}>
                  <td className="py-1">{w.label}</td>
                  <td className="tabular">{w.waiting}</td>
                  <td className="tabular">{w.median}</td>
                  <td className="tabular">{w.longest}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-ink-muted">
            Decision-to-bed today: {formatKpiValue(flow.admitToBed)} (of {flow.admitToBed.denominator}); discharge order to left:{" "}
            {formatKpiValue(flow.dischargeToLeft)} (of {flow.dischargeToLeft.denominator}); bed vacated to cleaned:{" "}
            {formatKpiValue(flow.bedToClean)} (of {flow.bedToClean.denominator}).
          </p>
        </section>
        <section className="rounded-lg border border-line bg-panel p-4" aria-labelledby="trend-heading">
          <h2 id="trend-heading" className="text-lg font-semibold">
            Last 30 days
          </h2>
          <FlowTrendChart rows={prepareFlowTrend(flow.trend)} />
        </section>
        <section className="rounded-lg border border-line bg-panel p-4" aria-labelledby="los-heading">
          <h2 id="los-heading" className="text-lg font-semibold">
            Length of stay by ward (stays ended today)
          </h2>
          <LengthOfStayChart bars={prepareLosBars(flow.lengthOfStay, codes)} />
        </section>
        <section className="rounded-lg border border-line bg-panel p-4" aria-labelledby="kpi-heading">
          <div className="flex items-center justify-between">
            <h2 id="kpi-heading" className="text-lg font-semibold">
              KPIs, last 30 days
            </h2>
            <a className="text-sm underline" href={`/api/v1/kpis?${q}&format=csv`}>
              Export CSV
            </a>
          </div>
          <table className="mt-2 w-full text-sm" data-testid="kpi-table">
            <thead className="text-left text-ink-muted">
              <tr>
                <th className="py-1">KPI</th>
                <th>Value</th>
                <th>Numerator</th>
                <th>Denominator</th>
                <th>Definition</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line align-top">
              {kpis.kpis.map((k) => (
                <tr key={k.key} data-kpi={k.key}>
                  <td className="py-1 pr-2 font-medium">{k.label}</td>
                  <td className="pr-2 tabular">{formatKpiValue(k.kpi)}</td>
                  <td className="pr-2 tabular">
                    <Link href={`/api/v1/kpis?${q}&kpi=${k.key}&rows=numerator&format=csv`} prefetch={false} className="underline">
                      {Math.round(k.kpi.numerator * 100) / 100}
                    </Link>
                  </td>
                  <td className="pr-2 tabular">
                    <Link href={`/api/v1/kpis?${q}&kpi=${k.key}&rows=denominator&format=csv`} prefetch={false} className="underline">
                      {Math.round(k.kpi.denominator * 100) / 100}
                    </Link>
                  </td>
                  <td className="text-xs text-ink-muted">{k.kpi.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-lg border border-line bg-panel p-3">
      <div className="text-xs text-ink-muted">{label}</div>
      <div className="text-xl font-semibold tabular">{value}</div>
    </div>
  );
}

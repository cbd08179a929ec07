// The environment sensors in the caller's scope (current reading, 24 h chart) and the compliance record (CDC
// vaccine storage): every temperature excursion and logger gap, with its duration and corrective action.
// Admin and biomed see all; nurses and physicians their wards. Refreshes every 30 s.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { StatLink } from "@/components/ui/stat";
import { listExcursionDevices, listExcursions, summarizeExcursions } from "@/lib/environment/excursion-queries";
import { listSensorReadings } from "@/lib/environment/sensor-readings";
import { ENVIRONMENT_ROLES, formatDuration } from "@/lib/environment/excursion-types";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { ExcursionFilters } from "./excursion-filters";
import { ExcursionTable } from "./excursion-table";
import { SensorCards } from "./sensor-cards";
import { csvHref, pageHref, parsePageFilter, toExcursionFilter } from "./page-filters";

export const metadata: Metadata = { title: "Environment · IoMT Ward" };
export const dynamic = "force-dynamic";

const LIMIT = 500;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const requestTime = () => Date.now();

export default async function EnvironmentPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal } = await requirePagePrincipal({ roles: ENVIRONMENT_ROLES, returnTo: "/environment" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/environment" what="the environment" />}>
      <EnvironmentPageContent principal={principal} searchParams={searchParams} />
    </Suspense>
  );
}

async function EnvironmentPageContent({ principal, searchParams }: { principal: Principal; searchParams: SearchParams }) {
  const filter = parsePageFilter(await searchParams);
  const now = requestTime();
  const [excursions, summary, devices, sensors] = await Promise.all([
    listExcursions(principal, { ...toExcursionFilter(filter, now), limit: LIMIT }, { now: new Date(now) }),
    summarizeExcursions(principal, { now: new Date(now) }),
    listExcursionDevices(principal),
    listSensorReadings(principal, { now }),
  ]);
  const days = summary.windowDays;
  const stat = (label: string, value: string | number, href: string, tone = "") => (
    <StatLink label={label} value={value} href={href} tone={tone} />
  );

  return (
    <>
      <AppNav principal={principal} current="/environment" />
      <AutoRefresh seconds={30} />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Environment</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Vaccine storage compliance record: every excursion out of range and every gap of more than 30 minutes in the logger&apos;s
          readings, with its duration and the corrective action taken (CDC; keep for 3 years).
          {principal.role === "nurse" || principal.role === "physician" ? " Showing the devices of your wards." : ""} Updates every 30 s.
        </p>
        <div className="mt-4 flex flex-wrap gap-3" aria-label="Summary">
          {stat("ongoing now", summary.open, pageHref({ status: "open", period: "all" }), summary.open ? "text-alarm-medium" : "")}
          {stat(`excursions in the last ${days} days`, summary.excursions, pageHref({ period: "30d" }))}
          {stat(
            `out of range in the last ${days} days`,
            formatDuration(summary.outOfRangeMs),
            pageHref({ period: "30d" }),
            summary.outOfRangeMs ? "text-alarm-high" : "",
          )}
          {stat(
            `logger gaps in the last ${days} days`,
            summary.gaps,
            pageHref({ kind: "data_gap", period: "30d" }),
            summary.gaps ? "text-alarm-low" : "",
          )}
          {stat(
            "need a corrective action",
            summary.needsAction,
            pageHref({ status: "needs_action", period: "all" }),
            summary.needsAction ? "text-alarm-medium" : "",
          )}
        </div>
        <section className="mt-6" aria-labelledby="sensors-heading">
          <h2 id="sensors-heading" className="text-lg font-semibold">
            Sensors now
          </h2>
          <SensorCards sensors={sensors} now={now} />
        </section>
        <h2 className="mt-8 text-lg font-semibold">Compliance record</h2>
        <ExcursionFilters values={filter} devices={devices} />
        <div className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          <span className="text-ink-muted">
            {excursions.length >= LIMIT ? `The newest ${LIMIT} shown; narrow the filters or export.` : `${excursions.length} shown.`}
          </span>
          <a href={csvHref(filter, now)} download className="text-accent hover:underline">
            Export CSV
          </a>
        </div>
        <ExcursionTable excursions={excursions} />
      </main>
    </>
  );
}

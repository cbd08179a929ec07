"use client";
// Continuous glucose over the last 14 days, shown only when the patient has CGM readings: time in the
// five ranges against the consensus targets, the AGP daily overlay, and the last 24 hours with the
// glucose alarm limits and alarms. One fetch of 14 days at up to 5,000 points (the API's cap; a 5-minute
// CGM gives 4,032 in 14 days, so nothing is dropped; a faster sensor is LTTB-downsampled, which keeps
// peaks and troughs and slightly over-weights the tails: the percentages and percentiles are then an
// approximation, said on screen). Kept current by the live feed. The AGP is the page's one Recharts
// chart, so Recharts is loaded only for a patient with CGM readings (next/dynamic), never for the trends.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo } from "react";
import { retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { TimeInRangeBar } from "@/components/charts/time-in-range-bar";
import { useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { useClock } from "@/components/live/use-now";
import { AGP_X_TICKS, agpProfile, agpRows, agpYDomain, agpYTicks, chooseAgpBinMinutes, formatMinuteOfDay } from "@/lib/charts/prepare-agp";
import { evaluateCgmTargets, summarizeCgm } from "@/lib/charts/prepare-cgm";
import { appendLivePoint } from "@/lib/charts/prepare-trend";
import type { VitalsPayload } from "@/lib/events";
import { GlucoseDayCard } from "./glucose-day-card";
import { CgmStats } from "./cgm-stats";
import { fetchSeries, type Series } from "./patient-api";

const AgpChart = dynamic(() => import("@/components/charts/agp-chart").then((m) => m.AgpChart), {
  ssr: false,
  loading: () => <div style={{ height: 240 }} aria-busy="true" />,
});

const DAY_MS = 24 * 60 * 60 * 1000;
export const CGM_WINDOW_MS = 14 * DAY_MS;
const CGM_MAX_POINTS = 5000;

/** "13.8 days", "1 day", "6 h". */
function formatDays(days: number): string {
  if (days < 1) return `${Math.max(1, Math.round(days * 24))} h`;
  const d = Math.round(days * 10) / 10;
  return `${d} day${d === 1 ? "" : "s"}`;
}

const toMinute = (now: number) => Math.floor(now / 60_000) * 60_000;

export function CgmPanel({ patientId, showAlarms }: { patientId: string; showAlarms: boolean }) {
  const queryClient = useQueryClient();
  const now = useClock(toMinute);
  const query = useQuery({
    queryKey: queryKeys.cgm(patientId),
    queryFn: ({ signal }) => fetchSeries(patientId, "glucose", { from: Date.now() - CGM_WINDOW_MS, maxPoints: CGM_MAX_POINTS }, signal),
    refetchInterval: 5 * 60_000,
    retry: retryUnlessRefused,
  });
  useRoom("patient", patientId, { onResync: () => void queryClient.invalidateQueries({ queryKey: queryKeys.cgm(patientId) }) });
  useSocketEvent("vitals", (e: VitalsPayload) => {
    const v = e.values.glucose;
    if (e.patientId !== patientId || v === undefined) return;
    const point = { t: Date.parse(e.ts), v };
    queryClient.setQueryData<Series>(queryKeys.cgm(patientId), (old) => {
      if (!old) return old;
      const points = appendLivePoint(old.points, point, point.t - CGM_WINDOW_MS);
      return points === old.points ? old : { ...old, points, total: old.total + (points.includes(point) ? 1 : 0) };
    });
  });

  const points = query.data?.points;
  const view = useMemo(() => {
    if (!points || points.length === 0) return null;
    const summary = summarizeCgm(points, { windowMs: CGM_WINDOW_MS });
    const binMinutes = chooseAgpBinMinutes(points.length);
    const bins = agpProfile(points, { binMinutes });
    // Days of readings (time covered), not calendar dates touched: 14 days of data, not "15 days".
    const days = summary.minutes / (24 * 60);
    return { summary, targets: evaluateCgmTargets(summary), binMinutes, bins, rows: agpRows(bins), days };
  }, [points]);

  // Hidden for patients without CGM readings in the last 14 days (and when the readings are not ours to see).
  if (!query.data || !view || !points) return null;
  const { summary, targets, bins, rows, binMinutes, days } = view;
  const downsampled = query.data.total > points.length;
  const yDomain = agpYDomain(bins);

  return (
    <section aria-labelledby="cgm-heading" className="mt-8" data-testid="cgm-panel">
      <h2 id="cgm-heading" className="text-lg font-semibold">
        Continuous glucose <span className="text-sm font-normal text-ink-muted">last 14 days</span>
      </h2>
      <CgmStats summary={summary} days={formatDays(days)} readingsStored={query.data.total} downsampled={downsampled} />
      <div className="mt-3 grid gap-3 xl:grid-cols-[auto_1fr]">
        <figure className="rounded-lg border border-line bg-panel p-3">
          <figcaption className="mb-3 font-medium">Time in ranges (mg/dL)</figcaption>
          <TimeInRangeBar buckets={summary.buckets} targets={targets} daysCovered={days} />
        </figure>
        <figure className="rounded-lg border border-line bg-panel p-3">
          <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">Ambulatory glucose profile</span>
            <span className="text-xs text-ink-muted">
              median, 25–75 % and 5–95 % by time of day ({binMinutes}-minute bins, {formatDays(days)} overlaid)
            </span>
          </figcaption>
          <AgpChart rows={rows} yDomain={yDomain} yTicks={agpYTicks(yDomain)} xTicks={AGP_X_TICKS} formatMinute={formatMinuteOfDay} />
          {days < 5 && <p className="mt-1 text-xs text-alarm-low">Fewer than 5 days overlaid: the profile is indicative only.</p>}
        </figure>
      </div>
      <div className="mt-3">
        <GlucoseDayCard patientId={patientId} points={points} now={now} showAlarms={showAlarms} />
      </div>
    </section>
  );
}

"use client";
// The CGM panel's content (loaded only when the patient has readings, see ./cgm-panel): summary figures,
// time in ranges against the consensus targets, the ambulatory glucose profile and the last 24 hours.
import { useMemo } from "react";
import { AgpChart } from "@/components/charts/agp-chart";
import { TimeInRangeBar } from "@/components/charts/time-in-range-bar";
import { AGP_X_TICKS, agpProfile, agpRows, agpYDomain, agpYTicks, chooseAgpBinMinutes, formatMinuteOfDay } from "@/lib/charts/prepare-agp";
import { evaluateCgmTargets, summarizeCgm } from "@/lib/charts/prepare-cgm";
import { CGM_WINDOW_MS } from "./cgm-window";
import { CgmStats } from "./cgm-stats";
import { GlucoseDayCard } from "./glucose-day-card";
import type { Series } from "./patient-api";

/** "13.8 days", "1 day", "6 h". */
function formatDays(days: number): string {
  if (days < 1) return `${Math.max(1, Math.round(days * 24))} h`;
  const d = Math.round(days * 10) / 10;
  return `${d} day${d === 1 ? "" : "s"}`;
}

export type CgmViewProps = { patientId: string; series: Series; now: number; showAlarms: boolean };

export function CgmView({ patientId, series, now, showAlarms }: CgmViewProps) {
  const points = series.points;
  const view = useMemo(() => {
    if (points.length === 0) return null;
    const summary = summarizeCgm(points, { windowMs: CGM_WINDOW_MS });
    const binMinutes = chooseAgpBinMinutes(points.length);
    const bins = agpProfile(points, { binMinutes });
    // Days of readings (time covered), not calendar dates touched: 14 days of data, not "15 days".
    const days = summary.minutes / (24 * 60);
    return { summary, targets: evaluateCgmTargets(summary), binMinutes, bins, rows: agpRows(bins), days };
  }, [points]);

  if (!view) return null;
  const { summary, targets, bins, rows, binMinutes, days } = view;
  const downsampled = series.total > points.length;
  const yDomain = agpYDomain(bins);

  return (
    <section aria-labelledby="cgm-heading" className="mt-8" data-testid="cgm-panel">
      <h2 id="cgm-heading" className="text-lg font-semibold">
        Continuous glucose <span className="text-sm font-normal text-ink-muted">last 14 days</span>
      </h2>
      <CgmStats summary={summary} days={formatDays(days)} readingsStored={series.total} downsampled={downsampled} />
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

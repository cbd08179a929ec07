"use client";
// Glucose for a phone: current reading, the time-in-range bar for the chosen period with the consensus
// targets, and the AGP. The numbers come from lib/portal/glucose-view; the charts are components/charts.
import { useState } from "react";
import { AgpChart } from "@/components/charts/agp-chart";
import { TimeInRangeBar } from "@/components/charts/time-in-range-bar";
import { PeriodTabs, type Period } from "@/components/portal/period-tabs";
import { AGP_X_TICKS, formatMinuteOfDay } from "@/lib/charts/prepare-agp";
import { GLUCOSE_RANGES } from "@/lib/charts/prepare-cgm";
import { formatLocalDateTime } from "@/lib/portal/format-local";
import type { GlucoseView } from "@/lib/portal/glucose-view";

export function GlucosePanel({ glucose, tzOffsetMinutes }: { glucose: GlucoseView; tzOffsetMinutes: number }) {
  const [period, setPeriod] = useState<Period>("days14");
  const tir = period === "today" ? glucose.today : glucose.days14;
  const minutes = tir.buckets.reduce((a, b) => a + b.minutes, 0);
  return (
    <div className="mt-3 space-y-5">
      <section aria-labelledby="current-h" data-testid="current-glucose">
        <h2 id="current-h" className="text-lg font-semibold">
          Now
        </h2>
        {glucose.current ? (
          <p>
            <span className="text-4xl font-semibold tabular" style={{ color: GLUCOSE_RANGES[glucose.current.range].color }}>
              {Math.round(glucose.current.value)}
            </span>{" "}
            mg/dL · {GLUCOSE_RANGES[glucose.current.range].label}
            <span className="block text-sm text-ink-muted">{formatLocalDateTime(glucose.current.at, tzOffsetMinutes)}</span>
          </p>
        ) : (
          <p className="text-ink-muted">No reading in the last 15 minutes.</p>
        )}
      </section>
      <section aria-labelledby="tir-h">
        <h2 id="tir-h" className="text-lg font-semibold">
          Time in range
        </h2>
        <PeriodTabs value={period} onChange={setPeriod} label="Period" />
        <p className="mt-2 text-sm text-ink-muted">
          {tir.readings} readings{tir.mean !== null && `, average ${Math.round(tir.mean)} mg/dL`}. Goal: over 70 % in range 70–180 mg/dL,
          under 4 % below 70, under 1 % below 54.
        </p>
        <div className="mt-3 overflow-x-auto">
          <TimeInRangeBar buckets={tir.buckets} targets={tir.targets} daysCovered={minutes / 1440} />
        </div>
      </section>
      <section aria-labelledby="agp-h">
        <h2 id="agp-h" className="text-lg font-semibold">
          Your typical day (14 days)
        </h2>
        <p className="text-sm text-ink-muted">
          The line is your median glucose at each time of day; the dark band holds half of your readings (25–75 %), the light band 90 %
          (5–95 %). The green zone is 70–180 mg/dL.
        </p>
        <AgpChart
          rows={glucose.agp.rows}
          yDomain={glucose.agp.yDomain}
          yTicks={glucose.agp.yTicks}
          xTicks={AGP_X_TICKS.filter((_, i) => i % 2 === 0)}
          formatMinute={formatMinuteOfDay}
          height={260}
        />
        {glucose.urgentLows14 > 0 && (
          <p className="mt-2 text-sm text-alarm-medium">
            {glucose.urgentLows14} reading(s) below 54 mg/dL in the last 14 days. Talk to your care team about lows, especially at night.
          </p>
        )}
      </section>
    </div>
  );
}

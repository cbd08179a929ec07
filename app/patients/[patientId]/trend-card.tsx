"use client";
// One vital-sign trend card: its series (one query per metric), the patient's alarm limits for it as
// dashed lines, and markers where its alarms were raised. Data shaping is in lib/charts.
import { memo } from "react";
import { VitalTrendChart, type TrendLine } from "@/components/charts/vital-trend-chart";
import type { AlertView } from "@/lib/events";
import type { Point } from "@/lib/charts/lttb";
import { alarmMarkers, limitDomainRows, limitLines, type LimitView } from "@/lib/charts/prepare-limits";
import {
  breakGaps,
  formatClock,
  gapThresholdMs,
  mergeSeries,
  news2ZeroBand,
  showDots,
  yDomain,
  yTicks,
  type TrendChartSpec,
  TREND_MAX_POINTS,
} from "@/lib/charts/prepare-trend";
import { TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import { METRICS, formatMetric } from "@/lib/domain/metrics";
import { errorText, type SeriesResult } from "./patient-api";

const LINE_COLORS: Readonly<Record<string, string>> = {
  heart_rate: "var(--color-vital-hr)",
  spo2: "var(--color-vital-spo2)",
  resp_rate: "var(--color-vital-resp)",
  bp_sys: "var(--color-vital-bp)",
  bp_dia: "var(--color-vital-bp)",
  temp: "var(--color-vital-temp)",
};
const LINE_LABELS: Readonly<Record<string, string>> = { bp_sys: "Systolic", bp_dia: "Diastolic" };
const numberFormat = new Intl.NumberFormat("en-US");

export type TrendCardProps = {
  spec: TrendChartSpec;
  results: (SeriesResult | undefined)[];
  domain: [number, number];
  ticks: number[];
  range: TimeRangeKey;
  spo2Scale: number;
  limits: readonly LimitView[];
  alerts: readonly AlertView[];
  /** Minutes east of UTC for the clock labels. */
  tz: number;
};

/** Memoized: the page passes stable props, so a card whose data and axis did not change is not redrawn. */
export const TrendCard = memo(function TrendCard({ spec, results, domain, ticks, range, spo2Scale, limits, alerts, tz }: TrendCardProps) {
  const series: Record<string, readonly Point[]> = {};
  let total = 0;
  let drawn = 0;
  spec.codes.forEach((code, i) => {
    const data = results[i]?.data;
    series[code] = data?.points ?? [];
    total += data?.total ?? 0;
    drawn += data?.points.length ?? 0;
  });
  const merged = mergeSeries(series);
  const rows = spec.continuous ? breakGaps(merged, gapThresholdMs(TIME_RANGE_MS[range], TREND_MAX_POINTS)) : merged;
  const failed = results.find((r) => r?.isError);
  const loading = results.some((r) => !r || r.isPending);
  const placeholder = failed ? errorText(failed.error) : loading ? "Loading…" : drawn === 0 ? "No readings in this range" : null;

  // Latest reading of each line ("120/80" for BP); none until every line has one.
  const lastPoints = spec.codes.map((code) => ({ code, point: series[code]?.at(-1) }));
  const complete = lastPoints.every((l) => l.point !== undefined);
  const latest = complete ? lastPoints.map((l) => (l.point ? formatMetric(l.code, l.point.v) : "")).join("/") : null;
  const latestT = Math.max(0, ...lastPoints.map((l) => l.point?.t ?? 0));
  const lines: TrendLine[] = spec.codes.map((code, i) => ({
    key: code,
    label: LINE_LABELS[code] ?? METRICS[code].label,
    color: LINE_COLORS[code] ?? "var(--color-ink)",
    dashed: i > 0,
  }));
  const first = METRICS[spec.codes[0]!];
  const limitsDrawn = limitLines(spec.id, limits);
  // The axis always shows the low and high alarm limits, whatever the data.
  const valueDomain = yDomain(spec.id, [...merged, ...limitDomainRows(limitsDrawn)], spec.codes);
  const markers = alarmMarkers(alerts, spec.id, domain, valueDomain, (t) => formatClock(t, tz));
  const alarmsText = markers.length > 0 ? ` · ${markers.length} alarm${markers.length === 1 ? "" : "s"} raised in view` : "";

  return (
    <VitalTrendChart
      code={spec.id}
      title={spec.title}
      unit={first.display}
      decimals={first.decimals}
      rows={rows}
      lines={lines}
      xDomain={domain}
      yDomain={valueDomain}
      yTicks={yTicks(spec.id, valueDomain)}
      xTicks={ticks}
      formatTick={(t) => formatClock(t, tz)}
      band={news2ZeroBand(spec.id, spo2Scale)}
      limits={limitsDrawn}
      markers={markers}
      dots={showDots(series[spec.codes[0]!] ?? [], TIME_RANGE_MS[range])}
      connectNulls={!spec.continuous}
      placeholder={placeholder}
      latest={latest}
      latestAt={latest && latestT > 0 ? formatClock(latestT, tz) : null}
      footnote={
        drawn > 0
          ? `${numberFormat.format(total)} values stored · ${numberFormat.format(drawn)} drawn${drawn < total ? " (downsampled for display)" : ""}${alarmsText}`
          : null
      }
    />
  );
});

"use client";
// The NEWS2 trend: the stored score (code "news2") as a step line over the RCP risk bands, on the same
// time axis as the vitals, with NEWS2 alarm markers and the latest score with its band and clinical
// response (from the live "news2" message when newer: it knows low-medium and what is missing).
import { memo, useState } from "react";
import { VitalTrendChart } from "@/components/charts/vital-trend-chart";
import { useSocketEvent } from "@/components/live/use-live-socket";
import type { AlertView, News2Payload } from "@/lib/events";
import { alarmMarkers } from "@/lib/charts/prepare-limits";
import {
  NEWS2_BAND_COLORS,
  NEWS2_BAND_LABELS,
  latestNews2,
  news2BandAreas,
  news2GapMs,
  news2Rows,
  news2YDomain,
  news2YTicks,
} from "@/lib/charts/prepare-news2";
import { formatClock, showDots, TREND_MAX_POINTS } from "@/lib/charts/prepare-trend";
import { TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import { METRICS, isMetricKey } from "@/lib/domain/metrics";
import { errorText, type SeriesResult } from "./patient-api";

export type News2TrendCardProps = {
  patientId: string;
  result: SeriesResult | undefined;
  domain: [number, number];
  ticks: number[];
  range: TimeRangeKey;
  alerts: readonly AlertView[];
  now: number;
  /** Minutes east of UTC for the clock labels. */
  tz: number;
};

const LINE = [{ key: "news2", label: "NEWS2", color: "var(--color-ink)" }];

function missingText(missing: readonly string[]): string {
  return missing.map((m) => (isMetricKey(m) ? METRICS[m].label : m)).join(", ");
}

/** Memoized: the page passes stable props, so a card whose data and axis did not change is not redrawn. */
export const News2TrendCard = memo(function News2TrendCard({
  patientId,
  result,
  domain,
  ticks,
  range,
  alerts,
  now,
  tz,
}: News2TrendCardProps) {
  const [live, setLive] = useState<News2Payload | null>(null);
  useSocketEvent("news2", (e: News2Payload) => {
    if (e.patientId === patientId) setLive(e);
  });

  const points = result?.data?.points ?? [];
  const rows = news2Rows(points, { now: domain[1], gapMs: news2GapMs(TIME_RANGE_MS[range], TREND_MAX_POINTS) });
  const valueDomain = news2YDomain(points);
  const markers = alarmMarkers(alerts, "news2", domain, valueDomain, (t) => formatClock(t, tz));
  const latest = latestNews2(points, live, now);
  const placeholder = result?.isError
    ? errorText(result.error)
    : !result || result.isPending
      ? "Loading…"
      : points.length === 0
        ? "Not scored in this range: a NEWS2 needs all seven parameters, each recent"
        : null;

  let note = null;
  if (latest && latest.total === null) {
    note = (
      <span className="text-sm text-ink-muted" data-testid="news2-latest-band">
        Not scored{latest.missing.length > 0 ? `: missing ${missingText(latest.missing)}` : ""}
      </span>
    );
  } else if (latest?.band) {
    const label = NEWS2_BAND_LABELS[latest.band];
    note = (
      <span className="text-sm" data-testid="news2-latest-band">
        <span className="font-medium" style={{ color: NEWS2_BAND_COLORS[latest.band] }}>
          {label.short}
        </span>
        <span className="text-ink-muted">: {label.response}</span>
        {latest.stale && <span className="ml-2 text-xs text-alarm-low">not re-scored since {formatClock(latest.at, tz)}</span>}
      </span>
    );
  }

  return (
    <VitalTrendChart
      code="news2"
      title="NEWS2"
      unit=""
      decimals={0}
      rows={rows}
      lines={LINE}
      xDomain={domain}
      yDomain={valueDomain}
      yTicks={news2YTicks(valueDomain)}
      xTicks={ticks}
      formatTick={(t) => formatClock(t, tz)}
      band={null}
      limits={[]}
      bands={news2BandAreas(valueDomain).map((a) => ({ ...a, opacity: 0.1 }))}
      markers={markers}
      lineType="stepAfter"
      dots={showDots(points, TIME_RANGE_MS[range])}
      connectNulls={false}
      placeholder={placeholder}
      latest={latest ? (latest.total === null ? "—" : String(latest.total)) : null}
      latestAt={latest ? formatClock(latest.at, tz) : null}
      latestNote={note}
      footnote={
        points.length > 0 ? "Stored when the score changes and every 5 minutes while complete; a gap means not scored (never 0)." : null
      }
      height={160}
    />
  );
});

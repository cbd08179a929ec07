"use client";
// Vital-sign trends of one patient over 1, 8 or 24 hours: one query per metric (refetched every minute)
// kept current between fetches by the patient's live feed. All charts share one time axis.
import { useQueries, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { VitalTrendChart, type TrendLine } from "@/components/charts/vital-trend-chart";
import { useLiveSocket, useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { useClock } from "@/components/live/use-now";
import type { Point } from "@/lib/charts/lttb";
import {
  TREND_CHARTS, TREND_CODES, appendLivePoint, breakGaps, formatClock, gapThresholdMs, mergeSeries, news2ZeroBand, showDots,
  timeTicks, yDomain, yTicks, type TrendChartSpec,
} from "@/lib/charts/prepare-trend";
import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, TIME_RANGE_LABELS, TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import { METRICS, formatMetric, type MetricKey } from "@/lib/domain/metrics";
import type { VitalsEvent } from "@/lib/socket/events";

const MAX_POINTS = 1000;
const REFETCH_MS = 60_000;
const LINE_COLORS: Readonly<Record<string, string>> = {
  heart_rate: "var(--color-vital-hr)", spo2: "var(--color-vital-spo2)", resp_rate: "var(--color-vital-resp)",
  bp_sys: "var(--color-vital-bp)", bp_dia: "var(--color-vital-bp)", temp: "var(--color-vital-temp)",
};
const LINE_LABELS: Readonly<Record<string, string>> = { bp_sys: "Systolic", bp_dia: "Diastolic" };

const seriesSchema = z.object({
  code: z.string(),
  to: z.string(),
  total: z.number().int().nonnegative(),
  points: z.array(z.object({ t: z.number(), v: z.number() })),
});
type Series = Omit<z.infer<typeof seriesSchema>, "points"> & { points: readonly Point[] };

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const observationsKey = (patientId: string, code: MetricKey, range: TimeRangeKey) => ["observations", patientId, code, range] as const;

/** Only `from` is sent: the server's clock ends the window, so a workstation running late misses nothing. */
async function fetchSeries(patientId: string, code: MetricKey, range: TimeRangeKey, signal: AbortSignal): Promise<Series> {
  const from = new Date(Date.now() - TIME_RANGE_MS[range]).toISOString();
  const query = new URLSearchParams({ code, from, maxPoints: String(MAX_POINTS) });
  const res = await fetch(`/api/v1/patients/${encodeURIComponent(patientId)}/observations?${query}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new HttpError(res.status, `observations request failed (${res.status})`);
  return seriesSchema.parse(await res.json());
}

function errorText(err: unknown): string {
  if (err instanceof HttpError && err.status === 401) return "Your session has ended. Sign in again to see trends.";
  if (err instanceof HttpError && (err.status === 403 || err.status === 404)) return "These readings are not available to you.";
  return "Trends could not be loaded. Retrying every minute.";
}

const toTenSeconds = (now: number) => Math.floor(now / 10_000) * 10_000;
const numberFormat = new Intl.NumberFormat("en-US");

export function PatientTrends({ patientId, spo2Scale }: { patientId: string; spo2Scale: number }) {
  const [range, setRange] = useState<TimeRangeKey>(DEFAULT_TIME_RANGE);
  const queryClient = useQueryClient();
  const live = useLiveSocket();
  const now = useClock(toTenSeconds);

  const results = useQueries({
    queries: TREND_CODES.map((code) => ({
      queryKey: observationsKey(patientId, code, range),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchSeries(patientId, code, range, signal),
      refetchInterval: REFETCH_MS,
      retry: (count: number, err: Error) => !(err instanceof HttpError && err.status < 500) && count < 2,
    })),
  });
  const byCode = new Map(TREND_CODES.map((code, i) => [code, results[i]]));

  // After a reconnect without recovery, fetch again what the feed missed.
  useRoom("patient", patientId, { onResync: () => void queryClient.invalidateQueries({ queryKey: ["observations", patientId] }) });
  useSocketEvent("vitals", (e: VitalsEvent) => {
    if (e.patientId !== patientId) return;
    const t = Date.parse(e.ts);
    for (const code of TREND_CODES) {
      const v = e.values[code];
      if (v === undefined) continue;
      const point = { t, v };
      // Every cached range stays continuous, so switching back shows current data at once.
      for (const r of TIME_RANGE_KEYS) {
        queryClient.setQueryData<Series>(observationsKey(patientId, code, r), (old) => {
          if (!old) return old;
          const points = appendLivePoint(old.points, point, t - TIME_RANGE_MS[r]);
          return points === old.points ? old : { ...old, points, total: old.total + (points.includes(point) ? 1 : 0) };
        });
      }
    }
  });

  // One time axis for every chart: ends now (server time if our clock is behind, or the newest reading).
  let end = now;
  for (const r of results) {
    if (!r.data) continue;
    end = Math.max(end, Date.parse(r.data.to), r.data.points.at(-1)?.t ?? 0);
  }
  const domain: [number, number] = [end - TIME_RANGE_MS[range], end];
  const ticks = end > 0 ? timeTicks(domain, range) : [];

  return (
    <section aria-label="Vital-sign trends" className="mt-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Time range" className="inline-flex overflow-hidden rounded border border-line-strong">
          {TIME_RANGE_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={key === range}
              onClick={() => setRange(key)}
              className={`px-4 py-1.5 text-sm ${key === range ? "bg-accent font-medium text-canvas" : "text-ink hover:bg-panel-raised"}`}
            >
              {TIME_RANGE_LABELS[key]}
            </button>
          ))}
        </div>
        <LiveStatus status={live.status} />
      </div>
      <div className="space-y-3">
        {TREND_CHARTS.map((spec) => (
          <TrendCard key={spec.id} spec={spec} results={spec.codes.map((c) => byCode.get(c))} domain={domain} ticks={ticks} range={range} spo2Scale={spo2Scale} />
        ))}
      </div>
    </section>
  );
}

type CardProps = {
  spec: TrendChartSpec;
  results: (UseQueryResult<Series, Error> | undefined)[];
  domain: [number, number];
  ticks: number[];
  range: TimeRangeKey;
  spo2Scale: number;
};

function TrendCard({ spec, results, domain, ticks, range, spo2Scale }: CardProps) {
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
  const rows = spec.continuous ? breakGaps(merged, gapThresholdMs(TIME_RANGE_MS[range], MAX_POINTS)) : merged;
  const failed = results.find((r) => r?.isError);
  const loading = results.some((r) => !r || r.isPending);
  const placeholder = failed ? errorText(failed.error) : loading ? "Loading…" : drawn === 0 ? "No readings in this range" : null;

  // Latest reading of each line ("120/80" for BP); none until every line has one.
  const lastPoints = spec.codes.map((code) => ({ code, point: series[code]?.at(-1) }));
  const complete = lastPoints.every((l) => l.point !== undefined);
  const latest = complete ? lastPoints.map((l) => (l.point ? formatMetric(l.code, l.point.v) : "")).join("/") : null;
  const latestT = Math.max(0, ...lastPoints.map((l) => l.point?.t ?? 0));
  const lines: TrendLine[] = spec.codes.map((code, i) => ({
    key: code, label: LINE_LABELS[code] ?? METRICS[code].label, color: LINE_COLORS[code] ?? "var(--color-ink)", dashed: i > 0,
  }));
  const first = METRICS[spec.codes[0]!];
  const valueDomain = yDomain(spec.id, merged, spec.codes);

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
      formatTick={(t) => formatClock(t)}
      band={news2ZeroBand(spec.id, spo2Scale)}
      dots={showDots(series[spec.codes[0]!] ?? [], TIME_RANGE_MS[range])}
      connectNulls={!spec.continuous}
      placeholder={placeholder}
      latest={latest}
      latestAt={latest && latestT > 0 ? formatClock(latestT) : null}
      footnote={drawn > 0 ? `${numberFormat.format(total)} values stored · ${numberFormat.format(drawn)} drawn${drawn < total ? " (downsampled for display)" : ""}` : null}
    />
  );
}

const STATUS_TEXT = {
  live: { text: "Live", className: "text-ok" },
  connecting: { text: "Connecting…", className: "text-ink-muted" },
  reconnecting: { text: "Reconnecting: trends may be behind", className: "text-alarm-low" },
  refused: { text: "Live updates unavailable: refreshed every minute", className: "text-alarm-low" },
} as const;

function LiveStatus({ status }: { status: keyof typeof STATUS_TEXT }) {
  const s = STATUS_TEXT[status];
  return (
    <p role="status" className={`flex items-center gap-2 text-sm ${s.className}`}>
      <span aria-hidden="true" className="inline-block size-2 rounded-full bg-current" />
      {s.text}
    </p>
  );
}

"use client";
// Trends of one patient over 1, 8 or 24 hours: NEWS2 over its risk bands, then the vital signs with the
// patient's alarm limits and markers where alarms were raised. One query for every metric of a range
// (refetched every minute; the server renders the default range into the page, so the charts draw at
// first paint) kept current between fetches by the patient's live feed. All charts share one time axis.
// Live readings are buffered and applied together at most once per pixel's worth of time (lib/charts/
// live-trend.ts), on an animation frame; the cards are memoized, so a card redraws only when its data
// or the shared axis changed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { useLiveSocket, useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { useFrameBatch } from "@/components/live/use-frame-batch";
import { useClock } from "@/components/live/use-now";
import { liveRedrawIntervalMs, mergeLivePoints, quantizeEnd } from "@/lib/charts/live-trend";
import type { Point } from "@/lib/charts/lttb";
import { localOffsetMinutes, TREND_CHARTS, TREND_FETCH_CODES, TREND_MAX_POINTS, timeTicks } from "@/lib/charts/prepare-trend";
import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, TIME_RANGE_LABELS, TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import type { VitalsPayload } from "@/lib/events";
import { ChartLegend } from "./chart-legend";
import { News2TrendCard } from "./news2-trend-card";
import { fetchSeriesBundle, type SeriesBundle, type SeriesResult } from "./patient-api";
import { TrendCard } from "./trend-card";
import { useAlarmLimits, usePatientAlerts } from "./use-patient-data";

const REFETCH_MS = 60_000;
/** The vitals drawn, then NEWS2 (also delivered live as a `vitals` value by the alerting engine). */
const FETCH_CODES = TREND_FETCH_CODES;

const toTenSeconds = (now: number) => Math.floor(now / 10_000) * 10_000;
const NONE: readonly never[] = [];

export type PatientTrendsProps = {
  patientId: string;
  spo2Scale: number;
  /** Alarm limits and markers (clinical roles: the limits API is not open to patient accounts). */
  showAlarms: boolean;
  /** The default range's series as the server read them for this page (drawn at first paint). */
  initial: { range: TimeRangeKey; bundle: SeriesBundle; at: number; tzOffsetMinutes: number } | null;
};

export function PatientTrends({ patientId, spo2Scale, showAlarms, initial }: PatientTrendsProps) {
  const [range, setRange] = useState<TimeRangeKey>(initial?.range ?? DEFAULT_TIME_RANGE);
  const queryClient = useQueryClient();
  const live = useLiveSocket();
  const now = useClock(toTenSeconds);
  const limits = useAlarmLimits(patientId, showAlarms).data ?? NONE;
  const alerts = usePatientAlerts(patientId, showAlarms).data ?? NONE;
  const redrawMs = liveRedrawIntervalMs(TIME_RANGE_MS[range]);

  const seeded = initial && initial.range === range ? initial : null;
  const bundle = useQuery({
    queryKey: queryKeys.observationBundle(patientId, range),
    queryFn: ({ signal }) =>
      fetchSeriesBundle(patientId, FETCH_CODES, { from: Date.now() - TIME_RANGE_MS[range], maxPoints: TREND_MAX_POINTS }, signal),
    initialData: seeded?.bundle,
    initialDataUpdatedAt: seeded?.at,
    refetchInterval: REFETCH_MS,
    retry: retryUnlessRefused,
  });
  const { data, isPending, isError, error } = bundle;
  const byCode = useMemo(
    () =>
      new Map<string, SeriesResult>(
        FETCH_CODES.map((code) => [code, { data: data?.series.find((s) => s.code === code), isPending, isError, error }]),
      ),
    [data, isPending, isError, error],
  );
  const cardResults = useMemo(() => TREND_CHARTS.map((spec) => spec.codes.map((c) => byCode.get(c))), [byCode]);

  // After a reconnect without recovery, fetch again what the feed missed.
  useRoom("patient", patientId, {
    onResync: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.observationsOf(patientId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.patientAlerts(patientId) });
    },
  });
  const pushVitals = useFrameBatch<VitalsPayload>((batch) => {
    const fresh = new Map<string, Point[]>();
    for (const e of batch) {
      const t = Date.parse(e.ts);
      for (const code of FETCH_CODES) {
        const v = e.values[code];
        if (v !== undefined) fresh.set(code, [...(fresh.get(code) ?? []), { t, v }]);
      }
    }
    if (fresh.size === 0) return;
    // Every cached range stays continuous, so switching back shows current data at once.
    for (const r of TIME_RANGE_KEYS) {
      queryClient.setQueryData<SeriesBundle>(queryKeys.observationBundle(patientId, r), (old) => {
        if (!old) return old;
        let changed = false;
        const series = old.series.map((s) => {
          const points = fresh.get(s.code);
          if (!points) return s;
          const merged = mergeLivePoints(s.points, points, TIME_RANGE_MS[r], TREND_MAX_POINTS);
          if (merged.points === s.points) return s;
          changed = true;
          return { ...s, points: merged.points, total: s.total + merged.added };
        });
        return changed ? { ...old, series } : old;
      });
    }
  }, redrawMs);
  useSocketEvent("vitals", (e: VitalsPayload) => {
    if (e.patientId === patientId) pushVitals(e);
  });

  // One time axis for every chart: ends now (server time if our clock is behind, or the newest reading).
  let end = now;
  if (bundle.data) end = Math.max(end, Date.parse(bundle.data.to));
  for (const s of bundle.data?.series ?? []) end = Math.max(end, s.points.at(-1)?.t ?? 0);
  // Moved in whole redraw intervals, and the same arrays while it has not moved (memoized cards).
  end = quantizeEnd(end, redrawMs);
  const domain = useMemo<[number, number]>(() => [end - TIME_RANGE_MS[range], end], [end, range]);
  // Clock labels in the server's zone until hydrated (the clock reads 0 until then), so the server's
  // HTML and the hydrating render agree; then in the browser's zone.
  const tz = now === 0 && initial ? initial.tzOffsetMinutes : localOffsetMinutes(end);
  const ticks = useMemo(() => (end > 0 ? timeTicks(domain, range, tz) : []), [end, domain, range, tz]);

  return (
    <section aria-label="Trends" className="mt-6">
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
        {showAlarms && <ChartLegend />}
        <LiveStatus status={live.status} />
      </div>
      <div className="space-y-3">
        <News2TrendCard
          patientId={patientId}
          result={byCode.get("news2")}
          domain={domain}
          ticks={ticks}
          range={range}
          alerts={alerts}
          now={now}
          tz={tz}
        />
        {TREND_CHARTS.map((spec, i) => (
          <TrendCard
            key={spec.id}
            spec={spec}
            results={cardResults[i]!}
            domain={domain}
            ticks={ticks}
            range={range}
            spo2Scale={spo2Scale}
            limits={limits}
            alerts={alerts}
            tz={tz}
          />
        ))}
      </div>
    </section>
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

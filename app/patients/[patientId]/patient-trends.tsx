"use client";
// Trends of one patient over 1, 8 or 24 hours: NEWS2 over its risk bands, then the vital signs with the
// patient's alarm limits and markers where alarms were raised. One query per metric (refetched every
// minute) kept current between fetches by the patient's live feed. All charts share one time axis.
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { useLiveSocket, useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { useClock } from "@/components/live/use-now";
import { TREND_CHARTS, TREND_CODES, appendLivePoint, timeTicks } from "@/lib/charts/prepare-trend";
import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, TIME_RANGE_LABELS, TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import type { MetricKey } from "@/lib/domain/metrics";
import type { VitalsPayload } from "@/lib/events";
import { ChartLegend } from "./chart-legend";
import { News2TrendCard } from "./news2-trend-card";
import { fetchSeries, type Series } from "./patient-api";
import { TREND_MAX_POINTS, TrendCard } from "./trend-card";
import { useAlarmLimits, usePatientAlerts } from "./use-patient-data";

const REFETCH_MS = 60_000;
/** The vitals drawn, then NEWS2 (also delivered live as a `vitals` value by the alerting engine). */
const FETCH_CODES: readonly MetricKey[] = [...TREND_CODES, "news2"];

const toTenSeconds = (now: number) => Math.floor(now / 10_000) * 10_000;

export type PatientTrendsProps = {
  patientId: string;
  spo2Scale: number;
  /** Alarm limits and markers (clinical roles: the limits API is not open to patient accounts). */
  showAlarms: boolean;
};

export function PatientTrends({ patientId, spo2Scale, showAlarms }: PatientTrendsProps) {
  const [range, setRange] = useState<TimeRangeKey>(DEFAULT_TIME_RANGE);
  const queryClient = useQueryClient();
  const live = useLiveSocket();
  const now = useClock(toTenSeconds);
  const limits = useAlarmLimits(patientId, showAlarms).data ?? [];
  const alerts = usePatientAlerts(patientId, showAlarms).data ?? [];

  const results = useQueries({
    queries: FETCH_CODES.map((code) => ({
      queryKey: queryKeys.observations(patientId, code, range),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchSeries(patientId, code, { from: Date.now() - TIME_RANGE_MS[range], maxPoints: TREND_MAX_POINTS }, signal),
      refetchInterval: REFETCH_MS,
      retry: retryUnlessRefused,
    })),
  });
  const byCode = new Map(FETCH_CODES.map((code, i) => [code, results[i]]));

  // After a reconnect without recovery, fetch again what the feed missed.
  useRoom("patient", patientId, {
    onResync: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.observationsOf(patientId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.patientAlerts(patientId) });
    },
  });
  useSocketEvent("vitals", (e: VitalsPayload) => {
    if (e.patientId !== patientId) return;
    const t = Date.parse(e.ts);
    for (const code of FETCH_CODES) {
      const v = e.values[code];
      if (v === undefined) continue;
      const point = { t, v };
      // Every cached range stays continuous, so switching back shows current data at once.
      for (const r of TIME_RANGE_KEYS) {
        queryClient.setQueryData<Series>(queryKeys.observations(patientId, code, r), (old) => {
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
        />
        {TREND_CHARTS.map((spec) => (
          <TrendCard
            key={spec.id}
            spec={spec}
            results={spec.codes.map((c) => byCode.get(c))}
            domain={domain}
            ticks={ticks}
            range={range}
            spo2Scale={spo2Scale}
            limits={limits}
            alerts={alerts}
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

"use client";
// Continuous glucose over the last 14 days, shown only when the patient has CGM readings: time in the
// five ranges against the consensus targets, the AGP daily overlay, and the last 24 hours with the
// glucose alarm limits and alarms (./cgm-view). One fetch of 14 days at up to 5,000 points (the API's
// cap; a 5-minute CGM gives 4,032 in 14 days, so nothing is dropped; a faster sensor is LTTB-downsampled,
// which keeps peaks and troughs and slightly over-weights the tails: the percentages and percentiles are
// then an approximation, said on screen). Kept current by the live feed. The view (and Recharts, for the
// AGP) is loaded only for a patient with readings (next/dynamic): most patients have none.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { useClock } from "@/components/live/use-now";
import { appendLivePoint } from "@/lib/charts/prepare-trend";
import type { VitalsPayload } from "@/lib/events";
import { CGM_WINDOW_MS } from "./cgm-window";
import { fetchSeries, type Series } from "./patient-api";

const CgmView = dynamic(() => import("./cgm-view").then((m) => m.CgmView), { ssr: false });

const CGM_MAX_POINTS = 5000;
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

  // Hidden for patients without CGM readings in the last 14 days (and when the readings are not ours to see).
  if (!query.data || query.data.points.length === 0) return null;
  return <CgmView patientId={patientId} series={query.data} now={now} showAlarms={showAlarms} />;
}

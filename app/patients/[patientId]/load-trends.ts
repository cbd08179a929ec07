// The patient page's first trends, read on the server for the default range in one statement, so the
// charts draw at first paint instead of after a round of requests from the browser. The page's own
// audit row ("patient.view") covers this read.
import "server-only";
import { localOffsetMinutes, TREND_FETCH_CODES, TREND_MAX_POINTS } from "@/lib/charts/prepare-trend";
import { DEFAULT_TIME_RANGE, TIME_RANGE_MS, type TimeRangeKey } from "@/lib/charts/time-range";
import { loadObservationBundle } from "@/lib/store/observation-series";
import type { SeriesBundle } from "./patient-api";

/** `tzOffsetMinutes`: the server's zone, for the clock labels of the server render and its hydration. */
export type InitialTrends = { range: TimeRangeKey; bundle: SeriesBundle; at: number; tzOffsetMinutes: number };

export async function loadInitialTrends(patientId: string, now = new Date()): Promise<InitialTrends> {
  const range = DEFAULT_TIME_RANGE;
  const from = new Date(now.getTime() - TIME_RANGE_MS[range]);
  const series = await loadObservationBundle({ patientId, codes: TREND_FETCH_CODES, from, to: now, maxPoints: TREND_MAX_POINTS });
  return {
    range,
    bundle: { from: from.toISOString(), to: now.toISOString(), series },
    at: now.getTime(),
    tzOffsetMinutes: localOffsetMinutes(now.getTime()),
  };
}

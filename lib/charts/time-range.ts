// The trend windows a clinician can pick on the patient page, and the time span each one covers.
// Pure and client-safe: the window always ends at "now" and is recomputed on every fetch.

export const TIME_RANGE_KEYS = ["1h", "8h", "24h"] as const;
export type TimeRangeKey = (typeof TIME_RANGE_KEYS)[number];

const HOUR_MS = 60 * 60 * 1000;

export const TIME_RANGE_MS: Readonly<Record<TimeRangeKey, number>> = {
  "1h": HOUR_MS,
  "8h": 8 * HOUR_MS,
  "24h": 24 * HOUR_MS,
};

/** Button labels, as shown on screen. */
export const TIME_RANGE_LABELS: Readonly<Record<TimeRangeKey, string>> = {
  "1h": "1 h",
  "8h": "8 h",
  "24h": "24 h",
};

export const DEFAULT_TIME_RANGE: TimeRangeKey = "8h";

/** A closed time window in epoch milliseconds. */
export type TimeWindow = { from: number; to: number };

export function isTimeRangeKey(value: unknown): value is TimeRangeKey {
  return typeof value === "string" && (TIME_RANGE_KEYS as readonly string[]).includes(value);
}

/** The window of `range` that ends at `nowMs`. */
export function timeWindow(range: TimeRangeKey, nowMs: number): TimeWindow {
  if (!Number.isFinite(nowMs)) throw new RangeError(`now must be a finite epoch time (got ${nowMs})`);
  return { from: nowMs - TIME_RANGE_MS[range], to: nowMs };
}

/** The same window as ISO strings, for the observations API. */
export function timeWindowIso(range: TimeRangeKey, nowMs: number): { from: string; to: string } {
  const w = timeWindow(range, nowMs);
  return { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() };
}

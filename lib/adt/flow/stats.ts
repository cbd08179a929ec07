// Small statistics used by the flow figures. Percentiles interpolate linearly between closest ranks
// (type 7: what numpy, R and spreadsheets' PERCENTILE.INC give), so p50 is the usual median.

export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function percentiles(values: readonly number[]): { p50: number | null; p90: number | null } {
  return { p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Milliseconds two half-open intervals share; `null` ends mean "still open" (never later than `bTo`). */
export function overlapMs(aFrom: Date, aTo: Date | null, bFrom: Date, bTo: Date): number {
  const start = Math.max(aFrom.getTime(), bFrom.getTime());
  const end = Math.min(aTo?.getTime() ?? Infinity, bTo.getTime());
  return Math.max(0, end - start);
}

export const inWindow = (at: Date | undefined | null, window: { from: Date; to: Date }): at is Date =>
  at != null && at >= window.from && at < window.to;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTE_MS = 60_000;

/** Rounds for display in figures (keeps the raw numerator and denominator exact). */
export const round = (value: number | null, digits = 2): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

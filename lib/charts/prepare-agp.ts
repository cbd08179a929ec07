// Pure preparation of the ambulatory glucose profile (AGP) overlay: every reading of the window folded
// onto one day by local time of day, in 15- or 30-minute bins, with the 5th, 25th, 50th, 75th and 95th
// percentiles per bin. Robust to gaps: a bin with too few readings has no percentiles (the bands break
// there instead of inventing a shape), and it never matters which days the readings came from.
// No smoothing across bins (the IDC report smooths; we show the raw bin percentiles). No React, no I/O.
import type { Point } from "./lttb";
import { localOffsetMinutes } from "./prepare-trend";

const MIN_MS = 60_000;
const DAY_MIN = 24 * 60;

export type AgpBinMinutes = 15 | 30;

export type AgpBin = {
  /** Start of the bin, minutes after local midnight. */
  start: number;
  /** Readings in the bin. */
  n: number;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
};

/** Percentile of sorted values, linear interpolation between closest ranks (Hyndman–Fan type 7, as R and NumPy). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no values");
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Minutes after local midnight of `t`. */
export function minuteOfDay(t: number, tzOffsetMinutes: number): number {
  const m = Math.floor((t + tzOffsetMinutes * MIN_MS) / MIN_MS) % DAY_MIN;
  return m < 0 ? m + DAY_MIN : m;
}

/** 15-minute bins when they hold about 10 readings or more on average, else 30-minute bins. */
export function chooseAgpBinMinutes(readings: number): AgpBinMinutes {
  return readings / (DAY_MIN / 15) >= 10 ? 15 : 30;
}

export type AgpOptions = {
  binMinutes: AgpBinMinutes;
  /** A bin with fewer readings gets no percentiles. */
  minReadings?: number;
  /** Local offset from UTC at `t` (per reading, so a DST change inside the window is honoured). */
  tzOffsetMinutes?: (t: number) => number;
};

/** The bins of one day, from local midnight, each with its percentiles (null when too sparse). */
export function agpProfile(points: readonly Point[], opts: AgpOptions): AgpBin[] {
  const offset = opts.tzOffsetMinutes ?? localOffsetMinutes;
  const minReadings = Math.max(1, opts.minReadings ?? 3);
  const binCount = DAY_MIN / opts.binMinutes;
  const values: number[][] = Array.from({ length: binCount }, () => []);
  for (const p of points) {
    if (!Number.isFinite(p.t) || !Number.isFinite(p.v)) continue;
    values[Math.floor(minuteOfDay(p.t, offset(p.t)) / opts.binMinutes)]!.push(p.v);
  }
  return values.map((vs, i) => {
    const start = i * opts.binMinutes;
    if (vs.length < minReadings) return { start, n: vs.length, p5: null, p25: null, p50: null, p75: null, p95: null };
    const sorted = vs.sort((a, b) => a - b);
    return {
      start,
      n: vs.length,
      p5: percentile(sorted, 5),
      p25: percentile(sorted, 25),
      p50: percentile(sorted, 50),
      p75: percentile(sorted, 75),
      p95: percentile(sorted, 95),
    };
  });
}

/** One x position of the AGP chart: bands as [low, high] pairs (shaded ranges), the median as a line. */
export type AgpRow = { minute: number; outer?: [number, number]; inner?: [number, number]; median?: number };

function row(minute: number, b: Pick<AgpBin, "p5" | "p25" | "p50" | "p75" | "p95">): AgpRow {
  if (b.p5 === null || b.p25 === null || b.p50 === null || b.p75 === null || b.p95 === null) return { minute };
  return { minute, outer: [b.p5, b.p95], inner: [b.p25, b.p75], median: b.p50 };
}

function meanOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : (a + b) / 2;
}

/**
 * Chart rows at bin centres, plus midnight at both ends (the mean of the last and first bins, as the
 * day wraps round) so the profile spans 00:00–24:00; a sparse bin is a row without values (a break).
 */
export function agpRows(bins: readonly AgpBin[]): AgpRow[] {
  if (bins.length === 0) return [];
  const width = DAY_MIN / bins.length;
  const first = bins[0]!;
  const last = bins.at(-1)!;
  const midnight = {
    p5: meanOrNull(first.p5, last.p5),
    p25: meanOrNull(first.p25, last.p25),
    p50: meanOrNull(first.p50, last.p50),
    p75: meanOrNull(first.p75, last.p75),
    p95: meanOrNull(first.p95, last.p95),
  };
  return [row(0, midnight), ...bins.map((b) => row(b.start + width / 2, b)), row(DAY_MIN, midnight)];
}

/** Value axis of the AGP: 0–350 mg/dL (the report's scale), widened in 50s when the 95th percentile goes higher. */
export function agpYDomain(bins: readonly AgpBin[]): [number, number] {
  let max = 0;
  for (const b of bins) if (b.p95 !== null && b.p95 > max) max = b.p95;
  return [0, Math.min(600, Math.max(350, Math.ceil((max + 10) / 50) * 50))];
}

/** Ticks on the consensus thresholds (54, 70, 180, 250) and the top of the axis. */
export function agpYTicks(domain: readonly [number, number]): number[] {
  return [0, 54, 70, 180, 250, domain[1]].filter((t, i, a) => t <= domain[1] && a.indexOf(t) === i);
}

/** Time-of-day ticks every 3 hours, 00:00 to 24:00. */
export const AGP_X_TICKS: readonly number[] = [0, 180, 360, 540, 720, 900, 1080, 1260, 1440];

/** "06:00" for minutes after midnight (24:00 at the end of the day). */
export function formatMinuteOfDay(minute: number): string {
  const m = Math.round(minute);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

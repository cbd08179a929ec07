// Pure preparation of vital-sign trend charts: which charts exist, merging series that share a chart
// (systolic and diastolic BP), axis domains with clinical floors, clock ticks, the NEWS2 "score 0" band,
// and keeping a live-updated series inside its time window. No React, no I/O; unit-tested.
import type { MetricKey } from "@/lib/domain/metrics";
import type { Point } from "./lttb";
import type { TimeRangeKey, TimeWindow } from "./time-range";

export type TrendChartId = "heart_rate" | "spo2" | "resp_rate" | "bp" | "temp";

export type TrendChartSpec = {
  id: TrendChartId;
  title: string;
  /** The metrics drawn in this chart, one line each. */
  codes: readonly MetricKey[];
  /**
   * Continuously monitored (ECG, pleth, impedance): a gap in the data is a gap on screen. Intermittent
   * measurements (NIBP cycles, temperature) are joined from one reading to the next.
   */
  continuous: boolean;
};

/** The trend charts on the patient page, in display order. */
export const TREND_CHARTS: readonly TrendChartSpec[] = [
  { id: "heart_rate", title: "Pulse", codes: ["heart_rate"], continuous: true },
  { id: "spo2", title: "SpO₂", codes: ["spo2"], continuous: true },
  { id: "resp_rate", title: "Respiratory rate", codes: ["resp_rate"], continuous: true },
  { id: "bp", title: "Blood pressure (NIBP)", codes: ["bp_sys", "bp_dia"], continuous: false },
  { id: "temp", title: "Temperature", codes: ["temp"], continuous: false },
];

/** Every metric the trend charts draw (what to fetch and what to take from the live feed). */
export const TREND_CODES: readonly MetricKey[] = TREND_CHARTS.flatMap((c) => c.codes);
/** What the patient page fetches in its one request: the vitals drawn, then NEWS2. */
export const TREND_FETCH_CODES: readonly MetricKey[] = [...TREND_CODES, "news2"];
/** Points per series at most (LTTB on the server). */
export const TREND_MAX_POINTS = 1000;

/** One x position of a chart: its time and the value of each series present at that time. */
export type TrendRow = { t: number; [series: string]: number | undefined };

/** Merges several time-ordered series into rows keyed by timestamp (e.g. bp_sys + bp_dia of one NIBP cycle). */
export function mergeSeries(series: Readonly<Record<string, readonly Point[]>>): TrendRow[] {
  const byTime = new Map<number, TrendRow>();
  for (const [key, points] of Object.entries(series)) {
    for (const p of points) {
      let row = byTime.get(p.t);
      if (!row) byTime.set(p.t, (row = { t: p.t }));
      row[key] = p.v;
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** The longest silence still drawn as a line: 2 min, or 5 sample spacings of a downsampled series. */
export function gapThresholdMs(rangeMs: number, maxPoints: number): number {
  return Math.max(2 * 60_000, (5 * rangeMs) / Math.max(maxPoints, 1));
}

/**
 * Inserts an empty row into every silence longer than `maxGapMs`, so a line drawn without connecting
 * missing values breaks there instead of suggesting readings that were never taken.
 */
export function breakGaps(rows: readonly TrendRow[], maxGapMs: number): TrendRow[] {
  const out: TrendRow[] = [];
  let prev: TrendRow | undefined;
  for (const row of rows) {
    if (prev && row.t - prev.t > maxGapMs) out.push({ t: prev.t + 1 });
    out.push(row);
    prev = row;
  }
  return out;
}

/** The time axis: the whole window, stretched to the newest point if a live one arrived after "to". */
export function xDomain(window: TimeWindow, rows: readonly TrendRow[]): [number, number] {
  const last = rows.at(-1);
  return [window.from, Math.max(window.to, last?.t ?? window.to)];
}

type AxisRule = {
  /** Values the axis may never go beyond (SpO₂ never above 100 %). */
  hard: [number, number];
  /** Always shown, so normal variation does not look like a crisis on an auto-scaled axis. */
  view: [number, number];
  step: number;
};

const AXIS_RULES: Readonly<Record<TrendChartId, AxisRule>> = {
  heart_rate: { hard: [0, 300], view: [40, 140], step: 10 },
  spo2: { hard: [0, 100], view: [85, 100], step: 5 },
  resp_rate: { hard: [0, 80], view: [5, 30], step: 5 },
  bp: { hard: [0, 300], view: [40, 180], step: 20 },
  temp: { hard: [25, 45], view: [35, 39], step: 0.5 },
};

/** Value axis: the clinical view widened to the data plus padding, rounded to the step, within hard limits. */
export function yDomain(chart: TrendChartId, rows: readonly TrendRow[], codes: readonly string[]): [number, number] {
  const rule = AXIS_RULES[chart];
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    for (const code of codes) {
      const v = row[code];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  let [lo, hi] = rule.view;
  if (min <= max) {
    const pad = Math.max((max - min) * 0.1, rule.step / 2);
    lo = Math.min(lo, min - pad);
    hi = Math.max(hi, max + pad);
  }
  lo = Math.max(rule.hard[0], floorTo(lo, rule.step));
  hi = Math.min(rule.hard[1], ceilTo(hi, rule.step));
  // Let the top of the axis fall on a labelled tick.
  const tick = tickStep(rule.step, hi - lo);
  hi = Math.min(rule.hard[1], round(lo + Math.ceil((hi - lo) / tick - 1e-9) * tick));
  return [lo, hi];
}

function tickStep(step: number, span: number): number {
  let s = step;
  while (span / s > 6) s *= 2;
  return s;
}

/** Value ticks on multiples of the chart's step (doubled until at most 7 ticks), from the axis floor. */
export function yTicks(chart: TrendChartId, domain: readonly [number, number]): number[] {
  const [lo, hi] = domain;
  const step = tickStep(AXIS_RULES[chart].step, hi - lo);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + 1e-9; i++) ticks.push(round(lo + i * step));
  return ticks;
}

function floorTo(v: number, step: number): number {
  return round(Math.floor(v / step + 1e-9) * step);
}

function ceilTo(v: number, step: number): number {
  return round(Math.ceil(v / step - 1e-9) * step);
}

/** Removes binary floating-point noise (0.1 + 0.2) from computed axis values. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export type ReferenceBand = { y1: number; y2: number; label: string };

/** The range that scores 0 in NEWS2 for this chart, drawn as a shaded band (none for BP: two lines). */
export function news2ZeroBand(chart: TrendChartId, spo2Scale: number): ReferenceBand | null {
  switch (chart) {
    case "heart_rate":
      return { y1: 51, y2: 90, label: "NEWS2 0: 51–90" };
    case "resp_rate":
      return { y1: 12, y2: 20, label: "NEWS2 0: 12–20" };
    case "temp":
      return { y1: 36.1, y2: 38, label: "NEWS2 0: 36.1–38.0" };
    case "spo2":
      return spo2Scale === 2 ? { y1: 88, y2: 92, label: "Scale 2 target: 88–92" } : { y1: 96, y2: 100, label: "NEWS2 0: ≥96" };
    case "bp":
      return null;
  }
}

const MINUTE_MS = 60_000;
const TICK_STEP_MS: Readonly<Record<TimeRangeKey, number>> = {
  "1h": 10 * MINUTE_MS,
  "8h": 60 * MINUTE_MS,
  "24h": 3 * 60 * MINUTE_MS,
};

/** Minutes east of UTC in the browser's time zone at `t` (e.g. 60 for CET, -300 for EST). */
export function localOffsetMinutes(t: number): number {
  return -new Date(t).getTimezoneOffset();
}

/** Ticks on round local clock times: every 10 min (1 h), every hour (8 h), every 3 hours (24 h). */
export function timeTicks(
  domain: readonly [number, number],
  range: TimeRangeKey,
  tzOffsetMinutes = localOffsetMinutes(domain[0]),
): number[] {
  const step = TICK_STEP_MS[range];
  const offset = tzOffsetMinutes * MINUTE_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil((domain[0] + offset) / step) * step - offset; t <= domain[1]; t += step) ticks.push(t);
  return ticks;
}

/** "HH:mm" on a 24-hour clock, in the given offset from UTC (default: the browser's zone). */
export function formatClock(t: number, tzOffsetMinutes = localOffsetMinutes(t)): string {
  const d = new Date(t + tzOffsetMinutes * MINUTE_MS);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function pad2(n: number): string {
  return n.toString().padStart(2, "0");
}

/**
 * Adds a live reading to a time-ordered series and drops what fell out of the window. A reading at a
 * time already present is a redelivery and is ignored (the same array is returned); a late one is
 * inserted in order.
 */
export function appendLivePoint(points: readonly Point[], point: Point, windowStartMs: number): readonly Point[] {
  if (!Number.isFinite(point.t) || !Number.isFinite(point.v) || point.t < windowStartMs) return dropBefore(points, windowStartMs);
  let i = points.length;
  while (i > 0 && points[i - 1]!.t > point.t) i--;
  if (i > 0 && points[i - 1]!.t === point.t) return dropBefore(points, windowStartMs);
  const next = [...points.slice(0, i), point, ...points.slice(i)];
  return dropBefore(next, windowStartMs);
}

function dropBefore(points: readonly Point[], windowStartMs: number): readonly Point[] {
  let first = 0;
  while (first < points.length && points[first]!.t < windowStartMs) first++;
  return first === 0 ? points : points.slice(first);
}

/**
 * Dots make sparse series readable (NIBP cycles, temperature, or a lone reading that a line alone
 * would not show); series denser than about 120 readings across the axis stay plain lines.
 */
export function showDots(points: readonly Point[], rangeMs: number): boolean {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return true;
  return (last.t - first.t) / (points.length - 1) >= rangeMs / 120;
}

// Pure CGM summaries (international consensus on time in range, Battelino et al., Diabetes Care 2019):
// time in the five glucose ranges (< 54, 54–69, 70–180, 181–250, > 250 mg/dL) in % and minutes, each
// consensus target met or not, CGM coverage, mean glucose, GMI and CV. The daily (AGP) overlay is in
// prepare-agp. No React, no I/O; unit-tested.
//
// Time weighting: each reading stands for the time until the next one, capped at `maxGapMs`, so a sensor
// gap (or a series downsampled for display) counts as missing time rather than stretching the reading
// before it. With a regular 5-minute CGM this equals the usual share of readings.
import type { Point } from "./lttb";

export const GLUCOSE_RANGE_KEYS = ["very_low", "low", "in_range", "high", "very_high"] as const;
export type GlucoseRangeKey = (typeof GLUCOSE_RANGE_KEYS)[number];

/** Labels and colours of the ranges, lowest first (AGP convention: reds below, green in range, amber/orange above). */
export const GLUCOSE_RANGES: Readonly<Record<GlucoseRangeKey, { label: string; range: string; color: string }>> = {
  very_low: { label: "Very low", range: "< 54", color: "#b91c1c" },
  low: { label: "Low", range: "54–69", color: "#ff5c5c" },
  in_range: { label: "In range", range: "70–180", color: "var(--color-ok)" },
  high: { label: "High", range: "181–250", color: "#f5b041" },
  very_high: { label: "Very high", range: "> 250", color: "#e67e22" },
};

/** Range of one reading in mg/dL (real-valued: 69.5 is low, 180.4 in range, 250.2 very high). */
export function glucoseRangeOf(v: number): GlucoseRangeKey {
  if (v < 54) return "very_low";
  if (v < 70) return "low";
  if (v <= 180) return "in_range";
  if (v <= 250) return "high";
  return "very_high";
}

export type TirBucket = { key: GlucoseRangeKey; minutes: number; percent: number; readings: number };

export type CgmSummary = {
  buckets: TirBucket[];
  readings: number;
  /** Minutes represented by the readings (the denominator of every percentage). */
  minutes: number;
  /** Share of the window with CGM data, 0–1 (consensus: ≥ 0.7 of 14 days for a reliable report). */
  coverage: number;
  /** Time-weighted mean glucose, mg/dL. */
  mean: number | null;
  /** Glucose management indicator, % = 3.31 + 0.02392 × mean mg/dL (Bergenstal 2018). */
  gmi: number | null;
  /** Coefficient of variation, % (target ≤ 36). */
  cv: number | null;
};

const MIN_MS = 60_000;
/** A reading covers at most this long: longer silences are sensor gaps. */
export const DEFAULT_MAX_GAP_MS = 15 * MIN_MS;
/** The usual CGM interval, used for a lone reading. */
const DEFAULT_INTERVAL_MS = 5 * MIN_MS;

/** How long each reading stands for (ms), in order: the gap to the next one, capped; the last gets the median gap. */
export function readingWeights(points: readonly Point[], maxGapMs = DEFAULT_MAX_GAP_MS): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) gaps.push(Math.min(Math.max(points[i]!.t - points[i - 1]!.t, 0), maxGapMs));
  const sorted = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const typical = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : Math.min(DEFAULT_INTERVAL_MS, maxGapMs);
  return points.length === 0 ? [] : [...gaps, typical];
}

/** Time in each range and the summary statistics over readings of one window (time-ordered). */
export function summarizeCgm(points: readonly Point[], opts: { windowMs: number; maxGapMs?: number }): CgmSummary {
  const valid = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  const weights = readingWeights(valid, opts.maxGapMs);
  const byRange = new Map<GlucoseRangeKey, { ms: number; readings: number }>(GLUCOSE_RANGE_KEYS.map((k) => [k, { ms: 0, readings: 0 }]));
  let totalMs = 0;
  let sum = 0;
  valid.forEach((p, i) => {
    const w = weights[i] ?? 0;
    const b = byRange.get(glucoseRangeOf(p.v))!;
    b.ms += w;
    b.readings += 1;
    totalMs += w;
    sum += w * p.v;
  });
  const mean = totalMs > 0 ? sum / totalMs : null;
  let variance = 0;
  if (mean !== null) valid.forEach((p, i) => (variance += ((weights[i] ?? 0) * (p.v - mean) ** 2) / totalMs));
  const buckets = GLUCOSE_RANGE_KEYS.map((key) => {
    const b = byRange.get(key)!;
    return { key, minutes: b.ms / MIN_MS, percent: totalMs > 0 ? (100 * b.ms) / totalMs : 0, readings: b.readings };
  });
  return {
    buckets,
    readings: valid.length,
    minutes: totalMs / MIN_MS,
    coverage: opts.windowMs > 0 ? Math.min(1, totalMs / opts.windowMs) : 0,
    mean,
    gmi: mean === null ? null : 3.31 + 0.02392 * mean,
    cv: mean === null || mean === 0 ? null : (100 * Math.sqrt(variance)) / mean,
  };
}

export type CgmTargetKey = "tir" | "tbr" | "tbr_54" | "tar" | "tar_250";

export type CgmTarget = {
  key: CgmTargetKey;
  label: string;
  ranges: readonly GlucoseRangeKey[];
  /** "above": the share must exceed `percent`; "below": it must stay under it. */
  goal: "above" | "below";
  percent: number;
};

/** Consensus targets for most adults with type 1 or type 2 diabetes (older or high-risk adults: stricter). */
export const CGM_TARGETS: readonly CgmTarget[] = [
  { key: "tir", label: "In range 70–180", ranges: ["in_range"], goal: "above", percent: 70 },
  { key: "tbr", label: "Below 70", ranges: ["very_low", "low"], goal: "below", percent: 4 },
  { key: "tbr_54", label: "Below 54", ranges: ["very_low"], goal: "below", percent: 1 },
  { key: "tar", label: "Above 180", ranges: ["high", "very_high"], goal: "below", percent: 25 },
  { key: "tar_250", label: "Above 250", ranges: ["very_high"], goal: "below", percent: 5 },
];

export type CgmTargetResult = CgmTarget & { actual: number; minutes: number; met: boolean | null };

/** Each target against the summary; `met` is null without data. Boundaries are strict (> 70 %, < 4 %…). */
export function evaluateCgmTargets(summary: CgmSummary): CgmTargetResult[] {
  return CGM_TARGETS.map((t) => {
    const parts = summary.buckets.filter((b) => t.ranges.includes(b.key));
    const actual = parts.reduce((s, b) => s + b.percent, 0);
    const minutes = parts.reduce((s, b) => s + b.minutes, 0);
    const met = summary.minutes <= 0 ? null : t.goal === "above" ? actual > t.percent : actual < t.percent;
    return { ...t, actual, minutes, met };
  });
}

/** "3 h 20 min" / "45 min" for minutes in a range; days shown as hours. */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** Percentages to one decimal below 10 % (where the targets are 1, 4, 5 %), whole numbers above. */
export function formatPercent(p: number): string {
  if (p > 0 && p < 0.1) return "< 0.1 %";
  return p < 9.95 ? `${p.toFixed(1)} %` : `${Math.round(p)} %`;
}

/** Value axis of a glucose trace: 0–350 mg/dL, widened in 50s to the highest reading or limit shown. */
export function glucoseYDomain(points: readonly Point[], limits: readonly number[] = []): [number, number] {
  let max = 0;
  for (const p of points) if (Number.isFinite(p.v) && p.v > max) max = p.v;
  for (const l of limits) if (Number.isFinite(l) && l > max) max = l;
  return [0, Math.min(1000, Math.max(350, Math.ceil((max + 10) / 50) * 50))];
}

/** A target's actual share: with two decimals when the usual rounding would make it look equal to the goal (1.0 % vs "< 1 %"). */
export function formatTargetPercent(actual: number, target: Pick<CgmTarget, "percent">): string {
  const resolution = actual < 9.95 ? 0.05 : 0.5;
  return Math.abs(actual - target.percent) < resolution ? `${actual.toFixed(2)} %` : formatPercent(actual);
}

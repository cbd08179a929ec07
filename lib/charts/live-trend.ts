// Live points on a trend: how often a trend is worth redrawing (once per pixel's worth of time,
// bounded), and applying a batch of live readings to a series while keeping it inside its window and
// under its point budget (min and max per time bucket, so a brief desaturation is never thinned
// away). Pure; the patient page buffers live readings and applies them with these.
import type { Point } from "./lttb";

/** Redraw bounds: no faster than 1 s, no slower than 5 s (a live trend must still look live). */
export const LIVE_REDRAW_MIN_MS = 1_000;
export const LIVE_REDRAW_MAX_MS = 5_000;
/** About the plot width of a trend card on a desktop screen, in CSS pixels. */
export const TREND_PLOT_WIDTH_PX = 1_000;

/** The time one pixel of a `rangeMs` trend stands for, within 1–5 s: 3.6 s for 1 h, 5 s for 8 h and 24 h. */
export function liveRedrawIntervalMs(rangeMs: number, plotWidthPx = TREND_PLOT_WIDTH_PX): number {
  const perPixel = rangeMs / Math.max(plotWidthPx, 1);
  return Math.round(Math.min(LIVE_REDRAW_MAX_MS, Math.max(LIVE_REDRAW_MIN_MS, perPixel)));
}

/** The end of the shared time axis, moved only in whole redraw intervals (so a clock tick alone does not redraw). */
export function quantizeEnd(end: number, intervalMs: number): number {
  return Math.ceil(end / intervalMs) * intervalMs;
}

/**
 * Bucket width for thinning: two points (min and max) per bucket keep a `rangeMs` window within
 * `maxPoints`, counting the partly filled buckets at both ends and the newest reading kept on its own.
 */
export function thinBucketMs(rangeMs: number, maxPoints: number): number {
  return Math.ceil((2 * rangeMs) / Math.max(maxPoints - 6, 1));
}

/** Keeps the lowest and the highest reading (in time order) of every bucket that holds more than two. */
export function thinToBuckets(points: readonly Point[], bucketMs: number): Point[] {
  const out: Point[] = [];
  let i = 0;
  while (i < points.length) {
    const bucket = Math.floor(points[i]!.t / bucketMs);
    let j = i;
    let lo = i;
    let hi = i;
    while (j < points.length && Math.floor(points[j]!.t / bucketMs) === bucket) {
      if (points[j]!.v < points[lo]!.v) lo = j;
      if (points[j]!.v > points[hi]!.v) hi = j;
      j++;
    }
    if (j - i <= 2) for (let k = i; k < j; k++) out.push(points[k]!);
    else if (lo === hi) out.push(points[lo]!);
    else out.push(points[Math.min(lo, hi)]!, points[Math.max(lo, hi)]!);
    i = j;
  }
  return out;
}

export type LiveMergeResult = { points: readonly Point[]; added: number };

/**
 * Adds a batch of live readings to a time-ordered series: readings at a time already present are
 * redeliveries and ignored, late ones go in order, what fell out of the window (`rangeMs` before the
 * newest reading) is dropped, and a series over `maxPoints` is thinned by buckets (the newest reading kept). Returns the same
 * array when nothing changed, and how many readings were new.
 */
export function mergeLivePoints(points: readonly Point[], fresh: readonly Point[], rangeMs: number, maxPoints: number): LiveMergeResult {
  const known = new Set(points.map((p) => p.t));
  const valid = fresh.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && !known.has(p.t) && (known.add(p.t), true));
  let newest = points.at(-1)?.t ?? -Infinity;
  for (const p of valid) newest = Math.max(newest, p.t);
  const windowStart = newest - rangeMs;
  const kept = valid.filter((p) => p.t >= windowStart);
  const stale = points.length > 0 && points[0]!.t < windowStart;
  if (kept.length === 0 && !stale) return { points, added: 0 };
  const merged = [...points, ...kept].filter((p) => p.t >= windowStart);
  if (kept.length > 0) merged.sort((a, b) => a.t - b.t);
  // The newest reading always stays (it is the card's "latest" value), whatever its bucket holds.
  const bounded =
    merged.length > maxPoints ? [...thinToBuckets(merged.slice(0, -1), thinBucketMs(rangeMs, maxPoints)), merged.at(-1)!] : merged;
  return { points: bounded, added: kept.length };
}

// Pure geometry of the patient's trend charts, drawn as plain SVG: values to plot coordinates, a line's
// path (broken at missing values or joined across them, straight or as a step), thinned to at most four
// points per plot column (first, lowest, highest, last: no peak or trough an alarm could hang on is
// lost), and the row nearest a time for the hover read-out. No React, no I/O; unit-tested.
import type { TrendRow } from "./prepare-trend";

/** The plot's width in SVG user units; stretched to the card's width (preserveAspectRatio="none"). */
export const PLOT_WIDTH = 1000;

export type PlotBox = { xDomain: readonly [number, number]; yDomain: readonly [number, number]; width: number; height: number };

/** Horizontal position of time `t` (0 at the left edge, `width` at the right). */
export function plotX(t: number, box: PlotBox): number {
  const [a, b] = box.xDomain;
  return b > a ? ((t - a) / (b - a)) * box.width : 0;
}

/** Vertical position of value `v` (0 at the top of the axis, `height` at its floor). */
export function plotY(v: number, box: PlotBox): number {
  const [lo, hi] = box.yDomain;
  return hi > lo ? ((hi - v) / (hi - lo)) * box.height : box.height / 2;
}

/** `plotX` as a CSS percentage of the plot's width, for HTML placed over the SVG. */
export function percentX(t: number, box: PlotBox): number {
  return (plotX(t, box) / box.width) * 100;
}

type XY = { x: number; y: number };

/**
 * Keeps, of each run of points in one plot column (`columnWidth` units wide), the first, the lowest,
 * the highest and the last, in their order: the line looks the same and keeps every extreme.
 */
export function thinToColumns(points: readonly XY[], columnWidth = 1): XY[] {
  const out: XY[] = [];
  let i = 0;
  while (i < points.length) {
    const column = Math.floor(points[i]!.x / columnWidth);
    let j = i;
    let lo = i;
    let hi = i;
    while (j + 1 < points.length && Math.floor(points[j + 1]!.x / columnWidth) === column) {
      j++;
      if (points[j]!.y > points[lo]!.y) lo = j; // SVG y grows downwards: the lowest value has the largest y
      if (points[j]!.y < points[hi]!.y) hi = j;
    }
    for (const k of [...new Set([i, lo, hi, j])].sort((a, b) => a - b)) out.push(points[k]!);
    i = j + 1;
  }
  return out;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

function segmentPath(points: readonly XY[], step: boolean): string {
  let d = "";
  points.forEach((p, k) => {
    if (k === 0) d += `M${fmt(p.x)},${fmt(p.y)}`;
    else if (step) d += `H${fmt(p.x)}V${fmt(p.y)}`;
    else d += `L${fmt(p.x)},${fmt(p.y)}`;
  });
  return d;
}

export type LinePathOptions = {
  /** Join across rows without this key (intermittent measurements) instead of breaking the line. */
  connectNulls: boolean;
  /** A value that holds until the next one (a score): horizontal, then vertical. */
  step?: boolean;
};

/** The path (`d`) of one line through the rows' `key` values; "" when there is nothing to draw. */
export function linePath(rows: readonly TrendRow[], key: string, box: PlotBox, opts: LinePathOptions): string {
  const segments: XY[][] = [];
  let current: XY[] = [];
  for (const row of rows) {
    const v = row[key];
    if (v === undefined || !Number.isFinite(v)) {
      if (!opts.connectNulls && current.length > 0) {
        segments.push(current);
        current = [];
      }
      continue;
    }
    current.push({ x: plotX(row.t, box), y: plotY(v, box) });
  }
  if (current.length > 0) segments.push(current);
  // A step keeps every change (thinning would move the steps); a score changes rarely anyway.
  return segments.map((s) => segmentPath(opts.step ? s : thinToColumns(s), opts.step === true)).join("");
}

/** Dots at every reading of `key`, as zero-length subpaths (drawn round by a round line cap). */
export function dotsPath(rows: readonly TrendRow[], key: string, box: PlotBox): string {
  let d = "";
  for (const row of rows) {
    const v = row[key];
    if (v !== undefined && Number.isFinite(v)) d += `M${fmt(plotX(row.t, box))},${fmt(plotY(v, box))}h0`;
  }
  return d;
}

/** Index of the row nearest time `t` that has a value for one of `keys` (-1 when none has). */
export function nearestRowIndex(rows: readonly TrendRow[], t: number, keys: readonly string[]): number {
  const hasValue = (r: TrendRow) => keys.some((k) => r[k] !== undefined && Number.isFinite(r[k]));
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  let before = lo - 1;
  while (before >= 0 && !hasValue(rows[before]!)) before--;
  let after = lo;
  while (after < rows.length && !hasValue(rows[after]!)) after++;
  if (before < 0) return after < rows.length ? after : -1;
  if (after >= rows.length) return before;
  return t - rows[before]!.t <= rows[after]!.t - t ? before : after;
}

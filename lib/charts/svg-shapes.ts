// Pure geometry of the plain-SVG charts beyond lines (svg-plot): bars of categorical rows, side by side or
// stacked; a shaded range between a low and a high series (percentile bands); and the point nearest a
// time for the hover read-out. No React, no I/O; unit-tested.
import type { TrendRow } from "./prepare-trend";
import { plotX, plotY, type PlotBox } from "./svg-plot";

/** The x domain that centres `count` categories on 0 … count − 1, each with a full slot. */
export function categoryDomain(count: number): [number, number] {
  return [-0.5, Math.max(1, count) - 0.5];
}

export type BarRect = { key: string; index: number; x: number; y: number; width: number; height: number };

const round = (n: number) => Math.round(n * 100) / 100;

export type BarLayout = "grouped" | "stacked";

/**
 * One rectangle per row and key with a positive value, rows centred on their `t` (a category index, see
 * `categoryDomain`); `fill` is the share of each slot the bars take. Grouped bars sit side by side in
 * `keys` order; stacked bars pile up in that order from the axis floor.
 */
export function barRects(rows: readonly TrendRow[], keys: readonly string[], box: PlotBox, layout: BarLayout, fill = 0.8): BarRect[] {
  const out: BarRect[] = [];
  const floor = Math.max(box.yDomain[0], Math.min(0, box.yDomain[1]));
  rows.forEach((row, index) => {
    const left = plotX(row.t - fill / 2, box);
    const slot = plotX(row.t + fill / 2, box) - left;
    let stackTop = 0;
    keys.forEach((key, k) => {
      const v = row[key];
      if (v === undefined || !Number.isFinite(v) || v <= 0) return;
      const from = layout === "stacked" ? stackTop : floor;
      const to = layout === "stacked" ? stackTop + v : v;
      if (layout === "stacked") stackTop = to;
      const top = plotY(Math.min(to, box.yDomain[1]), box);
      const bottom = plotY(Math.max(from, box.yDomain[0]), box);
      if (!(bottom > top)) return;
      const width = layout === "stacked" ? slot : slot / keys.length;
      const x = layout === "stacked" ? left : left + k * width;
      out.push({ key, index, x: round(x), y: round(top), width: round(width), height: round(bottom - top) });
    });
  });
  return out;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The closed outline (`d`) of the area between the rows' `lowKey` and `highKey` values, one piece per run
 * of rows that have both (a gap in the data is a gap in the band); "" when there is nothing to shade.
 */
export function rangeAreaPath(rows: readonly TrendRow[], lowKey: string, highKey: string, box: PlotBox): string {
  let d = "";
  let run: TrendRow[] = [];
  const close = () => {
    if (run.length > 0) {
      const top = run.map((r) => `${fmt(plotX(r.t, box))},${fmt(plotY(r[highKey]!, box))}`);
      const bottom = [...run].reverse().map((r) => `${fmt(plotX(r.t, box))},${fmt(plotY(r[lowKey]!, box))}`);
      d += `M${top.join("L")}L${bottom.join("L")}Z`;
    }
    run = [];
  };
  for (const row of rows) {
    const lo = row[lowKey];
    const hi = row[highKey];
    if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) close();
    else run.push(row);
  }
  close();
  return d;
}

/** Index of the time in ascending `ts` nearest `t` (-1 when there is none). */
export function nearestIndex(ts: readonly number[], t: number): number {
  if (ts.length === 0) return -1;
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  if (lo === ts.length) return ts.length - 1;
  return t - ts[lo - 1]! <= ts[lo]! - t ? lo - 1 : lo;
}

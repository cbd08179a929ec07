// Utilization per asset class over a period: time in use / time owned, both clipped to the period and to
// the time the asset was owned; overlapping uses count once, an open use or ownership runs to the end.
import type { Interval } from "./asset-status";

export type Period = { from: number; to: number };

export type AssetUsage = { id: string; class: string; owned: Interval; uses: readonly Interval[] };

export type ClassUtilization = {
  class: string;
  /** Assets owned for some of the period. */
  assets: number;
  ownedMs: number;
  inUseMs: number;
  /** inUseMs / ownedMs; null when nothing of the class was owned in the period. */
  utilization: number | null;
};

/** Total length of the union of intervals, each clipped to [from, to). */
export function coveredMs(intervals: readonly Interval[], from: number, to: number): number {
  const clipped: [number, number][] = [];
  for (const i of intervals) {
    const a = Math.max(i.from, from);
    const b = Math.min(i.to ?? to, to);
    if (b > a) clipped.push([a, b]);
  }
  clipped.sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

export function utilizationByClass(assets: readonly AssetUsage[], period: Period): ClassUtilization[] {
  const byClass = new Map<string, ClassUtilization>();
  for (const a of assets) {
    const from = Math.max(period.from, a.owned.from);
    const to = Math.min(period.to, a.owned.to ?? period.to);
    const row = byClass.get(a.class) ?? { class: a.class, assets: 0, ownedMs: 0, inUseMs: 0, utilization: null };
    byClass.set(a.class, row);
    if (to <= from) continue;
    row.assets++;
    row.ownedMs += to - from;
    row.inUseMs += coveredMs(a.uses, from, to);
  }
  return [...byClass.values()]
    .map((r) => ({ ...r, utilization: r.ownedMs > 0 ? r.inUseMs / r.ownedMs : null }))
    .sort((p, q) => (p.class < q.class ? -1 : p.class > q.class ? 1 : 0));
}

/** Utilization per class in consecutive buckets (e.g. days of a month), for "how it moved". */
export function utilizationTrend(
  assets: readonly AssetUsage[],
  period: Period,
  bucketMs: number,
): { from: number; to: number; classes: ClassUtilization[] }[] {
  if (!(bucketMs > 0)) throw new RangeError(`bucketMs must be more than 0 (got ${bucketMs})`);
  const out: { from: number; to: number; classes: ClassUtilization[] }[] = [];
  for (let from = period.from; from < period.to; from += bucketMs) {
    const to = Math.min(from + bucketMs, period.to);
    out.push({ from, to, classes: utilizationByClass(assets, { from, to }) });
  }
  return out;
}

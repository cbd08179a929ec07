// Bounds a sparkline's series to a fixed number of points before it is drawn, so a 64-bed ward redraws
// at most 64 × SPARKLINE_MAX_POINTS points however long the window or fast the feed. The series is split
// into equal-count buckets between its first and last points (both kept); each bucket keeps its lowest and
// its highest reading, in time order, so a spike survives the reduction. Pure; input sorted by time.
import type { Point } from "./lttb";

/** The most points a sparkline draws (a tile's sparkline is ~100 px wide). */
export const SPARKLINE_MAX_POINTS = 96;

export function sparklinePoints<P extends Point>(points: readonly P[], max: number = SPARKLINE_MAX_POINTS): readonly P[] {
  const limit = Math.max(3, Math.floor(max));
  if (points.length <= limit) return points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const inner = points.length - 2;
  const buckets = Math.floor((limit - 2) / 2);
  const out: P[] = [first];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (points[i]!.v < points[lo]!.v) lo = i;
      if (points[i]!.v > points[hi]!.v) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  out.push(last);
  return out;
}

// Turns a time series into SVG polyline `points` strings for a tiny inline sparkline. Pure, so the
// 64 tiles of a ward redraw cheaply. A gap in the data breaks the line (no line is drawn across a
// period without readings), so one call returns one string per continuous run.
import { lttb, type Point } from "./lttb";

export type SparklineBox = {
  width: number;
  height: number;
  /** Inner margin so the stroke is not clipped at the edges. */
  padding?: number;
  /** Length of the time window shown, ending at `end`. */
  windowMs: number;
  /** Right edge of the window (epoch ms); defaults to the newest point. */
  end?: number;
  /** Smallest value span on the y axis, so sensor noise on a flat series does not look like swings. */
  minSpan?: number;
  /** Two consecutive points further apart than this are not joined. */
  gapMs?: number;
  /** Downsample (LTTB, shape-preserving) to at most this many points; defaults to the inner width. */
  maxPoints?: number;
};

const round = (n: number) => Math.round(n * 10) / 10;

export function prepareSparkline(points: readonly Point[], box: SparklineBox): string[] {
  const { width, height, windowMs } = box;
  const pad = box.padding ?? 2;
  if (points.length === 0 || width <= 2 * pad || height <= 2 * pad || windowMs <= 0) return [];

  const end = box.end ?? Math.max(...points.map((p) => p.t));
  const start = end - windowMs;
  const inWindow = points.filter((p) => p.t >= start && p.t <= end && Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
  const shown = lttb(inWindow, Math.max(3, Math.floor(box.maxPoints ?? width - 2 * pad)));
  if (shown.length === 0) return [];

  let lo = Math.min(...shown.map((p) => p.v));
  let hi = Math.max(...shown.map((p) => p.v));
  const minSpan = box.minSpan ?? 0;
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const x = (t: number) => round(pad + ((t - start) / windowMs) * innerW);
  // A flat series (hi === lo) sits in the middle.
  const y = (v: number) => round(hi === lo ? pad + innerH / 2 : pad + (1 - (v - lo) / (hi - lo)) * innerH);

  const gapMs = box.gapMs ?? Infinity;
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const p of shown) {
    const prev = run[run.length - 1];
    if (prev && p.t - prev.t > gapMs) {
      runs.push(run);
      run = [];
    }
    run.push(p);
  }
  runs.push(run);

  return runs.map((r) => {
    // A lone reading still shows: a short tick ending at its time.
    if (r.length === 1) {
      const p = r[0]!;
      const x0 = x(p.t);
      const x1 = x0 - 2 >= pad ? x0 - 2 : x0 + 2;
      return `${round(Math.min(x0, x1))},${y(p.v)} ${round(Math.max(x0, x1))},${y(p.v)}`;
    }
    return r.map((p) => `${x(p.t)},${y(p.v)}`).join(" ");
  });
}

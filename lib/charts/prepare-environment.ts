// An environment sensor's 24 h temperature chart (pure, client-safe): the readings of the window, downsampled
// (LTTB) for drawing, a y-axis that always shows the allowed range with some air, the allowed range as a band,
// hour ticks, and what the card states: the current reading and its age, and whether it is in range.
import { lttb, type Point } from "./lttb";

export type EnvironmentChartInput = {
  /** Readings (t in epoch ms, v in °C), any order; non-finite ones are ignored. */
  points: readonly Point[];
  nowMs: number;
  windowMs: number;
  lowC: number;
  highC: number;
  /** Most points drawn, default 300. */
  maxPoints?: number;
  /** A reading older than this is not "current", default 30 min (a vaccine logger's longest allowed gap). */
  staleAfterMs?: number;
};

export type EnvironmentChart = {
  rows: Point[];
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  band: { from: number; to: number };
  /** The newest reading in the window, or null when there is none. */
  latest: { t: number; v: number; ageMs: number; stale: boolean; state: "in_range" | "high" | "low" } | null;
  /** Readings in the window (before downsampling). */
  count: number;
  minC: number | null;
  maxC: number | null;
};

const HOUR = 3_600_000;

export function prepareEnvironmentChart(input: EnvironmentChartInput): EnvironmentChart {
  const { nowMs, windowMs, lowC, highC } = input;
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite (got ${nowMs})`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be > 0 (got ${windowMs})`);
  if (!(lowC < highC)) throw new RangeError(`lowC must be below highC (got ${lowC}, ${highC})`);
  const from = nowMs - windowMs;
  const inWindow = input.points
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t >= from && p.t <= nowMs)
    .sort((a, b) => a.t - b.t);
  const rows = lttb(inWindow, Math.max(3, input.maxPoints ?? 300));

  const values = inWindow.map((p) => p.v);
  const minC = values.length ? Math.min(...values) : null;
  const maxC = values.length ? Math.max(...values) : null;
  const pad = Math.max(1, (highC - lowC) * 0.25);
  const yDomain: [number, number] = [Math.floor(Math.min(lowC - pad, minC ?? lowC)), Math.ceil(Math.max(highC + pad, maxC ?? highC))];

  const xTicks: number[] = [];
  const step = windowMs > 12 * HOUR ? 4 * HOUR : windowMs > 3 * HOUR ? HOUR : 15 * 60_000;
  for (let t = Math.ceil(from / step) * step; t <= nowMs; t += step) xTicks.push(t);

  const last = inWindow.at(-1);
  const staleAfterMs = input.staleAfterMs ?? 30 * 60_000;
  const latest = last
    ? {
        t: last.t,
        v: last.v,
        ageMs: Math.max(0, nowMs - last.t),
        stale: nowMs - last.t > staleAfterMs,
        state: last.v > highC ? ("high" as const) : last.v < lowC ? ("low" as const) : ("in_range" as const),
      }
    : null;
  return { rows, xDomain: [from, nowMs], xTicks, yDomain, band: { from: lowC, to: highC }, latest, count: inWindow.length, minC, maxC };
}

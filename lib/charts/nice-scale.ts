// Round axes for the plain-SVG charts: a value axis on 1-2-5 steps that holds every value, and which of
// many category labels (days, wards) to print so they do not collide. Pure; unit-tested.

export type NiceScale = { domain: [number, number]; ticks: number[] };

export type NiceScaleOptions = {
  /** At most this many ticks (default 5). */
  maxTicks?: number;
  /** Whole-number steps only (counts). */
  integer?: boolean;
  /** Start the axis at zero or below (bars, totals). */
  zero?: boolean;
};

/** The smallest 1, 2 or 5 × 10^k step that covers `span` in `intervals` steps. */
export function niceStep(span: number, intervals: number): number {
  const raw = span / Math.max(1, intervals);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * power >= raw * (1 - 1e-9)) return m * power;
  return 10 * power;
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.min(12, Math.ceil(-Math.log10(step) - 1e-9));
}

/** An axis on round steps around [lo, hi]; a flat or empty range still gets a readable axis. */
export function niceScale(lo: number, hi: number, opts: NiceScaleOptions = {}): NiceScale {
  const maxTicks = Math.max(2, opts.maxTicks ?? 5);
  let a = Number.isFinite(lo) ? lo : 0;
  let b = Number.isFinite(hi) ? hi : a;
  if (opts.zero) a = Math.min(a, 0);
  if (b < a) [a, b] = [b, a];
  if (b === a) {
    const pad = opts.integer || a === 0 ? 1 : Math.abs(a) * 0.1;
    b = a + pad;
    if (!opts.zero || a - pad >= 0) a -= pad;
  }
  let step = niceStep(b - a, maxTicks - 1);
  if (opts.integer) step = Math.max(1, Math.round(step));
  for (;;) {
    const start = Math.floor(a / step + 1e-9) * step;
    const end = Math.ceil(b / step - 1e-9) * step;
    const count = Math.round((end - start) / step) + 1;
    if (count <= maxTicks) {
      const d = decimalsOf(step);
      const ticks = Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(d)));
      return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
    }
    step = niceStep(step * 1.01, 1);
  }
}

/**
 * Which of `count` category labels to print, at most `maxLabels`: every k-th counted back from the last
 * (the newest day is always labelled), in ascending order.
 */
export function categoryLabelIndices(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  const out: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) out.push(i);
  return out.reverse();
}

/** The axis ticks of categories labelled `labels` (index i at x = i), at most `maxLabels` of them printed. */
export function categoryTicks(labels: readonly string[], maxLabels: number): { v: number; label: string }[] {
  return categoryLabelIndices(labels.length, maxLabels).map((i) => ({ v: i, label: labels[i]! }));
}

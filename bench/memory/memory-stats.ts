// What bench:memory prints from its samples: the peak while the start-up backfill runs, the median over the idle
// window after it, and the server's own breakdown (JS heap, external, array buffers, wasm) at those points. Pure.

export type MemorySample = {
  atMs: number;
  phase: "start" | "backfill" | "idle";
  rssBytes: number;
  wasmBytes: number | null;
};

export type PhaseFigures = { peakBytes: number; medianBytes: number; samples: number };

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function phaseFigures(
  samples: MemorySample[],
  phase: MemorySample["phase"],
  pick: (s: MemorySample) => number | null = (s) => s.rssBytes,
): PhaseFigures {
  const values = samples
    .filter((s) => s.phase === phase)
    .map(pick)
    .filter((v): v is number => v !== null);
  return { peakBytes: values.length ? Math.max(...values) : NaN, medianBytes: median(values), samples: values.length };
}

export function mib(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 2 ** 20)} MiB` : "n/a";
}

export function ratio(value: number, baseline: number): string {
  return Number.isFinite(value) && Number.isFinite(baseline) && baseline > 0 ? `${(value / baseline).toFixed(2)}×` : "n/a";
}

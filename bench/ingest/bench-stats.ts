// Small measuring helpers for the ingest benchmark: latency samples with percentiles, a rate over a
// window, and a peak-RSS sampler. Plain Node; used by both the bench process and its load generator.

export type LatencySummary = { count: number; p50: number | null; p99: number | null; max: number | null };

/** Collects latency samples (ms); keeps at most `cap` of them by reservoir sampling so memory stays flat. */
export class LatencySamples {
  private readonly samples: number[] = [];
  private seen = 0;

  constructor(private readonly cap = 200_000) {}

  add(ms: number): void {
    this.seen++;
    if (this.samples.length < this.cap) {
      this.samples.push(ms);
      return;
    }
    const j = Math.floor(Math.random() * this.seen);
    if (j < this.cap) this.samples[j] = ms;
  }

  summary(): LatencySummary {
    if (this.samples.length === 0) return { count: 0, p50: null, p99: null, max: null };
    const sorted = Float64Array.from(this.samples).sort();
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    return { count: this.seen, p50: at(0.5), p99: at(0.99), max: round(sorted[sorted.length - 1]!) };
  }
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Monotonic milliseconds shared by every process on this machine (CLOCK_MONOTONIC). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export type MemoryPeaks = { rssMiB: number; heapUsedMiB: number; externalMiB: number };

/** Samples this process's memory every `everyMs` and remembers the peaks (RSS, JS heap, external incl. WASM). */
export function startRssSampler(everyMs = 100): { peakMiB(): number; peaks(): MemoryPeaks; stop(): number } {
  let rss = 0,
    heap = 0,
    external = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  const mib = (n: number) => round(n / 2 ** 20, 0);
  const peakMiB = () => (sample(), mib(rss));
  return {
    peakMiB,
    peaks: () => (sample(), { rssMiB: mib(rss), heapUsedMiB: mib(heap), externalMiB: mib(external) }),
    stop() {
      clearInterval(timer);
      return peakMiB();
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

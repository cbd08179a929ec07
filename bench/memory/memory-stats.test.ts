import { describe, expect, it } from "vitest";
import { median, phaseFigures, ratio, type MemorySample } from "./memory-stats";
import { parseSmaps, wasmResidentBytes } from "./process-memory";

const s = (phase: MemorySample["phase"], rssBytes: number, wasmBytes: number | null = null): MemorySample => ({
  atMs: 0,
  phase,
  rssBytes,
  wasmBytes,
});

describe("memory bench figures", () => {
  it("takes the peak and the median of one phase only", () => {
    const samples = [s("start", 900), s("backfill", 300), s("backfill", 500), s("idle", 200), s("idle", 400), s("idle", 250)];
    expect(phaseFigures(samples, "backfill")).toEqual({ peakBytes: 500, medianBytes: 400, samples: 2 });
    expect(phaseFigures(samples, "idle")).toEqual({ peakBytes: 400, medianBytes: 250, samples: 3 });
  });

  it("skips samples without the figure picked", () => {
    const samples = [s("idle", 1, null), s("idle", 1, 64), s("idle", 1, 32)];
    expect(phaseFigures(samples, "idle", (x) => x.wasmBytes)).toEqual({ peakBytes: 64, medianBytes: 48, samples: 2 });
  });

  it("says n/a rather than a figure from nothing", () => {
    expect(median([])).toBeNaN();
    expect(ratio(NaN, 10)).toBe("n/a");
    expect(ratio(15, 10)).toBe("1.50×");
  });
});

describe("WebAssembly memory in /proc/PID/smaps", () => {
  const smaps = [
    "7f0000000000-7f000c000000 rw-p 00000000 00:00 0 ",
    "Size:             196608 kB",
    "Rss:              150000 kB",
    "7f000c000000-7f0280000000 ---p 00000000 00:00 0 ",
    "Rss:                   0 kB",
    "7f0300000000-7f0304000000 rw-p 00000000 00:00 0 ",
    "Rss:               65536 kB",
    "7f0304000000-7f0305000000 ---p 00000000 00:00 0 ",
    "Rss:                   0 kB",
    "55d000000000-55d004000000 rw-p 00000000 00:00 0                          [heap]",
    "Rss:               60000 kB",
  ].join("\n");

  it("counts the readable head of a large reserved region, not small guarded mappings or the C heap", () => {
    const maps = parseSmaps(smaps);
    expect(maps).toHaveLength(5);
    expect(wasmResidentBytes(maps)).toBe(150000 * 1024);
  });
});

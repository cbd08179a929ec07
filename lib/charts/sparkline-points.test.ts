import { describe, expect, it } from "vitest";
import { SPARKLINE_MAX_POINTS, sparklinePoints } from "./sparkline-points";

const series = (n: number, v: (i: number) => number = () => 80) => Array.from({ length: n }, (_, i) => ({ t: i * 1000, v: v(i) }));

describe("sparklinePoints", () => {
  it("returns a short series as it is", () => {
    const s = series(SPARKLINE_MAX_POINTS);
    expect(sparklinePoints(s)).toBe(s);
    expect(sparklinePoints([])).toEqual([]);
  });

  it("bounds a long series to at most 96 points, keeping the first and the last", () => {
    const s = series(3600, (i) => 60 + (i % 7));
    const out = sparklinePoints(s);
    expect(out.length).toBeLessThanOrEqual(SPARKLINE_MAX_POINTS);
    expect(out.length).toBeGreaterThan(SPARKLINE_MAX_POINTS - 4);
    expect(out[0]).toBe(s[0]);
    expect(out[out.length - 1]).toBe(s[s.length - 1]);
  });

  it("keeps a one-reading spike and dip, and stays in time order", () => {
    const s = series(600, (i) => (i === 301 ? 180 : i === 450 ? 30 : 75));
    const out = sparklinePoints(s);
    expect(out.some((p) => p.v === 180)).toBe(true);
    expect(out.some((p) => p.v === 30)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.t > out[i - 1]!.t)).toBe(true);
  });

  it("honours a smaller bound", () => {
    const out = sparklinePoints(
      series(1000, (i) => Math.sin(i / 10)),
      10,
    );
    expect(out.length).toBeLessThanOrEqual(10);
  });
});

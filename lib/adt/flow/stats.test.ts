import { describe, expect, it } from "vitest";
import { mean, median, overlapMs, percentiles, quantile } from "./stats";

describe("stats", () => {
  it("interpolates percentiles between ranks (type 7)", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 1, 5], 0.5)).toBe(5);
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ p50: 5.5, p90: expect.closeTo(9.1, 12) });
    expect(quantile([7], 0.9)).toBe(7);
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it("measures overlaps of half-open intervals, open ends included", () => {
    const d = (ms: number) => new Date(ms);
    expect(overlapMs(d(0), d(10), d(5), d(20))).toBe(5);
    expect(overlapMs(d(0), null, d(5), d(20))).toBe(15);
    expect(overlapMs(d(0), d(5), d(5), d(20))).toBe(0);
  });
});

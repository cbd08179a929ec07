import { describe, expect, it } from "vitest";
import { categoryLabelIndices, categoryTicks, niceScale, niceStep } from "./nice-scale";

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(niceStep(7, 1)).toBe(10);
    expect(niceStep(450, 4)).toBe(200);
  });
});

describe("niceScale", () => {
  it("holds every value on round ticks", () => {
    expect(niceScale(3, 47)).toEqual({ domain: [0, 60], ticks: [0, 20, 40, 60] });
    expect(niceScale(3, 47, { maxTicks: 6 })).toEqual({ domain: [0, 50], ticks: [0, 10, 20, 30, 40, 50] });
  });
  it("never exceeds the tick budget", () => {
    for (const [lo, hi] of [
      [0, 1],
      [3, 47],
      [0.1, 0.73],
      [17.2, 28.9],
      [0, 999],
      [-4, 13],
    ] as const) {
      const s = niceScale(lo, hi, { maxTicks: 5 });
      expect(s.ticks.length).toBeLessThanOrEqual(5);
      expect(s.domain[0]).toBeLessThanOrEqual(lo);
      expect(s.domain[1]).toBeGreaterThanOrEqual(hi);
    }
  });
  it("keeps decimals clean", () => {
    expect(niceScale(0.1, 0.73, { maxTicks: 5 }).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });
  it("uses whole steps for counts and starts at zero when asked", () => {
    const s = niceScale(2, 3, { integer: true, zero: true });
    expect(s.ticks).toEqual([0, 1, 2, 3]);
  });
  it("gives a flat series a readable axis", () => {
    expect(niceScale(5, 5, { integer: true, zero: true }).domain).toEqual([0, 6]);
    const t = niceScale(21.5, 21.5);
    expect(t.domain[0]).toBeLessThan(21.5);
    expect(t.domain[1]).toBeGreaterThan(21.5);
    expect(niceScale(0, 0, { zero: true }).domain).toEqual([0, 1]);
  });
});

describe("categoryLabelIndices", () => {
  it("labels every k-th category counted back from the last", () => {
    expect(categoryLabelIndices(30, 6)).toEqual([4, 9, 14, 19, 24, 29]);
    expect(categoryLabelIndices(14, 7)).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(categoryLabelIndices(3, 10)).toEqual([0, 1, 2]);
    expect(categoryLabelIndices(0, 5)).toEqual([]);
  });
});

describe("categoryTicks", () => {
  it("pairs the printed categories' positions with their labels", () => {
    expect(categoryTicks(["a", "b", "c", "d", "e"], 2)).toEqual([
      { v: 1, label: "b" },
      { v: 4, label: "e" },
    ]);
  });
});

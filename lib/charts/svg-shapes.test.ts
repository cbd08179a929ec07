import { describe, expect, it } from "vitest";
import { barRects, categoryDomain, nearestIndex, rangeAreaPath } from "./svg-shapes";
import type { PlotBox } from "./svg-plot";

const box = (count: number, yDomain: [number, number] = [0, 10]): PlotBox => ({
  xDomain: categoryDomain(count),
  yDomain,
  width: 100,
  height: 100,
});

describe("barRects", () => {
  it("puts grouped bars side by side inside their slot, from the axis floor", () => {
    const rects = barRects(
      [
        { t: 0, a: 5, b: 10 },
        { t: 1, a: 2 },
      ],
      ["a", "b"],
      box(2),
      "grouped",
      0.8,
    );
    expect(rects).toEqual([
      { key: "a", index: 0, x: 5, y: 50, width: 20, height: 50 },
      { key: "b", index: 0, x: 25, y: 0, width: 20, height: 100 },
      { key: "a", index: 1, x: 55, y: 80, width: 20, height: 20 },
    ]);
  });
  it("stacks in key order and clips at the top of the axis", () => {
    const rects = barRects([{ t: 0, a: 4, b: 8 }], ["a", "b"], box(1), "stacked", 1);
    expect(rects).toEqual([
      { key: "a", index: 0, x: 0, y: 60, width: 100, height: 40 },
      { key: "b", index: 0, x: 0, y: 0, width: 100, height: 60 },
    ]);
  });
  it("draws nothing for zero, missing or non-finite values", () => {
    expect(barRects([{ t: 0, a: 0, b: Number.NaN }], ["a", "b", "c"], box(1), "grouped")).toEqual([]);
  });
  it("rests bars on the axis floor when the axis does not start at zero", () => {
    const [r] = barRects([{ t: 0, a: 15 }], ["a"], box(1, [10, 20]), "grouped", 1);
    expect(r).toMatchObject({ y: 50, height: 50 });
  });
});

describe("rangeAreaPath", () => {
  const b: PlotBox = { xDomain: [0, 10], yDomain: [0, 100], width: 10, height: 100 };
  it("outlines the high values forwards and the low values back", () => {
    expect(
      rangeAreaPath(
        [
          { t: 0, lo: 10, hi: 30 },
          { t: 10, lo: 20, hi: 60 },
        ],
        "lo",
        "hi",
        b,
      ),
    ).toBe("M0,70L10,40L10,80L0,90Z");
  });
  it("breaks the band at rows without both values", () => {
    const d = rangeAreaPath([{ t: 0, lo: 10, hi: 30 }, { t: 5 }, { t: 10, lo: 20, hi: 60 }], "lo", "hi", b);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(rangeAreaPath([{ t: 0 }], "lo", "hi", b)).toBe("");
  });
});

describe("nearestIndex", () => {
  it("finds the nearest time, ties to the earlier", () => {
    const ts = [0, 10, 20];
    expect(nearestIndex(ts, -5)).toBe(0);
    expect(nearestIndex(ts, 14)).toBe(1);
    expect(nearestIndex(ts, 15)).toBe(1);
    expect(nearestIndex(ts, 16)).toBe(2);
    expect(nearestIndex(ts, 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

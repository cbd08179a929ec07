import { describe, expect, it } from "vitest";
import { dotsPath, linePath, nearestRowIndex, percentX, plotX, plotY, thinToColumns, type PlotBox } from "./svg-plot";

const box: PlotBox = { xDomain: [0, 1000], yDomain: [0, 100], width: 1000, height: 100 };

describe("plot coordinates", () => {
  it("maps time left to right and values bottom to top", () => {
    expect(plotX(0, box)).toBe(0);
    expect(plotX(250, box)).toBe(250);
    expect(plotY(100, box)).toBe(0);
    expect(plotY(0, box)).toBe(100);
    expect(plotY(25, box)).toBe(75);
    expect(percentX(500, { ...box, width: 400 })).toBe(50);
  });

  it("does not divide by an empty axis", () => {
    expect(plotX(5, { ...box, xDomain: [5, 5] })).toBe(0);
    expect(plotY(5, { ...box, yDomain: [5, 5] })).toBe(50);
  });
});

describe("thinToColumns", () => {
  it("keeps first, lowest, highest and last of each column, in order", () => {
    // y is screen space: 90 is the lowest value, 10 the highest.
    const points = [
      { x: 0.1, y: 50 },
      { x: 0.2, y: 10 },
      { x: 0.3, y: 60 },
      { x: 0.4, y: 90 },
      { x: 0.5, y: 40 },
      { x: 1.2, y: 30 },
    ];
    expect(thinToColumns(points)).toEqual([
      { x: 0.1, y: 50 },
      { x: 0.2, y: 10 },
      { x: 0.4, y: 90 },
      { x: 0.5, y: 40 },
      { x: 1.2, y: 30 },
    ]);
  });

  it("never drops an extreme however many points share a column", () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({ x: i / 50, y: 50 + Math.sin(i) * 10 }));
    points[2345] = { x: 2345 / 50, y: 99 };
    points[4001] = { x: 4001 / 50, y: 1 };
    const thin = thinToColumns(points);
    expect(thin.length).toBeLessThanOrEqual(4 * 100);
    expect(thin).toContainEqual({ x: 2345 / 50, y: 99 });
    expect(thin).toContainEqual({ x: 4001 / 50, y: 1 });
    expect(thin[0]).toEqual(points[0]);
    expect(thin.at(-1)).toEqual(points.at(-1));
  });

  it("leaves a sparse series as it is", () => {
    const points = [
      { x: 1, y: 1 },
      { x: 5, y: 2 },
    ];
    expect(thinToColumns(points)).toEqual(points);
  });
});

describe("linePath", () => {
  const rows = [{ t: 0, a: 100 }, { t: 100, a: 50 }, { t: 200 }, { t: 300, a: 0 }, { t: 400, a: 50 }];

  it("breaks the line at a row without the value", () => {
    expect(linePath(rows, "a", box, { connectNulls: false })).toBe("M0,0L100,50M300,100L400,50");
  });

  it("joins across missing values when asked", () => {
    expect(linePath(rows, "a", box, { connectNulls: true })).toBe("M0,0L100,50L300,100L400,50");
  });

  it("draws a step that holds each value until the next", () => {
    expect(
      linePath(
        [
          { t: 0, a: 100 },
          { t: 500, a: 50 },
        ],
        "a",
        box,
        { connectNulls: false, step: true },
      ),
    ).toBe("M0,0H500V50");
  });

  it("is empty when the series has no values", () => {
    expect(linePath([{ t: 0 }, { t: 10, b: 3 }], "a", box, { connectNulls: false })).toBe("");
  });
});

describe("dotsPath", () => {
  it("puts a zero-length subpath at each reading", () => {
    expect(dotsPath([{ t: 0, a: 100 }, { t: 10 }, { t: 500, a: 50 }], "a", box)).toBe("M0,0h0M500,50h0");
  });
});

describe("nearestRowIndex", () => {
  const rows = [{ t: 0, a: 1 }, { t: 100 }, { t: 200, b: 2 }, { t: 300, a: 3 }];

  it("finds the nearest row with a value for one of the keys", () => {
    expect(nearestRowIndex(rows, 40, ["a"])).toBe(0);
    expect(nearestRowIndex(rows, 110, ["a"])).toBe(0);
    expect(nearestRowIndex(rows, 160, ["a"])).toBe(3);
    expect(nearestRowIndex(rows, 160, ["a", "b"])).toBe(2);
    expect(nearestRowIndex(rows, 9999, ["a"])).toBe(3);
    expect(nearestRowIndex(rows, -50, ["b"])).toBe(2);
  });

  it("says when no row has a value", () => {
    expect(nearestRowIndex(rows, 10, ["c"])).toBe(-1);
    expect(nearestRowIndex([], 10, ["a"])).toBe(-1);
  });
});

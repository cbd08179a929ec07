import { describe, expect, it } from "vitest";
import { prepareSparkline } from "./prepare-sparkline";

const box = { width: 104, height: 24, padding: 2, windowMs: 100 };
const parse = (s: string) => s.split(" ").map((c) => c.split(",").map(Number) as [number, number]);

describe("prepareSparkline", () => {
  it("returns nothing for no points or a degenerate box", () => {
    expect(prepareSparkline([], box)).toEqual([]);
    expect(prepareSparkline([{ t: 1, v: 1 }], { ...box, width: 4 })).toEqual([]);
    expect(prepareSparkline([{ t: 1, v: 1 }], { ...box, windowMs: 0 })).toEqual([]);
  });

  it("scales time to x and value to y (higher value = smaller y) inside the padding", () => {
    const [line] = prepareSparkline(
      [
        { t: 0, v: 60 },
        { t: 50, v: 80 },
        { t: 100, v: 70 },
      ],
      box,
    );
    expect(parse(line!)).toEqual([
      [2, 22],
      [52, 2],
      [102, 12],
    ]);
  });

  it("sorts points by time and drops those outside the window", () => {
    const [line] = prepareSparkline(
      [
        { t: 200, v: 2 },
        { t: 50, v: 9 },
        { t: 150, v: 1 },
      ],
      box,
    );
    expect(parse(line!)).toEqual([
      [52, 22],
      [102, 2],
    ]);
  });

  it("honours an explicit window end", () => {
    const [line] = prepareSparkline(
      [
        { t: 50, v: 1 },
        { t: 100, v: 2 },
      ],
      { ...box, end: 150 },
    );
    expect(parse(line!).map(([x]) => x)).toEqual([2, 52]);
  });

  it("draws a flat series through the middle", () => {
    const [line] = prepareSparkline(
      [
        { t: 0, v: 72 },
        { t: 100, v: 72 },
      ],
      box,
    );
    expect(parse(line!)).toEqual([
      [2, 12],
      [102, 12],
    ]);
  });

  it("widens a tiny range to minSpan so noise stays small", () => {
    const [line] = prepareSparkline(
      [
        { t: 0, v: 71 },
        { t: 100, v: 73 },
      ],
      { ...box, minSpan: 20 },
    );
    const ys = parse(line!).map(([, y]) => y);
    expect(ys[0]).toBeCloseTo(13, 5);
    expect(ys[1]).toBeCloseTo(11, 5);
  });

  it("shows a single point as a short visible tick", () => {
    const [line] = prepareSparkline([{ t: 100, v: 70 }], box);
    expect(parse(line!)).toEqual([
      [100, 12],
      [102, 12],
    ]);
    const [first] = prepareSparkline([{ t: 0, v: 70 }], { ...box, end: 100 });
    expect(parse(first!)).toEqual([
      [2, 12],
      [4, 12],
    ]);
  });

  it("breaks the line at gaps longer than gapMs", () => {
    const runs = prepareSparkline(
      [
        { t: 0, v: 1 },
        { t: 10, v: 2 },
        { t: 80, v: 3 },
        { t: 90, v: 4 },
      ],
      { ...box, gapMs: 30 },
    );
    expect(runs).toHaveLength(2);
    expect(parse(runs[0]!)).toHaveLength(2);
    expect(parse(runs[1]!)).toHaveLength(2);
  });

  it("ignores non-finite values", () => {
    const [line] = prepareSparkline(
      [
        { t: 0, v: Number.NaN },
        { t: 100, v: 5 },
      ],
      box,
    );
    expect(parse(line!)).toHaveLength(2);
  });
});

describe("prepareSparkline downsampling", () => {
  it("caps the number of points, keeping the peak", () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ t: i, v: i === 500 ? 200 : 70 }));
    const [line] = prepareSparkline(pts, { width: 54, height: 24, padding: 2, windowMs: 1000, maxPoints: 50 });
    const coords = parse(line!);
    expect(coords.length).toBeLessThanOrEqual(50);
    expect(Math.min(...coords.map(([, y]) => y))).toBe(2);
  });
});

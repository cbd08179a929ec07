import { describe, expect, it } from "vitest";
import type { Point } from "./lttb";
import { liveRedrawIntervalMs, mergeLivePoints, quantizeEnd, thinBucketMs, thinToBuckets } from "./live-trend";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const series = (n: number, stepMs: number, from = T0, v = (i: number) => 80 + (i % 7)): Point[] =>
  Array.from({ length: n }, (_, i) => ({ t: from + i * stepMs, v: v(i) }));

describe("liveRedrawIntervalMs", () => {
  it("redraws once per pixel's worth of time, between 1 s and 5 s", () => {
    expect(liveRedrawIntervalMs(HOUR)).toBe(3_600);
    expect(liveRedrawIntervalMs(8 * HOUR)).toBe(5_000);
    expect(liveRedrawIntervalMs(24 * HOUR)).toBe(5_000);
    expect(liveRedrawIntervalMs(60_000)).toBe(1_000);
    expect(liveRedrawIntervalMs(HOUR, 3_600)).toBe(1_000);
  });
});

describe("quantizeEnd", () => {
  it("moves the axis end only in whole intervals, never before the newest time", () => {
    expect(quantizeEnd(T0 + 1, 5_000)).toBe(T0 + 5_000);
    expect(quantizeEnd(T0 + 4_999, 5_000)).toBe(T0 + 5_000);
    expect(quantizeEnd(T0, 5_000)).toBe(T0);
  });
});

describe("thinToBuckets", () => {
  it("keeps the lowest and highest reading of a crowded bucket, in time order, and sparse buckets whole", () => {
    const points = [
      { t: 0, v: 90 },
      { t: 1, v: 70 },
      { t: 2, v: 95 },
      { t: 3, v: 85 },
      { t: 10, v: 60 },
      { t: 11, v: 61 },
      { t: 20, v: 50 },
      { t: 21, v: 50 },
      { t: 22, v: 50 },
    ];
    expect(thinToBuckets(points, 10)).toEqual([
      { t: 1, v: 70 },
      { t: 2, v: 95 },
      { t: 10, v: 60 },
      { t: 11, v: 61 },
      { t: 20, v: 50 },
    ]);
  });
});

describe("mergeLivePoints", () => {
  it("adds a batch in order, ignores redeliveries and returns the same array when nothing is new", () => {
    const base = series(3, 60_000);
    const late = { t: T0 + 90_000, v: 99 };
    const next = { t: T0 + 180_000, v: 77 };
    const r = mergeLivePoints(base, [next, late, { t: T0 + 60_000, v: 1 }, next], HOUR, 1_000);
    expect(r.added).toBe(2);
    expect(r.points.map((p) => p.t)).toEqual([T0, T0 + 60_000, T0 + 90_000, T0 + 120_000, T0 + 180_000]);
    expect(r.points.find((p) => p.t === T0 + 60_000)!.v).toBe(81);
    const again = mergeLivePoints(r.points, [next, { t: Number.NaN, v: 1 }], HOUR, 1_000);
    expect(again.points).toBe(r.points);
    expect(again.added).toBe(0);
  });

  it("drops what fell out of the window before the newest reading, and readings older than it", () => {
    const base = series(3, 30 * 60_000);
    const r = mergeLivePoints(
      base,
      [
        { t: T0 + 2 * HOUR, v: 88 },
        { t: T0 + 10, v: 1 },
      ],
      HOUR,
      1_000,
    );
    expect(r.points.map((p) => p.t)).toEqual([T0 + HOUR, T0 + 2 * HOUR]);
    expect(r.added).toBe(1);
  });

  it("keeps a series under the point budget through 10 h of 1 Hz live readings, never losing an extreme", () => {
    const range = 8 * HOUR;
    const max = 1_000;
    let points: readonly Point[] = series(max, range / max, T0 - range);
    let now = T0;
    let longest = 0;
    let ordered = true;
    let extremeKept = true;
    for (let batch = 0; batch < 10 * 720; batch++) {
      const fresh = series(5, 1_000, now + 1_000, (i) => (batch === 1_000 && i === 2 ? 40 : 80 + ((batch + i) % 5)));
      now += 5_000;
      points = mergeLivePoints(points, fresh, range, max).points;
      longest = Math.max(longest, points.length);
      for (let i = 1; i < points.length; i++) ordered &&= points[i]!.t > points[i - 1]!.t;
      if (batch > 1_000 && batch < 1_000 + (range - 10_000) / 5_000) extremeKept &&= points.some((p) => p.v === 40);
    }
    expect(ordered).toBe(true);
    expect(extremeKept).toBe(true);
    expect(longest).toBeLessThanOrEqual(max);
    expect(points.at(-1)!.t).toBe(now);
    expect(points[0]!.t).toBeGreaterThanOrEqual(now - range);
    expect(points.length).toBeGreaterThan(max / 2 - 2);
  });

  it("sizes buckets so two per bucket fit the budget", () => {
    expect(2 * (Math.floor((8 * HOUR) / thinBucketMs(8 * HOUR, 1_000)) + 2) + 1).toBeLessThanOrEqual(1_000);
  });
});

import { describe, expect, it } from "vitest";
import type { Point } from "./lttb";
import { agpProfile, agpRows, agpYDomain, agpYTicks, chooseAgpBinMinutes, formatMinuteOfDay, minuteOfDay, percentile } from "./prepare-agp";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse("2026-11-09T00:00:00.000Z");
const utc = () => 0;

describe("percentile", () => {
  it("interpolates linearly between closest ranks (type 7)", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(v, 50)).toBe(5.5);
    expect(percentile(v, 5)).toBeCloseTo(1.45);
    expect(percentile(v, 95)).toBeCloseTo(9.55);
    expect(percentile(v, 25)).toBeCloseTo(3.25);
    expect(percentile([7], 95)).toBe(7);
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});

describe("minuteOfDay", () => {
  it("folds times onto the local day", () => {
    expect(minuteOfDay(T0 + 90 * MIN, 0)).toBe(90);
    expect(minuteOfDay(T0 + 90 * MIN, 60)).toBe(150);
    expect(minuteOfDay(T0 + 30 * MIN, -60)).toBe(1410);
  });
});

describe("agpProfile", () => {
  // 14 days of 5-minute readings: value = 100 + day (0..13), plus 100 from 06:00 to 07:00.
  const points: Point[] = [];
  for (let d = 0; d < 14; d++) {
    for (let m = 0; m < 24 * 60; m += 5) points.push({ t: T0 + d * DAY + m * MIN, v: 100 + d + (m >= 360 && m < 420 ? 100 : 0) });
  }

  it("gives 96 bins of 15 minutes with the percentiles of every day's readings in that bin", () => {
    const bins = agpProfile(points, { binMinutes: 15, tzOffsetMinutes: utc });
    expect(bins).toHaveLength(96);
    const first = bins[0]!;
    expect(first.start).toBe(0);
    expect(first.n).toBe(42);
    expect(first.p50).toBeCloseTo(106.5);
    expect(first.p5).toBeLessThan(first.p25!);
    expect(first.p95).toBeGreaterThan(first.p75!);
    expect(bins[24]!.p50).toBeCloseTo(206.5); // 06:00–06:15
  });

  it("shifts by the local offset and leaves sparse bins empty (gaps are not invented)", () => {
    const bins = agpProfile(points, { binMinutes: 30, tzOffsetMinutes: () => 60 });
    expect(bins).toHaveLength(48);
    expect(bins[14]!.p50).toBeCloseTo(206.5); // 07:00–07:30 local is 06:00 UTC
    const sparse = agpProfile(
      [
        { t: T0, v: 100 },
        { t: T0 + MIN, v: 110 },
        { t: T0 + 8 * 60 * MIN, v: 90 },
      ],
      { binMinutes: 30, tzOffsetMinutes: utc, minReadings: 2 },
    );
    expect(sparse[0]).toMatchObject({ n: 2, p50: 105 });
    expect(sparse[16]).toMatchObject({ n: 1, p50: null });
  });

  it("chooses 30-minute bins when 15-minute bins would be too sparse", () => {
    expect(chooseAgpBinMinutes(4032)).toBe(15);
    expect(chooseAgpBinMinutes(288)).toBe(30);
  });
});

describe("agpRows", () => {
  it("puts rows at bin centres with range bands and adds midnight at both ends", () => {
    const bins = agpProfile(
      [0, 60, 1410].flatMap((m) => [100, 110, 120].map((v) => ({ t: T0 + m * MIN, v }))),
      { binMinutes: 30, tzOffsetMinutes: utc },
    );
    const rows = agpRows(bins);
    expect(rows).toHaveLength(50);
    expect(rows[1]).toEqual({ minute: 15, outer: [101, 119], inner: [105, 115], median: 110 });
    expect(rows[2]).toEqual({ minute: 45 });
    expect(rows[0]).toEqual({ minute: 0, outer: [101, 119], inner: [105, 115], median: 110 });
    expect(rows.at(-1)?.minute).toBe(1440);
  });
});

describe("axes", () => {
  it("uses 0–350 mg/dL unless the 95th percentile is higher", () => {
    expect(agpYDomain([])).toEqual([0, 350]);
    expect(agpYDomain([{ start: 0, n: 5, p5: 100, p25: 150, p50: 200, p75: 300, p95: 372 }])).toEqual([0, 400]);
    expect(agpYTicks([0, 350])).toEqual([0, 54, 70, 180, 250, 350]);
  });

  it("formats times of day", () => {
    expect(formatMinuteOfDay(0)).toBe("00:00");
    expect(formatMinuteOfDay(1440)).toBe("24:00");
    expect(formatMinuteOfDay(375)).toBe("06:15");
  });
});

import { describe, expect, it } from "vitest";
import type { Point } from "./lttb";
import {
  evaluateCgmTargets,
  formatDuration,
  formatPercent,
  formatTargetPercent,
  glucoseRangeOf,
  glucoseYDomain,
  readingWeights,
  summarizeCgm,
} from "./prepare-cgm";

const T0 = Date.parse("2026-11-23T00:00:00.000Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Readings every 5 minutes with the given values, repeated in order. */
const series = (values: number[], count: number, start = T0): Point[] =>
  Array.from({ length: count }, (_, i) => ({ t: start + i * 5 * MIN, v: values[i % values.length]! }));

describe("glucoseRangeOf", () => {
  it("splits at the consensus thresholds", () => {
    expect([40, 53.9, 54, 69, 69.9, 70, 180, 180.4, 181, 250, 250.1, 400].map(glucoseRangeOf)).toEqual([
      "very_low",
      "very_low",
      "low",
      "low",
      "low",
      "in_range",
      "in_range",
      "high",
      "high",
      "high",
      "very_high",
      "very_high",
    ]);
  });
});

describe("readingWeights", () => {
  it("gives each reading the time to the next, capped at the gap, and the last the typical interval", () => {
    const points = [0, 5, 10, 60, 65].map((m) => ({ t: T0 + m * MIN, v: 100 }));
    expect(readingWeights(points).map((w) => w / MIN)).toEqual([5, 5, 15, 5, 5]);
    expect(readingWeights([{ t: T0, v: 100 }]).map((w) => w / MIN)).toEqual([5]);
    expect(readingWeights([])).toEqual([]);
  });
});

describe("summarizeCgm", () => {
  it("gives the share of time in each range in % and minutes", () => {
    // 20 readings: 1 very low, 1 low, 14 in range, 3 high, 1 very high.
    const values = [50, 60, ...Array<number>(14).fill(120), 200, 200, 200, 300];
    const s = summarizeCgm(series(values, 20), { windowMs: DAY });
    expect(s.buckets.map((b) => [b.key, b.percent, b.minutes, b.readings])).toEqual([
      ["very_low", 5, 5, 1],
      ["low", 5, 5, 1],
      ["in_range", 70, 70, 14],
      ["high", 15, 15, 3],
      ["very_high", 5, 5, 1],
    ]);
    expect(s.minutes).toBe(100);
    expect(s.coverage).toBeCloseTo(100 / 1440);
  });

  it("does not let a sensor gap stretch the reading before it", () => {
    const points = [...series([60], 3), ...series([120], 3, T0 + 6 * 60 * MIN)];
    const s = summarizeCgm(points, { windowMs: DAY });
    // 60 mg/dL: 5 + 5 + 15 (capped) minutes; 120: 5 + 5 + 5.
    expect(s.buckets.find((b) => b.key === "low")?.minutes).toBe(25);
    expect(s.buckets.find((b) => b.key === "in_range")?.minutes).toBe(15);
  });

  it("computes mean, GMI and CV", () => {
    const s = summarizeCgm(series([100, 200], 100), { windowMs: DAY });
    expect(s.mean).toBeCloseTo(150, 0);
    expect(s.gmi).toBeCloseTo(3.31 + 0.02392 * (s.mean ?? 0));
    expect(summarizeCgm(series([154], 10), { windowMs: DAY }).gmi).toBeCloseTo(6.99, 2);
    expect(s.cv).toBeCloseTo(33.3, 0);
  });

  it("is empty without readings", () => {
    const s = summarizeCgm([], { windowMs: DAY });
    expect(s).toMatchObject({ readings: 0, minutes: 0, coverage: 0, mean: null, gmi: null, cv: null });
    expect(evaluateCgmTargets(s).every((t) => t.met === null)).toBe(true);
  });
});

describe("evaluateCgmTargets", () => {
  const withShares = (veryLow: number, low: number, inRange: number, high: number, veryHigh: number) =>
    summarizeCgm(
      series(
        [
          ...Array<number>(veryLow).fill(50),
          ...Array<number>(low).fill(60),
          ...Array<number>(inRange).fill(120),
          ...Array<number>(high).fill(200),
          ...Array<number>(veryHigh).fill(300),
        ],
        1000,
      ),
      { windowMs: 14 * DAY },
    );

  it("passes a well-controlled profile (TIR > 70, < 70 under 4, < 54 under 1, > 180 under 25, > 250 under 5)", () => {
    const results = evaluateCgmTargets(withShares(5, 25, 800, 150, 20));
    expect(results.map((r) => [r.key, Math.round(r.actual * 10) / 10, r.met])).toEqual([
      ["tir", 80, true],
      ["tbr", 3, true],
      ["tbr_54", 0.5, true],
      ["tar", 17, true],
      ["tar_250", 2, true],
    ]);
  });

  it("fails each target at its boundary (strict: exactly 70 % in range is not above 70 %)", () => {
    const results = evaluateCgmTargets(withShares(10, 30, 700, 210, 50));
    expect(results.map((r) => [r.key, r.met])).toEqual([
      ["tir", false],
      ["tbr", false],
      ["tbr_54", false],
      ["tar", false],
      ["tar_250", false],
    ]);
  });
});

describe("formatting", () => {
  it("formats durations and percentages", () => {
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(200)).toBe("3 h 20 min");
    expect(formatPercent(0)).toBe("0.0 %");
    expect(formatPercent(0.05)).toBe("< 0.1 %");
    expect(formatPercent(3.94)).toBe("3.9 %");
    expect(formatPercent(71.6)).toBe("72 %");
    expect(formatTargetPercent(1.02, { percent: 1 })).toBe("1.02 %");
    expect(formatTargetPercent(0.5, { percent: 1 })).toBe("0.5 %");
    expect(formatTargetPercent(70.3, { percent: 70 })).toBe("70.30 %");
    expect(formatTargetPercent(81, { percent: 70 })).toBe("81 %");
  });
});

describe("glucoseYDomain", () => {
  it("shows 0–350 mg/dL, widened in 50s for high readings or limits", () => {
    expect(glucoseYDomain([{ t: T0, v: 120 }])).toEqual([0, 350]);
    expect(glucoseYDomain([{ t: T0, v: 412 }])).toEqual([0, 450]);
    expect(glucoseYDomain([], [380])).toEqual([0, 400]);
  });
});

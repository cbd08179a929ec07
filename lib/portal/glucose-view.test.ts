import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-days";
import { prepareGlucoseView, type TimedValue } from "./glucose-view";

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0); // noon UTC

/** Readings every 5 minutes ending at `end` (inclusive), values from `f(i)`. */
function series(end: number, n: number, f: (i: number) => number): TimedValue[] {
  return Array.from({ length: n }, (_, i) => ({ t: end - (n - 1 - i) * 5 * MIN, v: f(i) }));
}
const pct = (v: ReturnType<typeof prepareGlucoseView>["today"], key: string) => v.buckets.find((b) => b.key === key)!.percent;

describe("portal glucose view", () => {
  it("time in range today: 100 readings split 2/3/80/10/5 over the five ranges give exactly those percentages", () => {
    // 100 readings since midnight (8 h 15 min of a 12 h day), each range by index.
    const values = (i: number) => (i < 2 ? 50 : i < 5 ? 60 : i < 85 ? 120 : i < 95 ? 200 : 300);
    const v = prepareGlucoseView(series(NOW, 100, values), NOW, 0);
    expect([
      pct(v.today, "very_low"),
      pct(v.today, "low"),
      pct(v.today, "in_range"),
      pct(v.today, "high"),
      pct(v.today, "very_high"),
    ]).toEqual([2, 3, 80, 10, 5]);
    expect(v.today.readings).toBe(100);
    expect(v.today.coverage).toBeCloseTo((100 * 5) / (12 * 60), 10);
    // Consensus: in range > 70 % met; below 70 < 4 % not met (5 %); below 54 < 1 % not met; above 250 < 5 % not met (5 %).
    expect(Object.fromEntries(v.today.targets.map((t) => [t.key, t.met]))).toEqual({
      tir: true,
      tbr: false,
      tbr_54: false,
      tar: true,
      tar_250: false,
    });
    expect(v.urgentLows14).toBe(2);
  });

  it("14 days: the AGP folds the days onto one by time of day, with exact type-7 percentiles", () => {
    // 12:00, 12:05 and 12:10 on each of 14 days, day d reading 100 + d: 42 values, 100×3 … 113×3.
    const now = Date.UTC(2026, 11, 3, 18, 0);
    const points: TimedValue[] = [];
    for (let d = 0; d < 14; d++)
      for (let k = 0; k < 3; k++) points.push({ t: Date.UTC(2026, 11, 3, 12, 5 * k) - (13 - d) * DAY_MS, v: 100 + d });
    const v = prepareGlucoseView(points, now, 0);
    expect(v.agp.binMinutes).toBe(30); // 42 readings: too sparse for 15-minute bins
    const row = v.agp.rows.find((r) => r.minute === 12 * 60 + 15)!;
    expect(row.median).toBeCloseTo(106.5, 10);
    expect(row.inner![0]).toBeCloseTo(103, 10);
    expect(row.inner![1]).toBeCloseTo(110, 10);
    expect(row.outer![0]).toBeCloseTo(100.05, 10);
    expect(row.outer![1]).toBeCloseTo(112.95, 10);
    // Other times of day have no readings: no band there (a break, not an invented shape).
    expect(v.agp.rows.find((r) => r.minute === 3 * 60 + 15)).toEqual({ minute: 195 });
    expect(v.days14.readings).toBe(42);
    expect(pct(v.days14, "in_range")).toBe(100);
    expect(v.today.readings).toBe(3);
  });

  it("exact AGP percentiles for one bin of known values", () => {
    // 5 readings at 03:00–03:14 on 5 days: 40, 50, 60, 70, 80 → p5 42, p25 50, p50 60, p75 70, p95 78.
    const points = [40, 50, 60, 70, 80].map((v, d) => ({ t: Date.UTC(2026, 11, 3, 3, 0) - (4 - d) * DAY_MS, v }));
    const v = prepareGlucoseView(points, NOW, 0);
    expect(v.agp.binMinutes).toBe(30); // sparse: 30-minute bins
    const row = v.agp.rows.find((r) => r.minute === 3 * 60 + 15)!;
    expect(row).toEqual({ minute: 195, outer: [42, 78], inner: [50, 70], median: 60 });
  });

  it("current glucose: the newest reading if under 15 minutes old, with its range; none if older", () => {
    const fresh = prepareGlucoseView([{ t: NOW - 4 * MIN, v: 51 }], NOW, 0);
    expect(fresh.current).toEqual({ value: 51, at: NOW - 4 * MIN, range: "very_low" });
    expect(prepareGlucoseView([{ t: NOW - 16 * MIN, v: 120 }], NOW, 0).current).toBeNull();
    expect(prepareGlucoseView([], NOW, 0).today.readings).toBe(0);
  });

  it("today follows the patient's local midnight", () => {
    // UTC-5: local midnight is 05:00 UTC; a reading at 04:00 UTC is yesterday.
    const v = prepareGlucoseView(
      [
        { t: Date.UTC(2026, 11, 3, 4, 0), v: 100 },
        { t: Date.UTC(2026, 11, 3, 6, 0), v: 100 },
      ],
      NOW,
      -300,
    );
    expect(v.today.readings).toBe(1);
    expect(v.days14.readings).toBe(2);
  });
});

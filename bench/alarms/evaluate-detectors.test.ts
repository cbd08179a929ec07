import { describe, expect, it } from "vitest";
import {
  compareToBaselines,
  createPersistentRule,
  createRuleLatch,
  evaluateDetectors,
  median,
  poissonUpperBound,
} from "./evaluate-detectors";
import { formatTable, parseFlags } from "./run-alarms-bench";

const MIN = 60_000;

describe("bench helpers", () => {
  it("median, Poisson upper bound", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(poissonUpperBound(0)).toBeCloseTo(2.996, 2); // the "rule of three"
    expect(poissonUpperBound(10)).toBeCloseTo(17.0, 0);
    expect(poissonUpperBound(964) / 964).toBeGreaterThan(1.04); // large counts do not underflow
    expect(poissonUpperBound(964) / 964).toBeLessThan(1.07);
  });

  it("a rule latch raises once per episode and re-arms after the condition has cleared for a while", () => {
    const latch = createRuleLatch(10 * MIN);
    const raised = [0, 1, 2, 3, 15, 16, 30].map((m) => latch(m * MIN, [0, 1, 3, 30].includes(m)));
    expect(raised).toEqual([true, false, false, false, false, false, true]);
    const held = createPersistentRule(5 * MIN, 0);
    expect([0, 2, 4, 5, 6].map((m) => held(m * MIN, true))).toEqual([false, false, false, true, false]);
  });

  it("parses flags and formats a table", () => {
    expect(parseFlags(["--beds=5", "--hours=6"])).toEqual({ beds: 5, devices: 5, hours: 6, seed: 100_000 });
    expect(() => parseFlags(["--beds=-1"])).toThrow(RangeError);
    expect(
      formatTable(
        ["a", "n"],
        [
          ["x", 1],
          ["yy", 22],
        ],
      ),
    ).toEqual(["a  |  n", "---|---", "x  |  1", "yy | 22"]);
  });
});

describe("evaluateDetectors", () => {
  it("produces a row per detector and baseline, with lead times and false-alarm rates", () => {
    const rows = evaluateDetectors({ beds: 2, hours: 24 });
    const names = rows.map((r) => `${r.detector} | ${r.scenario}`);
    expect(names).toHaveLength(10);
    const trend = rows.find((r) => r.detector === "deterioration trend (CUSUM)");
    expect(trend?.events).toBeGreaterThan(5);
    expect(trend?.medianMin).toBeGreaterThan(0);
    const news5 = rows.find((r) => r.detector.startsWith("NEWS2 ≥ 5"));
    expect(news5?.medianMin).toBe(0);
    const pm = rows.find((r) => r.detector.startsWith("predictive maintenance"));
    expect(pm?.detected).toBe(2);
    expect(pm?.worstMin).toBeGreaterThanOrEqual(60);
    for (const r of rows) expect(r.falseAlarmsPerDayUpper95).toBeGreaterThanOrEqual(r.falseAlarmsPerDay);
    const cmp = compareToBaselines(rows);
    expect(cmp.map((c) => c.baseline)).toContain("NEWS2 ≥ 5 (single reading)");
  });
});

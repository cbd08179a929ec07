import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-days";
import { averageBp, isCrisis, prepareBpView, type BpReading } from "./bp-view";

const NOW = Date.UTC(2026, 11, 3, 21, 0);
const at = (daysAgo: number, hour: number) => Date.UTC(2026, 11, 3, hour, 0) - daysAgo * DAY_MS;
const r = (t: number, sys: number, dia: number, pulse: number | null = 70): BpReading => ({ t, sys, dia, pulse });

describe("portal blood pressure view", () => {
  it("7-day average against 135/85 and the 7 days before, exact", () => {
    const readings = [
      // the week before: 128/80, 130/82 → 129/81
      r(at(10, 8), 128, 80),
      r(at(9, 20), 130, 82),
      // this week: 134/84, 140/88, 138/86 → 137.33/86
      r(at(6, 8), 134, 84),
      r(at(3, 20), 140, 88),
      r(at(0, 8), 138, 86),
    ];
    const v = prepareBpView(readings, NOW, 0);
    expect(v.avg7).toEqual({ sys: (134 + 140 + 138) / 3, dia: 86, readings: 3 });
    expect(v.avgPrev7).toEqual({ sys: 129, dia: 81, readings: 2 });
    expect(v.aboveTarget).toBe(true);
    expect(v.readings.map((x) => x.sys)).toEqual([138, 140, 134, 130, 128]); // newest first
    expect(v.today.map((x) => x.sys)).toEqual([138]);
    expect(v.readings.map((x) => x.aboveTarget)).toEqual([true, true, false, false, false]);
    expect(v.daily).toHaveLength(14);
    expect(v.daily.at(-1)).toEqual({ day: "2026-12-03", sys: 138, dia: 86 });
    expect(v.daily.at(-2)).toEqual({ day: "2026-12-02", sys: null, dia: null });
  });

  it("135/85 exactly is at target's edge: hypertension (≥); 134/84 is not", () => {
    expect(prepareBpView([r(at(1, 8), 135, 80)], NOW, 0).aboveTarget).toBe(true);
    expect(prepareBpView([r(at(1, 8), 120, 85)], NOW, 0).aboveTarget).toBe(true);
    expect(prepareBpView([r(at(1, 8), 134, 84)], NOW, 0).aboveTarget).toBe(false);
    expect(prepareBpView([], NOW, 0).aboveTarget).toBeNull();
  });

  it("marks a crisis at 180 systolic or 120 diastolic", () => {
    expect(isCrisis({ sys: 180, dia: 90 })).toBe(true);
    expect(isCrisis({ sys: 150, dia: 120 })).toBe(true);
    expect(isCrisis({ sys: 179, dia: 119 })).toBe(false);
    const v = prepareBpView([r(at(2, 8), 182, 100), r(at(1, 8), 150, 95)], NOW, 0);
    expect(v.crisisReadings).toBe(1);
    expect(v.readings.map((x) => x.crisis)).toEqual([false, true]);
  });

  it("ignores readings older than 14 days", () => {
    expect(prepareBpView([r(at(15, 8), 200, 130)], NOW, 0).readings).toEqual([]);
    expect(averageBp([])).toBeNull();
  });
});

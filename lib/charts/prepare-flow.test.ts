import { describe, expect, it } from "vitest";
import { formatKpiValue, formatMinutes, prepareFlowTrend, prepareLosBars, prepareWaitRows } from "./prepare-flow";

describe("flow chart preparation", () => {
  it("turns the trend into chart rows with a short day label and occupancy in percent", () => {
    expect(prepareFlowTrend([{ day: "2026-12-03", admissions: 3, discharges: 2, census: 20, occupancy: 0.8333 }])).toEqual([
      { day: "2026-12-03", label: "12-03", admissions: 3, discharges: 2, census: 20, occupancyPct: 83.3 },
    ]);
  });

  it("keeps wards with finished stays, named by code, sorted", () => {
    const bars = prepareLosBars(
      [
        { wardId: "b", stays: 2, meanHours: 50.04, medianHours: 40, p90Hours: 70.06, encounterIds: [] },
        { wardId: "a", stays: 0, meanHours: null, medianHours: null, p90Hours: null, encounterIds: [] },
        { wardId: "c", stays: 1, meanHours: 10, medianHours: 10, p90Hours: 10, encounterIds: [] },
      ],
      { b: "ICU", c: "4E" },
    );
    expect(bars).toEqual([
      { ward: "4E", meanHours: 10, medianHours: 10, p90Hours: 10, stays: 1 },
      { ward: "ICU", meanHours: 50, medianHours: 40, p90Hours: 70.1, stays: 2 },
    ]);
  });

  it("formats waits and KPI values by unit", () => {
    expect(formatMinutes(null)).toBe("—");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(180)).toBe("3.0 h");
    expect(formatMinutes(4320)).toBe("3.0 d");
    const rows = prepareWaitRows(
      [{ stage: "awaiting-bed", label: "decision to admit → bed", waiting: 2, medianMinutes: 30, longestMinutes: 200, ids: [] }],
      "awaiting-bed",
    );
    expect(rows[0]).toMatchObject({ waiting: 2, median: "30 min", longest: "3.3 h", isLongest: true });
    expect(formatKpiValue({ value: 0.125, unit: "ratio" })).toBe("12.5 %");
    expect(formatKpiValue({ value: 4.25, unit: "days" })).toBe("4.3 days");
    expect(formatKpiValue({ value: null, unit: "ratio" })).toBe("—");
    expect(formatKpiValue({ value: { p50: 30, p90: 300 }, unit: "seconds" })).toBe("p50 30 s · p90 5 min");
    expect(formatKpiValue({ value: 1.5, unit: "alarms per bed-day" })).toBe("1.5 alarms per bed-day");
  });
});

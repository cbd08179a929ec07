import { describe, expect, it } from "vitest";
import { forecastMonthEnd } from "./forecast";
import { applicableScopes, budgetExhaustedMessage, budgetScopeSchema, periodBounds, resetTime } from "./periods";

describe("periodBounds", () => {
  it("cuts UTC days and months", () => {
    const at = new Date("2026-11-23T18:30:00.000Z");
    expect(periodBounds("day", at)).toEqual({ start: new Date("2026-11-23T00:00:00.000Z"), end: new Date("2026-11-24T00:00:00.000Z") });
    expect(periodBounds("month", at)).toEqual({ start: new Date("2026-11-01T00:00:00.000Z"), end: new Date("2026-12-01T00:00:00.000Z") });
    expect(resetTime("month", new Date("2026-12-31T23:59:59.999Z"))).toEqual(new Date("2027-01-01T00:00:00.000Z"));
    expect(resetTime("day", new Date("2028-02-28T12:00:00Z"))).toEqual(new Date("2028-02-29T00:00:00.000Z"));
    expect(periodBounds("day", new Date("2026-11-24T00:00:00.000Z")).start).toEqual(new Date("2026-11-24T00:00:00.000Z"));
  });
});

describe("budget scopes", () => {
  it("lists global, feature and user scopes and validates their spelling", () => {
    expect(applicableScopes({ feature: "handover-summary", userId: "cku1" })).toEqual(["global", "feature:handover-summary", "user:cku1"]);
    for (const ok of ["global", "feature:handover-summary", "user:clx0abc_12"]) expect(budgetScopeSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["", "globals", "feature:", "user:", "team:x", "feature:Bad Name"])
      expect(budgetScopeSchema.safeParse(bad).success).toBe(false);
  });

  it("words the refusal as the contract says", () => {
    expect(budgetExhaustedMessage("feature:handover-summary", "day", new Date("2026-11-24T00:00:00.000Z"))).toBe(
      "AI budget feature:handover-summary/day exhausted until 2026-11-24T00:00:00.000Z",
    );
  });
});

describe("forecastMonthEnd", () => {
  it("draws a straight line from the month so far to month end", () => {
    const daily = Array.from({ length: 10 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, "0")}`, nusd: 1_000_000 }));
    daily.push({ day: "2026-10-31", nusd: 99_000_000 }, { day: "2026-11-11", nusd: 55_000_000 }, { day: "2026-11-10", nusd: 500_000 });
    const f = forecastMonthEnd(daily, new Date("2026-11-10T06:00:00.000Z"));
    expect(f).toMatchObject({
      monthStart: "2026-11-01",
      daysInMonth: 30,
      daysElapsed: 10,
      monthToDateNusd: 10_500_000,
      dailyAverageNusd: 1_050_000,
      projectedNusd: 31_500_000,
    });
    expect(f.points).toHaveLength(30);
    expect(f.points[0]).toEqual({ day: "2026-11-01", cumulativeNusd: 1_000_000, forecast: false });
    expect(f.points[9]).toEqual({ day: "2026-11-10", cumulativeNusd: 10_500_000, forecast: false });
    expect(f.points[10]).toEqual({ day: "2026-11-11", cumulativeNusd: 11_550_000, forecast: true });
    expect(f.points[29]).toEqual({ day: "2026-11-30", cumulativeNusd: 31_500_000, forecast: true });
  });

  it("counts today as a whole day on the first of the month and handles an empty month", () => {
    const f = forecastMonthEnd([{ day: "2027-02-01", nusd: 700 }], new Date("2027-02-01T00:05:00.000Z"));
    expect(f).toMatchObject({ daysInMonth: 28, daysElapsed: 1, projectedNusd: 19_600 });
    expect(forecastMonthEnd([], new Date("2027-02-14T00:00:00Z"))).toMatchObject({ monthToDateNusd: 0, projectedNusd: 0 });
  });
});

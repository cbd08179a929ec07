import { describe, expect, it } from "vitest";
import { forecastMonthEnd } from "@/lib/ai/costs/forecast";
import { NANO_PER_USD, nanoToUsd } from "@/lib/ai/costs/money";
import type { SpendForecast } from "@/lib/ai/service-types";
import {
  dayLabel,
  daysBetween,
  formatUsdAxis,
  niceCeil,
  OTHER_KEY,
  prepareBudgetBars,
  prepareForecastChart,
  prepareSpendByDay,
  spendRange,
  type SpendCell,
} from "./spend-chart-data";

const usd = (n: number) => Math.round(n * NANO_PER_USD);

describe("daysBetween", () => {
  it("lists every UTC day inclusive, across a month end", () => {
    expect(daysBetween("2026-11-29", "2026-12-02")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(daysBetween("2026-12-02", "2026-12-01")).toEqual([]);
  });
  it("refuses what is not a day", () => {
    expect(() => daysBetween("2026-12-1", "2026-12-02")).toThrow(/YYYY-MM-DD/);
  });
  it("spans the last n UTC days up to today, the query's end exclusive", () => {
    expect(spendRange(new Date("2026-12-03T23:30:00Z"), 30)).toEqual({
      fromDay: "2026-11-04",
      toDay: "2026-12-03",
      from: new Date("2026-11-04T00:00:00Z"),
      to: new Date("2026-12-04T00:00:00Z"),
    });
  });
  it("labels a day for the axis", () => {
    expect(dayLabel("2026-12-03")).toBe("3 Dec");
  });
});

describe("prepareSpendByDay", () => {
  const cells: SpendCell[] = [
    { day: "2026-12-01", feature: "handover-summary", model: "gpt-4o-mini", costUsd: 0.3, calls: 3 },
    { day: "2026-12-01", feature: "alert-explanation", model: "gpt-4o-mini", costUsd: 0.1, calls: 1 },
    { day: "2026-12-03", feature: "handover-summary", model: "gpt-4.1-mini", costUsd: 0.2 },
    { day: "2026-11-30", feature: "ward-brief", model: "gpt-4o-mini", costUsd: 9 },
  ];

  it("stacks by feature with every day present and the largest series first", () => {
    const out = prepareSpendByDay(cells, "feature", { from: "2026-12-01", to: "2026-12-03" });
    expect(out.series.map((s) => s.label)).toEqual(["handover-summary", "alert-explanation"]);
    expect(out.days.map((d) => d.day)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(out.days[0]!.values).toEqual({ s0: 0.3, s1: 0.1 });
    expect(out.days[1]!.values).toEqual({ s0: 0, s1: 0 });
    expect(out.days[1]!.totalUsd).toBe(0);
    expect(out.days[2]!.values).toEqual({ s0: 0.2, s1: 0 });
    expect(out.totalUsd).toBe(0.6);
    expect(out.days[0]!.calls).toBe(4);
    expect(out.calls).toBe(4);
    expect(out.maxDayUsd).toBeCloseTo(0.4, 12);
    // The ward brief was spent the day before the range: not counted, no series.
    expect(out.series.some((s) => s.label === "ward-brief")).toBe(false);
  });

  it("stacks by model, summing the features of a model on a day", () => {
    const out = prepareSpendByDay(cells, "model", { from: "2026-12-01", to: "2026-12-03" });
    expect(out.series.map((s) => [s.label, s.totalUsd])).toEqual([
      ["gpt-4o-mini", 0.4],
      ["gpt-4.1-mini", 0.2],
    ]);
    expect(out.days[0]!.values.s0).toBeCloseTo(0.4, 12);
  });

  it("folds the smallest series into other beyond maxSeries, keeping the day totals", () => {
    const many: SpendCell[] = ["a", "b", "c", "d"].map((f, i) => ({ day: "2026-12-01", feature: f, model: "m", costUsd: 4 - i }));
    const out = prepareSpendByDay(many, "feature", { from: "2026-12-01", to: "2026-12-01" }, 3);
    expect(out.series.map((s) => s.label)).toEqual(["a", "b", "other (2)"]);
    expect(out.series[2]!.key).toBe(OTHER_KEY);
    expect(out.days[0]!.values).toEqual({ s0: 4, s1: 3, [OTHER_KEY]: 3 });
    expect(out.days[0]!.totalUsd).toBe(10);
  });

  it("has no series and zero days for no spend", () => {
    const out = prepareSpendByDay([], "feature", { from: "2026-12-01", to: "2026-12-02" });
    expect(out.series).toEqual([]);
    expect(out.days.map((d) => d.totalUsd)).toEqual([0, 0]);
  });
});

describe("prepareBudgetBars", () => {
  it("orders global, features, users and marks soft and exhausted budgets", () => {
    const bars = prepareBudgetBars([
      { scope: "user:u1", period: "day", softUsd: null, hardUsd: 1, spentUsd: 0.7, reservedUsd: 0.3 },
      { scope: "feature:handover-summary", period: "day", softUsd: 0.5, hardUsd: 1, spentUsd: 0.6, reservedUsd: 0 },
      { scope: "global", period: "day", softUsd: 40, hardUsd: 50, spentUsd: 5, reservedUsd: 0 },
      { scope: "global", period: "month", softUsd: null, hardUsd: 500, spentUsd: 600, reservedUsd: 0 },
    ]);
    expect(bars.map((b) => b.name)).toEqual(["global/month", "global/day", "feature:handover-summary/day", "user:u1/day"]);
    expect(bars.map((b) => b.state)).toEqual(["exhausted", "ok", "soft", "exhausted"]);
    expect(bars[0]!.percent).toBe(100);
    expect(bars[0]!.usedUsd).toBe(600);
    expect(bars[1]!.percent).toBe(10);
    expect(bars[1]!.softPercent).toBe(80);
    expect(bars[2]!.softPercent).toBe(50);
    expect(bars[3]!.softPercent).toBeNull();
    // Spent 0.7 and 0.3 reserved by a call in flight: nothing more fits (0.1 + 0.2 style drift would hide it).
    expect(bars[3]!.usedUsd).toBe(1);
    expect(bars[3]!.reservedUsd).toBe(0.3);
  });

  it("treats a zero hard limit as exhausted (nothing may be spent)", () => {
    const [bar] = prepareBudgetBars([{ scope: "global", period: "day", softUsd: null, hardUsd: 0, spentUsd: 0, reservedUsd: 0 }]);
    expect(bar!.state).toBe("exhausted");
    expect(bar!.percent).toBe(0);
  });
});

describe("prepareForecastChart", () => {
  const now = new Date("2026-12-03T10:00:00Z");
  const month = forecastMonthEnd(
    [
      { day: "2026-12-01", nusd: usd(1) },
      { day: "2026-12-03", nusd: usd(2) },
    ],
    now,
  );
  // As the service returns it (decimal USD).
  const forecast: SpendForecast = {
    monthStart: month.monthStart,
    daysInMonth: month.daysInMonth,
    daysElapsed: month.daysElapsed,
    monthToDateUsd: nanoToUsd(month.monthToDateNusd),
    projectedUsd: nanoToUsd(month.projectedNusd),
    points: month.points.map((p) => ({ day: p.day, cumulativeUsd: nanoToUsd(p.cumulativeNusd), forecast: p.forecast })),
  };

  it("draws actual spend up to today and the straight line after it, meeting at today", () => {
    const chart = prepareForecastChart(forecast, 50);
    expect(chart.rows).toHaveLength(31);
    expect(chart.rows[0]).toEqual({ day: "2026-12-01", label: "1 Dec", actualUsd: 1, forecastUsd: null });
    expect(chart.rows[1]).toMatchObject({ actualUsd: 1, forecastUsd: null });
    expect(chart.rows[2]).toMatchObject({ actualUsd: 3, forecastUsd: 3 });
    expect(chart.rows[3]).toMatchObject({ actualUsd: null, forecastUsd: 4 });
    expect(chart.rows[30]).toMatchObject({ actualUsd: null, forecastUsd: 31 });
    expect(chart.monthToDateUsd).toBe(3);
    expect(chart.projectedUsd).toBe(31);
    expect(chart.limitUsd).toBe(50);
    expect(chart.overLimit).toBe(false);
    expect(chart.yMax).toBe(50);
  });

  it("flags a projection above the monthly limit", () => {
    const chart = prepareForecastChart(forecast, 20);
    expect(chart.overLimit).toBe(true);
    expect(chart.yMax).toBe(50);
  });

  it("has no limit line without a monthly budget", () => {
    const chart = prepareForecastChart(forecast, null);
    expect(chart.limitUsd).toBeNull();
    expect(chart.overLimit).toBe(false);
  });
});

describe("axis helpers", () => {
  it("rounds an axis maximum up to 1, 2 or 5 times a power of ten", () => {
    expect(niceCeil(0)).toBe(0.01);
    expect(niceCeil(31)).toBe(50);
    expect(niceCeil(50)).toBe(50);
    expect(niceCeil(0.0031)).toBe(0.005);
    expect(niceCeil(101)).toBe(200);
  });
  it("formats USD for ticks and tooltips without exponents", () => {
    expect(formatUsdAxis(0)).toBe("$0");
    expect(formatUsdAxis(1.25)).toBe("$1.25");
    expect(formatUsdAxis(1250)).toBe("$1,250");
    expect(formatUsdAxis(0.05)).toBe("$0.05");
    expect(formatUsdAxis(0.0042)).toBe("$0.0042");
    expect(formatUsdAxis(0.0000042)).toBe("$0.0000042");
  });
});

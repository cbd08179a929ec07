import { describe, expect, it } from "vitest";
import { alarmBurden, timeToAcknowledge } from "./alarms";
import { FlowInputError } from "./flow-types";

describe("alarmBurden", () => {
  it("gives alarms per occupied bed-day, in total and by priority", () => {
    const burden = alarmBurden({ high: 3, medium: 10, low: 20, technical: 7 }, 57 / 24);
    expect(burden.total).toMatchObject({ numerator: 40, denominator: 57 / 24, unit: "alarms per bed-day" });
    expect(burden.total.value).toBeCloseTo(40 / (57 / 24), 12);
    expect(burden.byPriority.high.value).toBeCloseTo(3 / (57 / 24), 12);
    expect(burden.byPriority.technical.definition).toMatch(/technical priority/);
  });

  it("counts a missing priority as zero and is null with no bed-days", () => {
    const burden = alarmBurden({ high: 2 }, 0);
    expect(burden.total).toMatchObject({ value: null, numerator: 2, denominator: 0 });
    expect(burden.byPriority.low).toMatchObject({ numerator: 0 });
  });

  it("refuses negative or non-numeric counts, naming them", () => {
    expect(() => alarmBurden({ medium: -1 }, 1)).toThrow(/counts\.medium/);
    expect(() => alarmBurden({}, Number.NaN)).toThrow(FlowInputError);
  });
});

describe("timeToAcknowledge", () => {
  it("gives p50/p90 in seconds over acknowledged alarms, all alarms as denominator", () => {
    const kpi = timeToAcknowledge([5_000, 10_000, 20_000, 60_000, 120_000], 1);
    expect(kpi.value.p50).toBe(20);
    expect(kpi.value.p90).toBeCloseTo(96, 10);
    expect(kpi).toMatchObject({ numerator: 5, denominator: 6, unit: "seconds" });
  });

  it("is null without acknowledged alarms and refuses bad delays", () => {
    expect(timeToAcknowledge([], 3)).toMatchObject({ value: { p50: null, p90: null }, numerator: 0, denominator: 3 });
    expect(() => timeToAcknowledge([1000, -5])).toThrow(/ackDelaysMs\[1\]/);
    expect(() => timeToAcknowledge([], 1.5)).toThrow(/unacknowledged/);
  });
});

import { describe, expect, it } from "vitest";
import { ageText, calendarDateIn, formatRelative, formatRelativeDays, nearestClockTime, toCalendarDate, zonedToInstant } from "./time";

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe("formatRelative", () => {
  it.each([
    [-30_000, "now"],
    [-15 * MIN, "-15 min"],
    [-(3 * H + 10 * MIN + 59_000), "-3 h 10 min"],
    [-3 * H, "-3 h"],
    [20 * MIN, "+20 min"],
    [-(2 * D + 4 * H + 30 * MIN), "-2 d 4 h"],
    [-5 * D, "-5 d"],
    [-400 * D, "-1 y"],
    [-(89 * 365.2425 + 1) * D, "-89 y"],
    [-(90 * 365.2425 + 1) * D, "-90 y or more"],
    [3 * 365.2425 * D, "+3 y"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatRelative(ms)).toBe(text);
  });

  it("words calendar-day offsets", () => {
    expect(formatRelativeDays(0)).toBe("today");
    expect(formatRelativeDays(-3)).toBe("-3 d");
    expect(formatRelativeDays(1)).toBe("+1 d");
    expect(formatRelativeDays(-800)).toBe("-2 y");
  });
});

describe("ageText", () => {
  const now = new Date("2026-11-23T18:00:00.000Z");
  it("gives whole years, 90 or older above 89, months for infants", () => {
    expect(ageText({ y: 1950, m: 3, d: 14 }, now, "UTC")).toBe("76 years");
    expect(ageText({ y: 1950, m: 11, d: 24 }, now, "UTC")).toBe("75 years");
    expect(ageText({ y: 1937, m: 11, d: 24 }, now, "UTC")).toBe("88 years");
    expect(ageText({ y: 1937, m: 11, d: 23 }, now, "UTC")).toBe("89 years");
    expect(ageText({ y: 1936, m: 11, d: 23 }, now, "UTC")).toBe("90 or older");
    expect(ageText({ y: 1920, m: 1, d: 1 }, now, "UTC")).toBe("90 or older");
    expect(ageText({ y: 2025, m: 11, d: 23 }, now, "UTC")).toBe("1 year");
    expect(ageText({ y: 2026, m: 4, d: 30 }, now, "UTC")).toBe("6 months");
    expect(ageText({ y: 2027, m: 1, d: 1 }, now, "UTC")).toBeNull();
  });

  it("reads a birth date from a DATE column or a string", () => {
    expect(toCalendarDate(new Date("1950-03-14T00:00:00.000Z"))).toEqual({ y: 1950, m: 3, d: 14 });
    expect(toCalendarDate("1950-03-14")).toEqual({ y: 1950, m: 3, d: 14 });
    expect(toCalendarDate("1950-02-30")).toBeNull();
    expect(toCalendarDate("14.03.1950")).toBeNull();
  });
});

describe("time zones", () => {
  it("finds the instant of a local wall-clock time, across daylight saving", () => {
    expect(zonedToInstant({ y: 2026, m: 7, d: 1, hh: 9, mi: 0, ss: 0 }, "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedToInstant({ y: 2026, m: 12, d: 1, hh: 9, mi: 0, ss: 0 }, "America/New_York").toISOString()).toBe(
      "2026-12-01T14:00:00.000Z",
    );
    expect(zonedToInstant({ y: 2026, m: 12, d: 1, hh: 9, mi: 0, ss: 0 }, "UTC").toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("reads a bare clock time as its nearest occurrence to now", () => {
    const now = new Date("2026-11-23T18:00:00.000Z");
    expect(nearestClockTime(14, 30, 0, now, "UTC").toISOString()).toBe("2026-11-23T14:30:00.000Z");
    expect(nearestClockTime(23, 0, 0, now, "UTC").toISOString()).toBe("2026-11-23T23:00:00.000Z");
    expect(nearestClockTime(7, 0, 0, now, "UTC").toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(nearestClockTime(5, 59, 0, now, "UTC").toISOString()).toBe("2026-11-24T05:59:00.000Z");
    // 13:00 in New York is 18:00 UTC in November.
    expect(nearestClockTime(13, 0, 0, now, "America/New_York").toISOString()).toBe("2026-11-23T18:00:00.000Z");
    expect(calendarDateIn(new Date("2026-11-24T03:00:00.000Z"), "America/New_York")).toEqual({ y: 2026, m: 11, d: 23 });
  });
});

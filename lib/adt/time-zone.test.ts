import { describe, expect, it } from "vitest";
import { assertTimeZone, localDay, localDayWindow, nextDay, utcOffsetMinutes, wallClockToUtc } from "./time-zone";

describe("time zones", () => {
  it("computes offsets, including half hours and DST", () => {
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 1), "Asia/Kolkata")).toBe(330);
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 1), "UTC")).toBe(0);
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 1), "Europe/Berlin")).toBe(60);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 1), "Europe/Berlin")).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 1), "America/Los_Angeles")).toBe(-420);
  });

  it("turns wall time into an instant", () => {
    expect(wallClockToUtc("Europe/Berlin", 2026, 3, 29, 12).toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(wallClockToUtc("UTC", 2026, 3, 29, 12, 30, 5, 7).toISOString()).toBe("2026-03-29T12:30:05.007Z");
  });

  it("gives local days as windows, 23 and 25 hours long on DST changes", () => {
    const spring = localDayWindow("2026-03-29", "Europe/Berlin");
    expect(spring.from.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
    const autumn = localDayWindow("2026-10-25", "Europe/Berlin");
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(25);
    expect(localDay(new Date("2026-03-28T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDay(new Date("2026-03-28T23:30:00Z"), "UTC")).toBe("2026-03-28");
  });

  it("does calendar arithmetic and refuses bad input", () => {
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-03-01", -30)).toBe("2026-01-30");
    expect(() => nextDay("2026/03/01")).toThrow(/YYYY-MM-DD/);
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { dailyFlowTrend } from "./trend";
import { ENCOUNTERS, WARD_BEDS } from "./flow-fixture";

describe("dailyFlowTrend", () => {
  const trend = dailyFlowTrend(ENCOUNTERS, { lastDay: "2026-11-30", timeZone: "UTC", wardBeds: WARD_BEDS });

  it("has one row per day for 30 days, oldest first", () => {
    expect(trend).toHaveLength(30);
    expect(trend[0]?.day).toBe("2026-11-01");
    expect(trend[29]?.day).toBe("2026-11-30");
    expect(trend[0]?.from.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("gives each day's movements, midnight census, waits and occupancy", () => {
    expect(trend[0]).toMatchObject({
      admissions: 3,
      discharges: 0,
      census: 3,
      admitToBedP50Minutes: 270,
      dischargeToLeftP50Minutes: null,
      averageLengthOfStayDays: null,
    });
    expect(trend[0]?.occupancy).toBeCloseTo(57 / 144, 12);
    // Day 2: e5 admitted (no bed), e2 died after 24 h (order → left 360 min); at midnight e1 and e3 are in ICU beds.
    expect(trend[1]).toMatchObject({ admissions: 1, discharges: 1, census: 2, dischargeToLeftP50Minutes: 360, averageLengthOfStayDays: 1 });
    // Day 3: e1 left at 52h after 51 h.
    expect(trend[2]).toMatchObject({ admissions: 0, discharges: 1, census: 1, dischargeToLeftP50Minutes: 120 });
    expect(trend[2]?.averageLengthOfStayDays).toBeCloseTo(51 / 24, 12);
    // Day 8 (168h–192h): e4 readmitted at 172h.
    expect(trend[7]).toMatchObject({ admissions: 1, census: 2 });
    expect(trend[29]).toMatchObject({ admissions: 0, discharges: 0, census: 1 });
  });

  it("scopes to a ward", () => {
    const w4 = dailyFlowTrend(ENCOUNTERS, { lastDay: "2026-11-03", days: 3, wardId: "W4" });
    expect(w4.map((d) => [d.admissions, d.discharges, d.census])).toEqual([
      [2, 0, 2],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(w4[0]?.occupancy).toBeNull();
  });

  it("uses local days in the hospital's time zone", () => {
    // In Tokyo (UTC+9), 1 Nov runs 31 Oct 15:00Z – 1 Nov 15:00Z: e1 (1h), e2 (2h), e3 (4h) fall on 1 Nov,
    // e5 (30h = 2 Nov 06:00Z) on 2 Nov.
    const tokyo = dailyFlowTrend(ENCOUNTERS, { lastDay: "2026-11-02", days: 2, timeZone: "Asia/Tokyo" });
    expect(tokyo[0]?.from.toISOString()).toBe("2026-10-31T15:00:00.000Z");
    expect(tokyo.map((d) => d.admissions)).toEqual([3, 1]);
    // New York leaves DST on 1 Nov 2026 (a 25-hour day from 04:00Z): e1 and e2 are still on 31 Oct there, e3
    // (04:00Z) opens 1 Nov, e5 (06:00Z on 2 Nov = 01:00 EST) is on 2 Nov.
    const ny = dailyFlowTrend(ENCOUNTERS, { lastDay: "2026-11-02", days: 2, timeZone: "America/New_York" });
    expect(ny.map((d) => d.admissions)).toEqual([1, 1]);
    expect((ny[0]!.to.getTime() - ny[0]!.from.getTime()) / 3_600_000).toBe(25);
  });
});

import { describe, expect, it } from "vitest";
import {
  AIR_INTERVAL_MS,
  CGM_INTERVAL_MS,
  DAY,
  HOUR,
  LOW_NADIR_MG_DL,
  MIN,
  createHomeSource,
  defaultHomeScenario,
  isLowNight,
  type HomeReading,
  type HomeScenario,
} from "./home-scenarios";

// 17:00 UTC: the demo starts in the afternoon, the patient lives in UTC.
const ANCHOR = Date.UTC(2026, 11, 3, 17, 0);
const SEED = 12345;
const source = (scenario: HomeScenario, tzOffsetMinutes = 0) =>
  createHomeSource({ scenario, seed: SEED, anchorMs: ANCHOR, tzOffsetMinutes });
const history = (scenario: HomeScenario) => source(scenario).readings(ANCHOR - 14 * DAY, ANCHOR);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const localHour = (t: number) => new Date(t).getUTCHours();

describe("home scenarios", () => {
  it("is stateless: any split of a span gives the same readings, in time order, inside the span", () => {
    for (const scenario of ["cgm-diabetes", "bp-rising", "inhaler-controller", "inhaler-rescue", "air-pollen-week"] as const) {
      const s = source(scenario);
      const whole = s.readings(ANCHOR - 3 * DAY, ANCHOR + DAY);
      const split = [...s.readings(ANCHOR - 3 * DAY, ANCHOR - 17 * MIN), ...s.readings(ANCHOR - 17 * MIN, ANCHOR + DAY)];
      expect(split).toEqual(whole);
      const ts = whole.map((r) => r.ts);
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
      expect(new Set(ts).size).toBe(ts.length);
      expect(ts[0]!).toBeGreaterThanOrEqual(ANCHOR - 3 * DAY);
      expect(ts.at(-1)!).toBeLessThan(ANCHOR + DAY);
    }
    expect(source("cgm-diabetes").readings(ANCHOR, ANCHOR)).toEqual([]);
  });

  it("CGM: a reading every 5 minutes, 4032 in 14 days, a nocturnal low reaching exactly 51 mg/dL", () => {
    const h = history("cgm-diabetes");
    expect(h).toHaveLength(14 * 288);
    expect(h.every((r, i) => i === 0 || r.ts - h[i - 1]!.ts === CGM_INTERVAL_MS)).toBe(true);
    const glucose = h.map((r) => r.values.glucose!);
    expect(Math.min(...glucose)).toBe(LOW_NADIR_MG_DL);
    // Every urgent low of the history is at night (00:00–06:00 local), on a low night.
    const lows = h.filter((r) => r.values.glucose! < 54);
    expect(lows.length).toBeGreaterThan(0);
    expect(lows.every((r) => localHour(r.ts) < 6)).toBe(true);
    const lowNights = new Set(lows.map((r) => Math.floor(r.ts / DAY)));
    expect(lowNights.size).toBe(4); // the anchor's night and 4, 8 and 12 nights before
    expect([...lowNights].every((d) => isLowNight(d - Math.floor(ANCHOR / DAY)))).toBe(true);
    // Time in range as the consensus counts it: above 70 % in range, under 1 % below 54.
    const share = (f: (g: number) => boolean) => (100 * glucose.filter(f).length) / glucose.length;
    expect(share((g) => g >= 70 && g <= 180)).toBeGreaterThan(70);
    expect(share((g) => g < 54)).toBeLessThan(1);
    expect(share((g) => g > 180)).toBeGreaterThan(5);
    // Battery every hour, slowly draining.
    const battery = h.filter((r) => r.values.battery !== undefined);
    expect(battery).toHaveLength(14 * 24);
    expect(battery[0]!.values.battery!).toBeGreaterThan(battery.at(-1)!.values.battery!);
  });

  it("CGM: the demo's urgent low starts within 10 minutes of the anchor and holds 51 mg/dL, then recovers", () => {
    const live = source("cgm-diabetes").readings(ANCHOR, ANCHOR + HOUR);
    const firstUrgent = live.find((r) => r.values.glucose! < 54)!;
    expect(firstUrgent.ts - ANCHOR).toBeLessThanOrEqual(10 * MIN);
    expect(live.filter((r) => r.values.glucose === LOW_NADIR_MG_DL).length).toBeGreaterThanOrEqual(5);
    expect(live.at(-1)!.values.glucose!).toBeGreaterThan(70);
  });

  it("CGM: nights follow the patient's local time", () => {
    // UTC+2: the low nights' troughs lie at 03:00–04:00 local = 01:00–02:00 UTC.
    const h = source("cgm-diabetes", 120).readings(ANCHOR - 14 * DAY, ANCHOR);
    const troughs = h.filter((r) => r.values.glucose === LOW_NADIR_MG_DL).map((r) => localHour(r.ts));
    expect(troughs.length).toBeGreaterThan(0);
    expect(troughs.every((hr) => hr >= 1 && hr < 3)).toBe(true);
  });

  it("BP: twice a day, a few missed; the 7-day average rises above 135/85 in the week before the anchor", () => {
    const bp = history("bp-rising").filter((r) => r.values.bp_sys !== undefined);
    const lastWeek = bp.filter((r) => r.ts >= ANCHOR - 7 * DAY);
    const weekBefore = bp.filter((r) => r.ts < ANCHOR - 7 * DAY);
    expect(bp.length).toBeGreaterThanOrEqual(22);
    expect(bp.length).toBeLessThan(28);
    expect(bp.every((r) => [5, 6, 7, 8, 18, 19, 20, 21].includes(localHour(r.ts)))).toBe(true);
    const avg = (rs: HomeReading[], k: "bp_sys" | "bp_dia") => mean(rs.map((r) => r.values[k]!));
    expect(avg(lastWeek, "bp_sys")).toBeGreaterThan(135);
    expect(avg(lastWeek, "bp_dia")).toBeGreaterThan(85);
    expect(avg(weekBefore, "bp_sys")).toBeLessThan(135);
    expect(avg(weekBefore, "bp_dia")).toBeLessThan(85);
    expect(bp.every((r) => r.values.bp_sys! < 180 && r.values.bp_dia! < 120)).toBe(true); // no crisis in the story
    expect(bp.every((r) => r.values.heart_rate! >= 60 && r.values.heart_rate! <= 90)).toBe(true);
  });

  it("event devices send an hourly battery heartbeat (online for their 65-minute timeout)", () => {
    for (const scenario of ["bp-rising", "inhaler-controller", "inhaler-rescue"] as const) {
      const beats = source(scenario)
        .readings(ANCHOR - DAY, ANCHOR)
        .filter((r) => r.values.battery !== undefined);
      expect(beats).toHaveLength(24);
      expect(beats.every((r) => r.ts % HOUR === 0)).toBe(true);
    }
  });

  it("controller inhaler: 2 puffs morning and evening, adherence above 80 % before the pollen week, under it during", () => {
    const doses = history("inhaler-controller").filter((r) => r.values.controller_puffs !== undefined);
    expect(doses.every((r) => r.values.controller_puffs === 2)).toBe(true);
    const pollenStart = Date.UTC(2026, 11, 3) - 6 * DAY;
    const before = doses.filter((r) => r.ts < pollenStart && r.ts >= pollenStart - 7 * DAY).length;
    const during = doses.filter((r) => r.ts >= pollenStart && r.ts < ANCHOR).length;
    expect(before / 14).toBeGreaterThanOrEqual(0.8);
    // 6 days and the anchor day's morning and afternoon: 13 or 14 planned doses.
    expect(during / 13).toBeLessThan(0.8);
  });

  it("rescue inhaler: use on more than 2 days in the pollen week, at most 2 the week before", () => {
    const uses = history("inhaler-rescue").filter((r) => r.values.rescue_puffs !== undefined);
    const days = (from: number, to: number) =>
      new Set(uses.filter((r) => r.ts >= from && r.ts < to).map((r) => Math.floor(r.ts / DAY))).size;
    const pollenStart = Date.UTC(2026, 11, 3) - 6 * DAY;
    expect(days(pollenStart, ANCHOR)).toBeGreaterThan(2);
    expect(days(pollenStart - 7 * DAY, pollenStart)).toBeLessThanOrEqual(2);
    expect(uses.every((r) => r.values.rescue_puffs! >= 1 && r.values.rescue_puffs! <= 2)).toBe(true);
  });

  it("air sensor: every 30 minutes; high pollen (≥ 7.3) all through the pollen week, low before; two poor-air days", () => {
    const h = history("air-pollen-week");
    expect(h).toHaveLength(14 * 48);
    expect(h.every((r, i) => i === 0 || r.ts - h[i - 1]!.ts === AIR_INTERVAL_MS)).toBe(true);
    const pollenStart = Date.UTC(2026, 11, 3) - 6 * DAY;
    expect(h.filter((r) => r.ts >= pollenStart).every((r) => r.values.pollen_index! >= 7.3)).toBe(true);
    expect(h.filter((r) => r.ts < pollenStart).every((r) => r.values.pollen_index! < 4.9)).toBe(true);
    const poorDays = new Set(h.filter((r) => r.values.pm25! > 35).map((r) => Math.floor(r.ts / DAY)));
    expect([...poorDays].map((d) => d - Math.floor(ANCHOR / DAY)).sort((a, b) => a - b)).toEqual([-10, -3]);
    expect(h.every((r) => Object.keys(r.values).sort().join() === "battery,env_temp,humidity,pm25,pollen_index")).toBe(true);
  });

  it("names a default scenario per home device type", () => {
    expect(defaultHomeScenario("cgm")).toBe("cgm-diabetes");
    expect(defaultHomeScenario("home_air_sensor")).toBe("air-pollen-week");
    expect(defaultHomeScenario("bedside_monitor")).toBeNull();
  });
});

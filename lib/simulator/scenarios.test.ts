import { describe, expect, it } from "vitest";
import {
  DESATURATION,
  DETERIORATION_CYCLE_MS,
  deteriorationProgress,
  desaturationDepth,
  isScenarioName,
  isSilent,
  SCENARIO_NAMES,
} from "./scenarios";
import { createPatientModel, type SimulatedValues } from "./vital-model";

const SEC = 1000;
const MIN = 60 * SEC;
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 1);

/** Samples a patient every second (as the monitor does) and returns the readings at the requested times. */
function readingsAt(seed: number, scenario: (typeof SCENARIO_NAMES)[number], untilMs: number): (t: number) => SimulatedValues {
  const model = createPatientModel({ seed, scenario });
  const byTime = new Map<number, SimulatedValues>();
  for (let t = 0; t <= untilMs; t += SEC) byTime.set(t, model.sample(t));
  return (t) => {
    const v = byTime.get(t);
    if (!v) throw new Error(`no reading at ${t}`);
    return v;
  };
}

describe("scenario names", () => {
  it("recognises the four scenarios", () => {
    expect(SCENARIO_NAMES).toEqual(["stable", "deteriorating", "desaturation", "silent"]);
    expect(isScenarioName("deteriorating")).toBe(true);
    expect(isScenarioName("exploding")).toBe(false);
  });
});

describe("deteriorating", () => {
  it("progresses from 0 to 1 over an hour, holds 15 minutes, then restarts", () => {
    expect(deteriorationProgress(0)).toBe(0);
    expect(deteriorationProgress(30 * MIN)).toBeGreaterThan(0.2);
    expect(deteriorationProgress(30 * MIN)).toBeLessThan(0.8);
    expect(deteriorationProgress(60 * MIN)).toBe(1);
    expect(deteriorationProgress(74 * MIN)).toBe(1);
    expect(DETERIORATION_CYCLE_MS).toBe(75 * MIN);
    expect(deteriorationProgress(75 * MIN)).toBe(0);
  });

  it("starts normal and at 60 minutes has tachycardia, tachypnoea, hypotension, fever and new confusion", () => {
    for (const seed of SEEDS) {
      const at = readingsAt(seed, "deteriorating", 76 * MIN);
      const start = at(0);
      expect(start.heart_rate).toBeLessThan(110);
      expect(start.resp_rate).toBeLessThanOrEqual(22);
      expect(start.bp_sys).toBeGreaterThanOrEqual(100);
      expect(start.temp).toBeLessThan(38);
      expect(start.spo2).toBeGreaterThanOrEqual(93);
      expect(start.consciousness).toBe(0);

      for (const t of [60 * MIN, 70 * MIN]) {
        const worst = at(t);
        expect(worst.heart_rate, `seed ${seed}`).toBeGreaterThan(110);
        expect(worst.resp_rate, `seed ${seed}`).toBeGreaterThan(24);
        expect(worst.bp_sys, `seed ${seed}`).toBeLessThan(100);
        expect(worst.temp, `seed ${seed}`).toBeGreaterThan(38.5);
        expect(worst.spo2, `seed ${seed}`).toBeLessThanOrEqual(95);
        expect(worst.consciousness).toBe(1);
      }
      expect(at(45 * MIN).consciousness).toBe(0);
      expect(at(51 * MIN).consciousness).toBe(1);
      // the cycle restarts so a long-running demo keeps showing it
      expect(at(76 * MIN).consciousness).toBe(0);
      expect(at(76 * MIN).bp_sys).toBeGreaterThanOrEqual(100);
    }
  });

  it("gets worse steadily: the 5-minute average pulse rises through the hour", () => {
    const at = readingsAt(42, "deteriorating", 60 * MIN);
    const avg = (from: number) => {
      let sum = 0;
      for (let t = from; t < from + 5 * MIN; t += SEC) sum += at(t).heart_rate;
      return sum / 300;
    };
    expect(avg(0)).toBeLessThan(avg(25 * MIN));
    expect(avg(25 * MIN)).toBeLessThan(avg(55 * MIN));
  });
});

describe("desaturation", () => {
  it("has an episode every 10 minutes: fall over 30 s, 2 minutes at the nadir, recovery", () => {
    expect(desaturationDepth(0)).toBe(0);
    expect(desaturationDepth(DESATURATION.startMs + 15 * SEC)).toBeCloseTo(0.5, 5);
    expect(desaturationDepth(DESATURATION.startMs + 30 * SEC)).toBe(1);
    expect(desaturationDepth(DESATURATION.startMs + 2.5 * MIN - 1)).toBe(1);
    expect(desaturationDepth(DESATURATION.startMs + 3.5 * MIN)).toBe(0);
    expect(desaturationDepth(10 * MIN + DESATURATION.startMs + MIN)).toBe(1);
  });

  it("reaches SpO2 <= 88 during every episode, with a compensating pulse rise, and >= 94 between", () => {
    for (const seed of SEEDS) {
      const at = readingsAt(seed, "desaturation", 60 * MIN);
      for (let cycle = 0; cycle < 6; cycle++) {
        const base = cycle * 10 * MIN;
        let minSpo2 = 100;
        let hrDuring = 0;
        let hrBefore = 0;
        for (let t = base + 2.5 * MIN; t < base + 4.5 * MIN; t += SEC) {
          const v = at(t);
          expect(v.spo2, `seed ${seed} t=${t / SEC}s`).toBeLessThanOrEqual(88);
          minSpo2 = Math.min(minSpo2, v.spo2);
          hrDuring += v.heart_rate / 120;
        }
        expect(minSpo2).toBeGreaterThanOrEqual(82);
        for (let t = base; t < base + 2 * MIN; t += SEC) hrBefore += at(t).heart_rate / 120;
        expect(hrDuring - hrBefore, `seed ${seed}`).toBeGreaterThan(8);
        for (let t = base + 5.5 * MIN; t < base + 10 * MIN; t += SEC) {
          expect(at(t).spo2, `seed ${seed} t=${t / SEC}s`).toBeGreaterThanOrEqual(94);
        }
      }
    }
  });
});

describe("silent", () => {
  it("is silent for 3 minutes out of every 10, in one stretch, and only the silent scenario", () => {
    let silentSeconds = 0;
    let stretches = 0;
    let wasSilent = false;
    for (let t = 0; t < 60 * MIN; t += SEC) {
      const s = isSilent("silent", t);
      if (s) silentSeconds++;
      if (s && !wasSilent) stretches++;
      wasSilent = s;
      for (const other of ["stable", "deteriorating", "desaturation"] as const) expect(isSilent(other, t)).toBe(false);
    }
    expect(silentSeconds).toBe(6 * 180);
    expect(stretches).toBe(6);
    expect(isSilent("silent", 0)).toBe(false);
    expect(isSilent("silent", 7 * MIN)).toBe(true);
    expect(isSilent("silent", 10 * MIN)).toBe(false);
  });

  it("is otherwise a stable patient", () => {
    const at = readingsAt(3, "silent", 20 * MIN);
    for (let t = 0; t <= 20 * MIN; t += 10 * SEC) {
      expect(at(t).heart_rate).toBeLessThanOrEqual(110);
      expect(at(t).spo2).toBeGreaterThanOrEqual(92);
    }
  });
});

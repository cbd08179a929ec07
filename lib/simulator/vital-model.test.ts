import { describe, expect, it } from "vitest";
import { METRICS } from "@/lib/domain/metrics";
import { SCENARIO_NAMES, VITAL_KEYS } from "./scenarios";
import { BASELINE_RANGES, batteryLevel, createPatientModel, mulberry32, type SimulatedValues } from "./vital-model";

const MIN = 60_000;
const HOUR = 60 * MIN;

function run(seed: number, scenario: (typeof SCENARIO_NAMES)[number], untilMs: number, stepMs: number): SimulatedValues[] {
  const model = createPatientModel({ seed, scenario });
  const out: SimulatedValues[] = [];
  for (let t = 0; t <= untilMs; t += stepMs) out.push(model.sample(t));
  return out;
}

describe("mulberry32", () => {
  it("is deterministic per seed and uniform in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("createPatientModel", () => {
  it("gives the same readings for the same seed and sequence of calls, and different ones for another seed", () => {
    const a = run(7, "stable", 10 * MIN, 1000);
    const b = run(7, "stable", 10 * MIN, 1000);
    const c = run(8, "stable", 10 * MIN, 1000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("draws baselines from plausible adult ranges", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { baseline } = createPatientModel({ seed, scenario: "stable" });
      for (const key of VITAL_KEYS) {
        const [lo, hi] = BASELINE_RANGES[key];
        expect(baseline[key]).toBeGreaterThanOrEqual(lo);
        expect(baseline[key]).toBeLessThanOrEqual(hi);
      }
    }
  });

  it("keeps a stable patient within NEWS2-normal-ish ranges over a simulated 24 h", () => {
    const outside: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && outside.length < 10) outside.push(what);
    };
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 99, 1234, 98765]) {
      for (const v of run(seed, "stable", 24 * HOUR, 5_000)) {
        const at = `seed ${seed}: ${JSON.stringify(v)}`;
        check(v.heart_rate >= 45 && v.heart_rate <= 110, `heart_rate ${at}`);
        check(v.resp_rate >= 9 && v.resp_rate <= 22, `resp_rate ${at}`);
        check(v.spo2 >= 92, `spo2 ${at}`);
        check(v.bp_sys >= 95 && v.bp_sys <= 160, `bp_sys ${at}`);
        check(v.bp_dia >= 50 && v.bp_dia < v.bp_sys, `bp_dia ${at}`);
        check(v.temp >= 35.8 && v.temp <= 38, `temp ${at}`);
        check(v.consciousness === 0 && v.o2_supplement === 0, `acvpu/o2 ${at}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("varies naturally: values wander and are not constant", () => {
    const hr = run(5, "stable", 2 * HOUR, 1000).map((v) => v.heart_rate);
    const distinct = new Set(hr);
    expect(distinct.size).toBeGreaterThan(8);
    // mean-reverting, not jumping: consecutive 1 s readings differ by only a few beats
    for (let i = 1; i < hr.length; i++) expect(Math.abs((hr[i] ?? 0) - (hr[i - 1] ?? 0))).toBeLessThanOrEqual(8);
  });

  it("rounds as a monitor would and keeps every value within the vocabulary's min/max, in every scenario", () => {
    const wrong: string[] = [];
    for (const scenario of SCENARIO_NAMES) {
      for (const seed of [11, 22, 33]) {
        for (const v of run(seed, scenario, 26 * HOUR, 5_000)) {
          for (const [key, value] of Object.entries(v) as [keyof SimulatedValues, number][]) {
            const def = METRICS[key];
            const rounded = key === "temp" ? Math.round(value * 10) / 10 === value : Number.isInteger(value);
            const ok = Number.isFinite(value) && value >= def.min && value <= def.max && rounded;
            if (!ok && wrong.length < 10) wrong.push(`${scenario} seed ${seed}: ${key}=${value}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("handles irregular gaps between samples (e.g. a device that was silent)", () => {
    const model = createPatientModel({ seed: 3, scenario: "stable" });
    const a = model.sample(0);
    const b = model.sample(3 * MIN);
    const c = model.sample(3 * MIN); // same instant again: no time passes
    const d = model.sample(2 * MIN); // going back in time is treated as no time passing
    for (const v of [a, b, c, d]) expect(v.heart_rate).toBeGreaterThan(40);
  });
});

describe("batteryLevel", () => {
  it("starts full, drains slowly, and never falls below 30 % (plugged in and recharged)", () => {
    expect(batteryLevel(0, 2)).toBe(100);
    expect(batteryLevel(HOUR, 2)).toBe(98);
    expect(batteryLevel(10 * HOUR, 2)).toBe(80);
    let min = 100;
    for (let t = 0; t <= 72 * HOUR; t += 5 * MIN) min = Math.min(min, batteryLevel(t, 3));
    expect(min).toBeGreaterThanOrEqual(30);
    expect(min).toBeLessThanOrEqual(31);
  });
});

import { describe, expect, it } from "vitest";
import { scoreNews2 } from "@/lib/domain/news2";
import { planMonitorHistory } from "./monitor-history";
import { CLOCK_AT_START_MS, type ScenarioName } from "./scenarios";
import { SLOW_METRICS } from "./schedule";
import { createPatientModel, type PatientModel, type SimulatedValues } from "./vital-model";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.parse("2026-12-03T14:00:00.000Z");
const LIMITS = { ratePerSec: 20, burst: 200, maxBodyBytes: 256 * 1024, maxFramesPerBody: 1000 };

function plan(model: PatientModel, scenario: ScenarioName, clockAtStartMs = CLOCK_AT_START_MS[scenario]) {
  return planMonitorHistory({ model, scenario, startedAtMs: START, clockAtStartMs, speedup: 1, spanMs: DAY, startSeq: 1, ...LIMITS });
}

function news2(v: SimulatedValues): number {
  return scoreNews2(
    {
      resp_rate: v.resp_rate,
      spo2: v.spo2,
      bp_sys: v.bp_sys,
      heart_rate: v.heart_rate,
      temp: v.temp,
      consciousness: v.consciousness,
      o2_supplement: v.o2_supplement,
    },
    { spo2Scale: 1 },
  ).total!;
}

describe("a monitor's uploaded day", () => {
  it("is one frame a minute for 24 h before start, every vital each minute, ACVPU/oxygen/battery every five, consecutive seqs", () => {
    const p = plan(createPatientModel({ seed: 1003, scenario: "stable" }), "stable");
    const frames = p.chunks.flatMap((c) => c.frames).sort((a, b) => a.seq - b.seq);
    expect(p.frameCount).toBe(1440);
    expect(frames).toHaveLength(1440);
    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i + 1));
    expect(p.nextSeq).toBe(1441);
    expect(Date.parse(frames[0]!.ts)).toBe(START - DAY);
    expect(Date.parse(frames.at(-1)!.ts)).toBe(START - MIN);
    for (const f of frames)
      expect(Object.keys(f.values)).toEqual(expect.arrayContaining(["heart_rate", "spo2", "resp_rate", "bp_sys", "bp_dia", "temp"]));
    const withSlow = frames.filter((f) => SLOW_METRICS.every((k) => k in f.values));
    expect(withSlow).toHaveLength(1440 / 5);
  });

  it("goes newest first: the charts' default 8 h arrive within about half a minute", () => {
    const p = plan(createPatientModel({ seed: 1003, scenario: "stable" }), "stable");
    const first = p.chunks[0]!.frames;
    expect(Date.parse(first.at(-1)!.ts)).toBe(START - MIN);
    const newestFirst = p.chunks.map((c) => Date.parse(c.frames[0]!.ts));
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
    const eightHoursIn = p.chunks.find((c) => Date.parse(c.frames[0]!.ts) <= START - 8 * 60 * MIN)!;
    expect(eightHoursIn.atMs).toBeLessThan(35_000);
  });

  it("is paced under the per-device rate limit with room for the live frame each second, and takes under two minutes", () => {
    const p = plan(createPatientModel({ seed: 1003, scenario: "stable" }), "stable");
    // bodies of at most half the burst; beyond that first half-bucket, at most 80 % of the refill rate
    for (const c of p.chunks) expect(c.frames.length).toBeLessThanOrEqual(LIMITS.burst / 2);
    const last = p.chunks.at(-1)!;
    const refilled = p.frameCount - LIMITS.burst / 2;
    expect(refilled / (last.atMs / 1000)).toBeLessThanOrEqual(LIMITS.ratePerSec * 0.8 + 1e-9);
    expect(last.atMs).toBeLessThan(120_000);
  });

  it("shows bed 3's deterioration beginning before start: NEWS2 low at start, above 0 within 10 minutes and rising", () => {
    // 4E/3 plays "deteriorating" with seed 1002 (third monitor by id); ICU/2 with seed 1025
    for (const seed of [1002, 1025]) {
      const model = createPatientModel({ seed, scenario: "deteriorating" });
      const frames = plan(model, "deteriorating")
        .chunks.flatMap((c) => c.frames)
        .sort((a, b) => a.seq - b.seq);
      const hr = (i: number) => frames[i]!.values.heart_rate!;
      // calm for most of the day, the decline in the last 25 minutes
      expect(Math.abs(hr(600) - model.baseline.heart_rate)).toBeLessThan(15);
      // live: the same model goes on, one sample a second
      const scores: number[] = [];
      for (let s = 0; s <= 20 * 60; s++) {
        const v = model.sample(CLOCK_AT_START_MS.deteriorating + s * 1000);
        if (s % 60 === 0) scores.push(news2(v));
      }
      expect(scores[0], `seed ${seed} at start`).toBeLessThanOrEqual(3);
      expect(Math.max(...scores.slice(0, 11)), `seed ${seed} within 10 min`).toBeGreaterThan(0);
      expect(scores[20]!, `seed ${seed} at 20 min`).toBeGreaterThan(scores[0]!);
    }
  });
});

import { describe, expect, it } from "vitest";
import { createMaintenanceDetector } from "@/lib/detectors/predictive-maintenance";
import { createExcursionDetector } from "@/lib/detectors/environment-excursion";
import { DEVICE_TYPES } from "@/lib/domain/device-types";
import { ENVIRONMENT_PROFILES } from "@/lib/domain/environment-profiles";
import { DEMO_EQUIPMENT } from "@/lib/seed/demo-hospital";
import { planBackfill } from "./equipment-backfill";
import {
  BACKFILL_MS,
  createEquipmentSource,
  DEMO_TIMELINE,
  isEquipmentScenario,
  seedForDevice,
  type EquipmentSource,
} from "./equipment-source";

const MIN = 60_000;
const HOUR = 60 * MIN;
const ANCHOR = Date.parse("2026-11-23T09:00:00.000Z");

describe("equipment sources on the wall clock", () => {
  it("place the failing pump's failure and the warm fridge's excursion relative to demo start", () => {
    const pump = createEquipmentSource({ scenario: "pump-failing", seed: 7, anchorMs: ANCHOR });
    expect(pump.wallTime(pump.pump!.failureAtMs!)).toBe(ANCHOR + DEMO_TIMELINE.pumpFailureAfterMs);
    expect(pump.modelTime(ANCHOR)).toBe(pump.modelAtAnchorMs);
    const fridge = createEquipmentSource({ scenario: "fridge-warm", seed: 7, anchorMs: ANCHOR });
    expect(fridge.wallTime(fridge.fridge!.excursion!.startMs)).toBe(ANCHOR + DEMO_TIMELINE.fridgeExcursionAfterMs);
    expect(fridge.wallTime(fridge.fridge!.faultAtMs!)).toBeLessThan(ANCHOR); // the compressor failed before demo start
    for (const scenario of ["pump-healthy", "fridge-healthy"] as const) {
      expect(createEquipmentSource({ scenario, seed: 7, anchorMs: ANCHOR }).modelAtAnchorMs).toBe(DEMO_TIMELINE.healthyAtStartMs);
    }
    // the backfilled past is simulated too: model time never before 0
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const scenario of ["pump-failing", "fridge-warm", "pump-healthy", "fridge-healthy"] as const) {
        expect(createEquipmentSource({ scenario, seed, anchorMs: ANCHOR }).modelAtAnchorMs).toBeGreaterThanOrEqual(BACKFILL_MS);
      }
    }
  });

  it("report only their type's metrics, in range, deterministically per seed", () => {
    const run = (scenario: "pump-failing" | "fridge-warm", seed: number) => {
      const s = createEquipmentSource({ scenario, seed, anchorMs: ANCHOR });
      const out = [];
      for (let t = ANCHOR - BACKFILL_MS; t < ANCHOR + 6 * HOUR; t += MIN) out.push(s.sample(t));
      return out;
    };
    expect(run("pump-failing", 3)).toEqual(run("pump-failing", 3));
    expect(run("pump-failing", 4)).not.toEqual(run("pump-failing", 3));
    const pumpKeys = new Set(run("pump-failing", 3).flatMap((v) => Object.keys(v ?? {})));
    expect([...pumpKeys].sort()).toEqual([...DEVICE_TYPES.infusion_pump.metrics].sort());
    const fridge = run("fridge-warm", 3);
    expect([...new Set(fridge.flatMap((v) => Object.keys(v ?? {})))].sort()).toEqual([...DEVICE_TYPES.env_sensor.metrics].sort());
    for (const v of fridge) {
      if (!v) continue;
      expect(v.humidity).toBeGreaterThanOrEqual(25);
      expect(v.humidity).toBeLessThanOrEqual(60);
      expect(v.battery).toBeGreaterThan(80);
    }
  });

  it("gives each device id its own stable seed", () => {
    expect(seedForDevice("pump-0002")).toBe(seedForDevice("pump-0002"));
    expect(new Set(DEMO_EQUIPMENT.map((d) => seedForDevice(d.id))).size).toBe(DEMO_EQUIPMENT.length);
    expect(DEMO_EQUIPMENT.every((d) => isEquipmentScenario(d.scenario))).toBe(true);
  });
});

/** What the alarm engine's detectors make of a demo device's first run: the planned backfill, then a reading a minute. */
function firstRun(source: EquipmentSource, startMs: number, liveForMs: number) {
  const pump = source.kind === "pump";
  const plan = planBackfill({
    endMs: startMs,
    spanMs: BACKFILL_MS,
    stepMs: pump ? MIN : 15 * MIN,
    startSeq: 1,
    sample: (t) => source.sample(t),
    ratePerSec: 20,
    burst: 200,
    maxBodyBytes: 256 * 1024,
    maxFramesPerBody: 1000,
  });
  const readings = plan.chunks.flatMap((c) => c.frames.map((f) => ({ t: Date.parse(f.ts), values: f.values })));
  for (let t = startMs; t < startMs + liveForMs; t += MIN) {
    const values = source.sample(t + 1234); // live readings land off the minute grid
    if (values) readings.push({ t: t + 1234, values });
  }
  return { plan, readings };
}

describe("the demo equipment's first run through the real detectors", () => {
  const start = ANCHOR + 30_000; // the simulator starts shortly after the devices are seeded
  const sources = DEMO_EQUIPMENT.map((d) => ({
    d,
    source: createEquipmentSource({ scenario: d.scenario, seed: seedForDevice(d.id), anchorMs: ANCHOR }),
  }));

  it("raises the failing pump's maintenance alarm within 15 minutes of demo start, after its wear began, and never for a healthy pump", () => {
    for (const { d, source } of sources.filter((s) => s.source.kind === "pump")) {
      const detector = createMaintenanceDetector();
      const raised: number[] = [];
      for (const r of firstRun(source, start, 2 * HOUR).readings)
        if (detector.update({ t: r.t, values: r.values })?.raised) raised.push(r.t);
      if (d.scenario === "pump-healthy") {
        expect(raised, d.id).toEqual([]);
        continue;
      }
      expect(raised.length, d.id).toBeGreaterThanOrEqual(1);
      const first = raised[0]!;
      expect(first, `${d.id} alarm ${(first - ANCHOR) / MIN} min after demo start`).toBeLessThanOrEqual(ANCHOR + 15 * MIN);
      expect(first).toBeGreaterThanOrEqual(source.wallTime(source.pump!.degradationStartMs!));
      expect(source.wallTime(source.pump!.failureAtMs!)).toBeGreaterThan(ANCHOR + 2 * HOUR); // still running for a while
    }
  });

  it("reports the warm fridge's excursion within 15 minutes of demo start, uploads each fridge's day in one body without a logger gap, and never alarms the healthy one", () => {
    const { lowC, highC, maxGapMs } = ENVIRONMENT_PROFILES.vaccine_fridge;
    for (const { d, source } of sources.filter((s) => s.source.kind === "fridge")) {
      const detector = createExcursionDetector({ lowC, highC, maxGapMs });
      const { plan, readings } = firstRun(source, start, 3 * HOUR);
      expect(plan.chunks, d.id).toHaveLength(1);
      const reported: number[] = [];
      const gaps: number[] = [];
      for (const r of readings) {
        for (const e of detector.update({ t: r.t, value: r.values.env_temp! })) {
          if (e.type === "excursion-started") reported.push(e.t);
          if (e.type === "data-gap") gaps.push(e.t); // none at all: not in the uploaded day either
        }
      }
      expect(gaps, d.id).toEqual([]);
      expect(plan.frameCount, d.id).toBe(BACKFILL_MS / (15 * MIN));
      if (d.scenario === "fridge-healthy") {
        expect(reported, d.id).toEqual([]);
        continue;
      }
      expect(reported.length, d.id).toBeGreaterThanOrEqual(1);
      expect(reported[0]!, `${d.id} excursion reported ${(reported[0]! - ANCHOR) / MIN} min after demo start`).toBeGreaterThan(start);
      expect(reported[0]!).toBeLessThanOrEqual(ANCHOR + 15 * MIN);
    }
  });
});

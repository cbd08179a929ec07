import { describe, expect, it } from "vitest";
import { METRICS } from "@/lib/domain/metrics";
import { createFridgeModel, createPumpModel, FRIDGE, PUMP, type PumpReading } from "./device-scenarios";

const MIN = 60_000;
const HOUR = 60 * MIN;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function pumpRun(seed: number, scenario: "pump-healthy" | "pump-failing", hours = 24) {
  const pump = createPumpModel({ seed, scenario });
  const readings: { t: number; r: PumpReading }[] = [];
  for (let t = 0; t < hours * HOUR; t += MIN) readings.push({ t, r: pump.sample(t) });
  return { pump, readings };
}

describe("pump scenarios", () => {
  it("are deterministic per seed and differ between seeds", () => {
    expect(pumpRun(5, "pump-failing", 3).readings).toEqual(pumpRun(5, "pump-failing", 3).readings);
    expect(pumpRun(6, "pump-failing", 3).readings).not.toEqual(pumpRun(5, "pump-failing", 3).readings);
  });

  it("report values in the metric vocabulary's ranges and resolution", () => {
    const wrong: string[] = [];
    for (const seed of [1, 2, 3]) {
      for (const scenario of ["pump-healthy", "pump-failing"] as const) {
        for (const { t, r } of pumpRun(seed, scenario).readings) {
          for (const key of ["device_temp", "vibration", "power"] as const) {
            const def = METRICS[key];
            const f = 10 ** def.decimals;
            const ok = r[key] >= def.min && r[key] <= def.max && Math.round(r[key] * f) / f === r[key];
            if (!ok && wrong.length < 10) wrong.push(`${scenario} seed ${seed} t=${t}: ${key}=${r[key]}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a failing pump runs normally for hours, wears out over 6 h and fails at its known time", () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const { pump, readings } = pumpRun(seed, "pump-failing");
      const failure = pump.failureAtMs ?? NaN;
      expect(failure).toBeGreaterThanOrEqual(PUMP.failureAtMs[0]);
      expect(failure).toBeLessThanOrEqual(PUMP.failureAtMs[1]);
      expect(pump.degradationStartMs).toBe(failure - 6 * HOUR);
      const vib = (from: number, to: number) => median(readings.filter(({ t }) => t >= from && t < to).map(({ r }) => r.vibration));
      const temp = (from: number, to: number) => median(readings.filter(({ t }) => t >= from && t < to).map(({ r }) => r.device_temp));
      const normalVib = vib(0, 6 * HOUR);
      expect(normalVib / pump.nominal.vibration).toBeGreaterThan(0.7);
      expect(normalVib / pump.nominal.vibration).toBeLessThan(1.4);
      expect(vib(failure - 7 * HOUR, failure - 6 * HOUR) / normalVib).toBeLessThan(1.4); // still normal 7 h before
      expect(vib(failure - 30 * MIN, failure) / normalVib).toBeGreaterThan(3);
      expect(temp(failure - 30 * MIN, failure) - temp(0, 6 * HOUR)).toBeGreaterThan(3);
      const after = readings.filter(({ t }) => t >= failure + 5 * MIN);
      for (const { r } of after) expect(r.power).toBeLessThan(2);
    }
  });

  it("a healthy pump never fails; its vibration is occasionally knocked but its median stays put", () => {
    let knocks = 0;
    for (const seed of [21, 22, 23, 24, 25, 26]) {
      const { pump, readings } = pumpRun(seed, "pump-healthy");
      expect(pump.failureAtMs).toBeNull();
      expect(pump.degradationStartMs).toBeNull();
      const byHour = Array.from({ length: 24 }, (_, h) => median(readings.slice(h * 60, h * 60 + 60).map(({ r }) => r.vibration)));
      for (const v of byHour) expect(v / pump.nominal.vibration).toBeLessThan(1.6);
      knocks += readings.filter(({ r }) => r.vibration > 2.5 * pump.nominal.vibration).length > 0 ? 1 : 0;
    }
    expect(knocks).toBeGreaterThan(0);
  });
});

describe("fridge scenarios", () => {
  it("a healthy fridge cycles within 3–6 °C, with door-open blips that stay short", () => {
    for (const seed of [31, 32, 33, 34, 35]) {
      const fridge = createFridgeModel({ seed, scenario: "fridge-healthy" });
      expect(fridge.excursion).toBeNull();
      expect(fridge.outage).toBeNull();
      expect(fridge.doorOpenings.length).toBeGreaterThan(3);
      let inBand = 0;
      let run = 0;
      let longestAbove8 = 0;
      const n = 24 * 60;
      for (let t = 0; t < 24 * HOUR; t += MIN) {
        const r = fridge.sample(t);
        expect(r).not.toBeNull();
        const v = r?.env_temp ?? NaN;
        if (v >= 3 && v <= 6) inBand++;
        run = v > 8 ? run + 1 : 0;
        longestAbove8 = Math.max(longestAbove8, run);
        expect(v).toBeGreaterThanOrEqual(FRIDGE.rangeC[0]);
      }
      expect(inBand / n).toBeGreaterThan(0.9);
      expect(longestAbove8).toBeLessThan(5);
    }
  });

  it("a warm fridge crosses 8 °C at its known time after a compressor fault, and recovers after repair", () => {
    for (const seed of [41, 42, 43, 44, 45]) {
      const fridge = createFridgeModel({ seed, scenario: "fridge-warm" });
      const { faultAtMs, repairAtMs, excursion, outage } = fridge;
      expect(faultAtMs).not.toBeNull();
      expect(repairAtMs).not.toBeNull();
      expect(excursion).not.toBeNull();
      expect(outage).not.toBeNull();
      if (!excursion || faultAtMs === null || repairAtMs === null || !outage) continue;
      expect(excursion.startMs).toBeGreaterThan(faultAtMs);
      expect(excursion.startMs).toBeLessThan(repairAtMs);
      expect(excursion.endMs).toBeGreaterThan(repairAtMs);
      expect(fridge.meanAt(excursion.startMs)).toBeCloseTo(8, 2);
      expect(fridge.meanAt(excursion.startMs - MIN)).toBeLessThan(8);
      expect(fridge.meanAt(excursion.endMs)).toBeLessThanOrEqual(8);
      expect(fridge.meanAt(excursion.endMs - 2000)).toBeGreaterThan(8);
      let above = 0;
      let during = 0;
      let nulls = 0;
      for (let t = 0; t < 24 * HOUR; t += MIN) {
        const r = fridge.sample(t);
        if (r === null) {
          nulls++;
          expect(t >= outage.startMs && t < outage.endMs).toBe(true);
          continue;
        }
        if (t >= excursion.startMs + 10 * MIN && t < excursion.endMs - 10 * MIN) {
          during++;
          if (r.env_temp > 8) above++;
        }
      }
      expect(nulls).toBeGreaterThanOrEqual(44);
      expect(above / during).toBeGreaterThan(0.99);
    }
  });
});

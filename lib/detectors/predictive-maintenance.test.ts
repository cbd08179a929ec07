// Predictive maintenance on the scripted pumps. Tuned on seeds 7000+ / 8000+; these tests use other seeds.
import { describe, expect, it } from "vitest";
import { createPumpModel } from "@/lib/simulator/device-scenarios";
import { createMaintenanceDetector, median, robustSpread, type PmFinding } from "./predictive-maintenance";

const MIN = 60_000;
const HOUR = 60 * MIN;

function runPump(seed: number, scenario: "pump-healthy" | "pump-failing", hours = 24) {
  const pump = createPumpModel({ seed, scenario });
  const detector = createMaintenanceDetector();
  const findings: PmFinding[] = [];
  const end = Math.min(hours * HOUR, pump.failureAtMs ?? Infinity);
  for (let t = 0; t < end; t += MIN) {
    const f = detector.update({ t, values: pump.sample(t) });
    if (f) findings.push(f);
  }
  return { pump, findings, detector };
}

describe("robust statistics", () => {
  it("median and MAD ignore an outlier", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = [10, 10.1, 9.9, 10.05, 9.95, 50];
    expect(median(xs)).toBeCloseTo(10.025, 6);
    expect(robustSpread(xs, median(xs))).toBeLessThan(0.2);
  });
});

describe("createMaintenanceDetector", () => {
  it("flags every failing pump at least an hour before failure, never before wear begins, and escalates", () => {
    const seeds = Array.from({ length: 25 }, (_, i) => 1 + i * 37);
    const leadsH: number[] = [];
    for (const seed of seeds) {
      const { pump, findings } = runPump(seed, "pump-failing");
      const failure = pump.failureAtMs ?? NaN;
      const wearStart = pump.degradationStartMs ?? NaN;
      const first = findings.find((f) => f.raised);
      expect(first, `seed ${seed}`).toBeDefined();
      if (!first) continue;
      expect(first.t, `seed ${seed}: alarm before wear began`).toBeGreaterThanOrEqual(wearStart);
      expect(failure - first.t, `seed ${seed}`).toBeGreaterThanOrEqual(HOUR);
      leadsH.push((failure - first.t) / HOUR);
      expect(first.signals[0]?.signal).toBe("vibration");
      expect(first.signals[0]?.change).toBeGreaterThan(0.3); // vibration up by more than 30 %
      expect(first.sinceT).toBeLessThan(first.t);
      expect(findings.filter((f) => f.raised)).toHaveLength(1);
      // Severity rises as the wear progresses.
      expect(
        findings.some((f) => f.severity !== "low"),
        `seed ${seed}`,
      ).toBe(true);
    }
    expect(median(leadsH)).toBeGreaterThanOrEqual(2);
  });

  it("stays quiet on healthy pumps (operating changes, bumps, day and night) over 24 h", () => {
    const seeds = Array.from({ length: 25 }, (_, i) => 2 + i * 41);
    let alarms = 0;
    for (const seed of seeds) alarms += runPump(seed, "pump-healthy").findings.filter((f) => f.raised).length;
    expect(alarms / seeds.length).toBeLessThanOrEqual(0.04); // at most 1 in 25 device-days
  });

  it("ignores a knock: ten minutes of heavy vibration on a healthy device", () => {
    const detector = createMaintenanceDetector();
    for (let t = 0; t < 12 * HOUR; t += MIN) {
      const knocked = t >= 6 * HOUR && t < 6 * HOUR + 10 * MIN;
      const wobble = Math.sin(t / (7 * MIN)) * 0.01;
      const f = detector.update({
        t,
        values: { device_temp: 34 + wobble * 10, vibration: knocked ? 0.9 : 0.1 + wobble, power: 8 + wobble * 5 },
      });
      expect(f, `t=${t / MIN} min`).toBeNull();
    }
    expect(detector.state().phase).toBe("monitoring");
  });

  it("reports which signal drifted and by how much, after the minimum duration", () => {
    const detector = createMaintenanceDetector();
    let finding: PmFinding | null = null;
    const rampStart = 6 * HOUR;
    for (let t = 0; t < 12 * HOUR && !finding; t += MIN) {
      const temp = 35 + Math.max(0, (t - rampStart) / HOUR) * 2; // +2 °C per hour
      finding = detector.update({ t, values: { device_temp: temp, vibration: 0.1, power: 8 } });
    }
    expect(finding?.signals.map((s) => s.signal)).toEqual(["device_temp"]);
    expect(finding?.signals[0]?.change).toBeGreaterThan(1.5);
    const t = finding?.t ?? 0;
    expect(t - rampStart).toBeGreaterThanOrEqual(30 * MIN);
    expect(t - rampStart).toBeLessThan(3 * HOUR);
    expect(detector.state().phase).toBe("alarm");
  });
});

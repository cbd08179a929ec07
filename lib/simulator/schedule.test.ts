import { describe, expect, it } from "vitest";
import { METRICS } from "@/lib/domain/metrics";
import { CONTINUOUS_METRICS, SCHEDULED_METRICS, metricsDueAt } from "./schedule";

function countOver(ticks: number, key: string): number {
  let n = 0;
  for (let t = 0; t < ticks; t++) if ((metricsDueAt(t) as string[]).includes(key)) n++;
  return n;
}

describe("metricsDueAt", () => {
  it("sends every vital in the very first frame", () => {
    expect(new Set(metricsDueAt(0))).toEqual(new Set(SCHEDULED_METRICS));
    for (const key of ["heart_rate", "spo2", "resp_rate", "bp_sys", "bp_dia", "temp", "consciousness", "o2_supplement", "battery"]) {
      expect(metricsDueAt(0)).toContain(key);
    }
  });

  it("sends pulse, SpO2 and breathing rate every tick, and only those between cycles", () => {
    for (let t = 1; t < 60; t++) expect(metricsDueAt(t)).toEqual([...CONTINUOUS_METRICS]);
    expect(countOver(3600, "heart_rate")).toBe(3600);
  });

  it("sends blood pressure (both values together) and temperature every 60 ticks", () => {
    expect(metricsDueAt(60)).toEqual(expect.arrayContaining(["bp_sys", "bp_dia", "temp"]));
    expect(metricsDueAt(61)).not.toContain("bp_sys");
    expect(countOver(3600, "bp_sys")).toBe(60);
    expect(countOver(3600, "bp_dia")).toBe(60);
    expect(countOver(3600, "temp")).toBe(60);
    for (let t = 0; t < 600; t++) expect(metricsDueAt(t).includes("bp_sys")).toBe(metricsDueAt(t).includes("bp_dia"));
  });

  it("sends consciousness, oxygen and battery every 5 minutes", () => {
    expect(metricsDueAt(300)).toEqual(expect.arrayContaining(["consciousness", "o2_supplement", "battery"]));
    expect(metricsDueAt(120)).not.toContain("consciousness");
    expect(countOver(3600, "consciousness")).toBe(12);
    expect(countOver(3600, "battery")).toBe(12);
  });

  it("only names metrics of the vocabulary and refuses nonsense ticks", () => {
    for (const key of SCHEDULED_METRICS) expect(METRICS[key]).toBeDefined();
    expect(() => metricsDueAt(-1)).toThrow(RangeError);
    expect(() => metricsDueAt(1.5)).toThrow(RangeError);
  });
});

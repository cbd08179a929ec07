import { describe, expect, it } from "vitest";
import { createEpisodicPatient, monitorFrame } from "./episodic-patient";
import { DETERIORATION_CYCLE_MS } from "./scenarios";
import { createPatientModel } from "./vital-model";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("episodic patient", () => {
  it("the monitor frame sends NIBP once a minute", () => {
    const v = createPatientModel({ seed: 1, scenario: "stable" }).sample(0);
    expect(monitorFrame(v, 0).values.bp_sys).toBe(v.bp_sys);
    expect(monitorFrame(v, 10_000).values.bp_sys).toBeUndefined();
  });

  it("an episodic patient deteriorates in separate 75-minute episodes after a stable lead-in", () => {
    const p = createEpisodicPatient({ seed: 3, leadInMs: 2 * HOUR, horizonMs: 24 * HOUR });
    expect(p.episodes[0]?.startMs).toBe(2 * HOUR);
    for (const [i, e] of p.episodes.entries()) {
      expect(e.endMs - e.startMs).toBe(DETERIORATION_CYCLE_MS);
      const next = p.episodes[i + 1];
      if (next) expect(next.startMs - e.endMs).toBeGreaterThanOrEqual(60 * MIN);
    }
    const worst = p.sample((p.episodes[0]?.startMs ?? 0) + 65 * MIN);
    expect(worst.heart_rate).toBeGreaterThan(110);
    expect(worst.consciousness).toBe(1);
  });
});

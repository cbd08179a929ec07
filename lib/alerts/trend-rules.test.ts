import { describe, expect, it } from "vitest";
import { createEpisodicPatient, monitorFrame } from "@/lib/simulator/episodic-patient";
import { scoreNews2 } from "@/lib/domain/news2";
import type { MetricKey } from "@/lib/domain/metrics";
import type { MetricValues, VitalsEvent } from "@/lib/events";
import type { PatientState } from "./rule-types";
import { TrendWatch } from "./trend-rules";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 6, 0, 0);
const patient: PatientState = { patientId: "p1", wardId: "w1", info: null, latest: new Map(), glucose: [] };

function vitalsAt(t: number, values: MetricValues, artifacts?: MetricKey[]): VitalsEvent {
  return { deviceId: "d1", patientId: "p1", wardId: "w1", seq: t, ts: T0 + t, values, ...(artifacts ? { artifacts } : {}) };
}

describe("trend.deterioration rule", () => {
  it("is silent until the patient has readings, then normal while stable", () => {
    const watch = new TrendWatch();
    expect(watch.findingFor(patient, T0)).toBeNull();
    watch.observe(vitalsAt(0, { heart_rate: 72 }));
    expect(watch.findingFor(patient, T0)).toMatchObject({ status: "normal", key: "trend.deterioration:p1" });
  });

  it.each([11, 12, 13])("raises a low-priority warning before NEWS2 reaches 5 (seed %i)", (seed) => {
    const model = createEpisodicPatient({ seed, leadInMs: 120 * MIN, horizonMs: 200 * MIN });
    const episode = model.episodes[0]!;
    const watch = new TrendWatch();
    let raisedAt: number | null = null;
    let news2At: number | null = null;
    for (let t = 0; t < episode.endMs; t += 10_000) {
      const v = model.sample(t);
      watch.observe(vitalsAt(t, monitorFrame(v, t).values));
      if (raisedAt === null && watch.findingFor(patient, T0 + t)?.status === "violated") raisedAt = t;
      const n = scoreNews2({ ...v, o2_supplement: v.o2_supplement, consciousness: v.consciousness }, { spo2Scale: 1 }).total;
      if (news2At === null && t >= episode.startMs && n !== null && n >= 5) news2At = t;
    }
    expect(raisedAt).not.toBeNull();
    expect(raisedAt!).toBeGreaterThan(episode.startMs);
    if (news2At !== null) expect(raisedAt!).toBeLessThan(news2At);
    const f = watch.findingFor(patient, T0 + episode.startMs + 60 * MIN)!;
    expect(f.alarm).toMatchObject({ rule: "trend.deterioration", priority: "low", patientId: "p1" });
  });

  it("ignores values flagged as artifacts", () => {
    const watch = new TrendWatch();
    watch.observe(vitalsAt(0, { heart_rate: 350 }, ["heart_rate"]));
    expect(watch.findingFor(patient, T0)).toBeNull();
  });
});

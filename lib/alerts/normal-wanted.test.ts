// The engine builds a "normal" finding only for a condition the tracker holds (rule-types NormalWanted).
// These check that this never changes what is raised or cleared: the same readings through two trackers,
// one evaluated with every finding and one with the filter, give the same transitions at every step.
import { describe, expect, it } from "vitest";
import { ConditionTracker, type Transition } from "./confirm-conditions";
import { evaluatePatient } from "./evaluate-rules";
import { evaluateLimitRules } from "./limit-rules";
import { LimitBook } from "./limit-book";
import { MonitoringState, patientSubject } from "./monitoring-state";
import type { PatientState, Sample } from "./rule-types";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const summary = (ts: Transition[]) => ts.map((t) => `${t.kind} ${t.finding.key} ${t.finding.status} ${t.finding.alarm.message}`);

describe("normal findings only for tracked conditions", () => {
  it("gives the same transitions as evaluating every finding, over readings that cross every limit", () => {
    const book = new LimitBook();
    const next = random(42);
    const pick = (lo: number, hi: number) => Math.round(lo + next() * (hi - lo));
    const state = new MonitoringState();
    const every = new ConditionTracker();
    const filtered = new ConditionTracker();
    const wanted = (key: string) => filtered.isTracked(key);
    let raisedOrCleared = 0;
    for (let step = 0; step < 3000; step++) {
      const now = T0 + step * 2_000;
      const patientId = `p${step % 3}`;
      const artifacts = next() < 0.1 ? (["heart_rate"] as const) : undefined;
      state.applyVitals(
        {
          deviceId: `d${step % 3}`,
          patientId,
          wardId: "w1",
          seq: step,
          ts: now,
          values: { heart_rate: pick(30, 170), spo2: pick(78, 100), resp_rate: pick(3, 45), bp_sys: pick(60, 230), temp: pick(34, 41) },
          ...(artifacts ? { artifacts: [...artifacts] } : {}),
        },
        now,
      );
      const p = state.patients.get(patientId)!;
      const devices = state.devicesOf(patientId);
      const ctx = { now, limitsFor: book.forPatient(p), news2: null };
      const a = every.apply(patientSubject(patientId), evaluatePatient(p, devices, ctx));
      const b = filtered.apply(patientSubject(patientId), evaluatePatient(p, devices, { ...ctx, wanted }));
      expect(summary(b)).toEqual(summary(a));
      raisedOrCleared += a.length;
    }
    expect(raisedOrCleared).toBeGreaterThan(100); // the walk did raise and clear alarms
  });

  it("still builds every violation, and a normal finding only when asked for", () => {
    const latest = new Map<string, Sample>([
      ["heart_rate", { v: 30, at: T0, ts: T0, deviceId: "dev-1" }],
      ["spo2", { v: 97, at: T0, ts: T0, deviceId: "dev-1" }],
    ]);
    const p: PatientState = { patientId: "pat-1", wardId: "w1", info: null, latest, glucose: [] };
    const limits = new LimitBook().forPatient(p);
    const none = evaluateLimitRules(p, limits, T0, () => false);
    expect(none.map((f) => `${f.alarm.rule} ${f.status}`)).toEqual(["heart_rate.critical_low violated"]);
    const spo2Low = evaluateLimitRules(p, limits, T0, (key) => key === "spo2.low:pat-1");
    expect(spo2Low.map((f) => `${f.alarm.rule} ${f.status}`)).toEqual(["heart_rate.critical_low violated", "spo2.low normal"]);
  });
});

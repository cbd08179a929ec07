// Simulated bedside-monitor data for evaluating the deterioration detector (its tests, the alarm engine's
// trend rule tests and `npm run bench:alarms`): a patient with repeated deterioration episodes, the frame a
// monitor sends from the simulated values, and their NEWS2.
import { scoreNews2 } from "@/lib/domain/news2";
import { DETERIORATION_CYCLE_MS } from "./scenarios";
import { createPatientModel, mulberry32, type SimulatedValues } from "./vital-model";

const MIN = 60_000;

export type Window = { startMs: number; endMs: number };

/**
 * A patient who is stable through a lead-in (long enough to learn the baseline), then deteriorates as the
 * simulator's "deteriorating" scenario does (one 75-minute cycle), recovers at once (treated), stays stable for a
 * seeded 60–120 minutes, and deteriorates again. The stable and deteriorating models share the seed, hence the
 * baseline; the deteriorating model is only sampled inside episodes, at its own cycle position.
 */
export function createEpisodicPatient(opts: { seed: number; leadInMs: number; horizonMs: number; recoveryMs?: readonly [number, number] }) {
  const { seed, leadInMs, horizonMs } = opts;
  const [minRec, maxRec] = opts.recoveryMs ?? [60 * MIN, 120 * MIN];
  const stable = createPatientModel({ seed, scenario: "stable" });
  const deteriorating = createPatientModel({ seed, scenario: "deteriorating" });
  const rand = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  const episodes: Window[] = [];
  for (let t = leadInMs; t + DETERIORATION_CYCLE_MS <= horizonMs;) {
    episodes.push({ startMs: t, endMs: t + DETERIORATION_CYCLE_MS });
    t += DETERIORATION_CYCLE_MS + minRec + (maxRec - minRec) * rand();
  }
  return {
    baseline: stable.baseline,
    episodes,
    sample(t: number): SimulatedValues {
      const i = episodes.findIndex((e) => t >= e.startMs && t < e.endMs);
      const e = episodes[i];
      if (!e) return stable.sample(t);
      return deteriorating.sample(i * DETERIORATION_CYCLE_MS + (t - e.startMs));
    },
  };
}

/** What the bedside monitor sends at elapsed time t: pulse, SpO2 and breathing always, NIBP once a minute. */
export function monitorFrame(
  v: SimulatedValues,
  t: number,
): { t: number; values: Partial<Record<"heart_rate" | "resp_rate" | "spo2" | "bp_sys", number>> } {
  const values: Partial<Record<"heart_rate" | "resp_rate" | "spo2" | "bp_sys", number>> = {
    heart_rate: v.heart_rate,
    resp_rate: v.resp_rate,
    spo2: v.spo2,
  };
  if (t % MIN === 0) values.bp_sys = v.bp_sys;
  return { t, values };
}

/** NEWS2 total of a full set of simulated values (scale 1; consciousness and oxygen from the model). */
export function news2Of(v: SimulatedValues): number {
  return scoreNews2(v, { spo2Scale: 1 }).total ?? 0;
}

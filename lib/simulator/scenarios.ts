// Scripted clinical scenarios for the device simulator: where a patient's vitals are heading at a
// given elapsed time (deterioration, desaturation episodes) and when a device goes silent.
// Pure functions of elapsed time and the patient's baseline; the vital model adds the variability.
import type { MetricKey } from "@/lib/domain/metrics";

export const SCENARIO_NAMES = ["stable", "deteriorating", "desaturation", "silent"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** The continuously varying vitals the physiological model drives. */
export const VITAL_KEYS = ["heart_rate", "resp_rate", "spo2", "bp_sys", "bp_dia", "temp"] as const satisfies readonly MetricKey[];
export type VitalKey = (typeof VITAL_KEYS)[number];
export type Vitals = Record<VitalKey, number>;

/** What a scenario asks of the patient at one moment: the means the vitals revert to, plus the coded observations. */
export type ScenarioState = {
  means: Vitals;
  /** ACVPU: 0 alert, 1 new confusion. */
  consciousness: 0 | 1;
  o2Supplement: 0 | 1;
  /** Scales the natural wander: heart rate and blood pressure variability shrink in a septic patient. */
  variability: number;
};

const MINUTE = 60_000;

/** Deterioration (e.g. sepsis): an hour of decline, held at the worst, then the cycle restarts. */
export const DETERIORATION = {
  rampMs: 60 * MINUTE,
  holdMs: 15 * MINUTE,
  /** New confusion in the last 10 minutes of the decline and throughout the hold. */
  confusionFromMs: 50 * MINUTE,
  /** Variability at the worst, as a fraction of normal (reduced variability is itself a sign of sepsis). */
  worstVariability: 0.5,
  worst: { heart_rate: 125, resp_rate: 28, spo2: 92, bp_sys: 88, bp_dia: 54, temp: 39.2 } satisfies Vitals,
} as const;

/** Desaturation: every 10 minutes SpO2 falls to ~85 % over 30 s, stays 2 minutes, and recovers over a minute. */
export const DESATURATION = {
  periodMs: 10 * MINUTE,
  startMs: 2 * MINUTE,
  fallMs: 30_000,
  nadirMs: 2 * MINUTE,
  recoverMs: 60_000,
  nadirSpo2: 85,
  /** Compensation at the nadir: tachycardia and tachypnoea. */
  heartRateRise: 18,
  respRateRise: 4,
  /** A patient who desaturates starts from a healthy saturation, so the episodes stand out. */
  minBaselineSpo2: 96,
} as const;

/** Silent device: publishes for 7 minutes, then nothing at all for 3, every 10 minutes. */
export const SILENCE = { periodMs: 10 * MINUTE, silentFromMs: 7 * MINUTE } as const;

/** Total length of one deterioration cycle (decline plus hold). */
export const DETERIORATION_CYCLE_MS = DETERIORATION.rampMs + DETERIORATION.holdMs;

/**
 * Where each scenario's clock stands when the simulator starts. A deteriorating patient's decline began
 * 25 minutes earlier (it is in the backfilled history): NEWS2 is low at start (0–2) and rises within the first
 * 10 minutes (3–6 by then), so a newcomer sees the deterioration happen. Times before 0 are the calm before it.
 */
export const CLOCK_AT_START_MS: Readonly<Record<ScenarioName, number>> = {
  stable: 0,
  deteriorating: 25 * MINUTE,
  desaturation: 0,
  silent: 0,
};

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function smoothstep(x: number): number {
  const t = clamp01(x);
  return t * t * (3 - 2 * t);
}

function cyclePosition(elapsedMs: number, periodMs: number): number {
  const t = Math.max(0, elapsedMs);
  return t % periodMs;
}

function lerp(from: number, to: number, f: number): number {
  return from + (to - from) * f;
}

/** 0 at the start of a deterioration cycle, 1 at 60 minutes and during the hold; gently accelerating. */
export function deteriorationProgress(elapsedMs: number): number {
  const t = cyclePosition(elapsedMs, DETERIORATION_CYCLE_MS);
  return Math.pow(clamp01(t / DETERIORATION.rampMs), 1.3);
}

/** How deep into a desaturation episode the patient is: 0 between episodes, 1 at the nadir. */
export function desaturationDepth(elapsedMs: number): number {
  const { startMs, fallMs, nadirMs, recoverMs } = DESATURATION;
  const t = cyclePosition(elapsedMs, DESATURATION.periodMs) - startMs;
  if (t < 0) return 0;
  if (t < fallMs) return smoothstep(t / fallMs);
  if (t < fallMs + nadirMs) return 1;
  return 1 - smoothstep((t - fallMs - nadirMs) / recoverMs);
}

/** True while a device of this scenario publishes nothing at all. */
export function isSilent(scenario: ScenarioName, elapsedMs: number): boolean {
  if (scenario !== "silent") return false;
  return cyclePosition(elapsedMs, SILENCE.periodMs) >= SILENCE.silentFromMs;
}

/** The baseline a scenario starts from, given the patient's own drawn baseline. */
export function scenarioBaseline(scenario: ScenarioName, baseline: Vitals): Vitals {
  if (scenario === "desaturation") return { ...baseline, spo2: Math.max(baseline.spo2, DESATURATION.minBaselineSpo2) };
  return { ...baseline };
}

/** Where the patient's vitals are heading at this elapsed time. */
export function scenarioState(scenario: ScenarioName, elapsedMs: number, baseline: Vitals): ScenarioState {
  switch (scenario) {
    case "stable":
    case "silent":
      return { means: { ...baseline }, consciousness: 0, o2Supplement: 0, variability: 1 };
    case "deteriorating": {
      const f = deteriorationProgress(elapsedMs);
      const { worst } = DETERIORATION;
      const means: Vitals = {
        heart_rate: lerp(baseline.heart_rate, worst.heart_rate, f),
        resp_rate: lerp(baseline.resp_rate, worst.resp_rate, f),
        spo2: lerp(baseline.spo2, worst.spo2, f),
        bp_sys: lerp(baseline.bp_sys, worst.bp_sys, f),
        bp_dia: lerp(baseline.bp_dia, worst.bp_dia, f),
        temp: lerp(baseline.temp, worst.temp, f),
      };
      const confused = cyclePosition(elapsedMs, DETERIORATION_CYCLE_MS) >= DETERIORATION.confusionFromMs;
      return { means, consciousness: confused ? 1 : 0, o2Supplement: 0, variability: lerp(1, DETERIORATION.worstVariability, f) };
    }
    case "desaturation": {
      const d = desaturationDepth(elapsedMs);
      const means: Vitals = {
        ...baseline,
        spo2: lerp(baseline.spo2, DESATURATION.nadirSpo2, d),
        heart_rate: baseline.heart_rate + DESATURATION.heartRateRise * d,
        resp_rate: baseline.resp_rate + DESATURATION.respRateRise * d,
      };
      return { means, consciousness: 0, o2Supplement: 0, variability: 1 };
    }
  }
}

// CGM rate-of-change rule (pure): a fast fall is a least-squares slope steeper than −3 mg/dL/min over the
// last 15 minutes of sensor readings (measurement times, so a CGM's batched upload still scores right).
// It needs ≥ 3 readings spanning ≥ 10 minutes; it clears only once the slope is flatter than −2 (hysteresis),
// and in between the condition is left as it is.
import { finding, type Finding, type PatientState } from "./rule-types";

export const FAST_FALL = {
  windowMs: 15 * 60_000,
  minSpanMs: 10 * 60_000,
  minReadings: 3,
  raiseBelow: -3,
  clearAbove: -2,
  maxAgeMs: 20 * 60_000,
} as const;

/** Slope in mg/dL per minute of readings in the window ending at the newest one; null if too few. */
export function glucoseSlope(readings: readonly { v: number; ts: number }[]): number | null {
  const points = readings.map((r) => ({ t: r.ts, v: r.v })).filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  if (points.length === 0) return null;
  const end = Math.max(...points.map((p) => p.t));
  const inWindow = points.filter((p) => end - p.t <= FAST_FALL.windowMs);
  if (inWindow.length < FAST_FALL.minReadings) return null;
  const start = Math.min(...inWindow.map((p) => p.t));
  if (end - start < FAST_FALL.minSpanMs) return null;
  const n = inWindow.length;
  const meanT = inWindow.reduce((a, p) => a + p.t, 0) / n;
  const meanV = inWindow.reduce((a, p) => a + p.v, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of inWindow) {
    num += (p.t - meanT) * (p.v - meanV);
    den += (p.t - meanT) ** 2;
  }
  return den === 0 ? null : (num / den) * 60_000;
}

export function evaluateCgmRules(patient: PatientState, now: number): Finding[] {
  const newest = patient.glucose.at(-1);
  if (!newest || now - newest.at > FAST_FALL.maxAgeMs) return [];
  const slope = glucoseSlope(patient.glucose);
  if (slope === null) return [];
  const status = slope < FAST_FALL.raiseBelow ? "violated" : slope > FAST_FALL.clearAbove ? "normal" : null;
  if (!status) return [];
  return [
    finding(status, newest.at, 0, {
      rule: "glucose.fast_fall",
      priority: "medium",
      message: `Glucose falling fast: ${slope.toFixed(1)} mg/dL/min (now ${Math.round(newest.v)} mg/dL)`,
      value: Math.round(slope * 10) / 10,
      patientId: patient.patientId,
      wardId: patient.wardId,
      deviceId: newest.deviceId,
    }),
  ];
}

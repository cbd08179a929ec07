// Which metrics a simulated bedside monitor puts in the frame of a given tick (one tick per publish interval):
// pulse, SpO2 and breathing rate continuously; NIBP and temperature every minute; ACVPU, oxygen and battery
// every five minutes. The first frame carries everything, so every vital is on screen right after start.
import type { MetricKey } from "@/lib/domain/metrics";

/** Sent in every frame (continuous ECG / pleth / impedance respiration). */
export const CONTINUOUS_METRICS = ["heart_rate", "spo2", "resp_rate"] as const satisfies readonly MetricKey[];
/** Non-invasive blood pressure cycle. */
export const NIBP_METRICS = ["bp_sys", "bp_dia"] as const satisfies readonly MetricKey[];
export const TEMP_METRICS = ["temp"] as const satisfies readonly MetricKey[];
/** Charted observations and device health. */
export const SLOW_METRICS = ["consciousness", "o2_supplement", "battery"] as const satisfies readonly MetricKey[];

export const NIBP_EVERY_TICKS = 60;
export const TEMP_EVERY_TICKS = 60;
export const SLOW_EVERY_TICKS = 300;

/** Every metric the schedule can ever ask for. */
export const SCHEDULED_METRICS = [...CONTINUOUS_METRICS, ...NIBP_METRICS, ...TEMP_METRICS, ...SLOW_METRICS] as const;
export type ScheduledMetric = (typeof SCHEDULED_METRICS)[number];

/** The metrics due in the frame of this tick (0 is the first frame after start). */
export function metricsDueAt(tick: number): ScheduledMetric[] {
  if (!Number.isInteger(tick) || tick < 0) throw new RangeError(`tick must be a whole number >= 0 (got ${tick})`);
  const due: ScheduledMetric[] = [...CONTINUOUS_METRICS];
  if (tick % NIBP_EVERY_TICKS === 0) due.push(...NIBP_METRICS);
  if (tick % TEMP_EVERY_TICKS === 0) due.push(...TEMP_METRICS);
  if (tick % SLOW_EVERY_TICKS === 0) due.push(...SLOW_METRICS);
  return due;
}

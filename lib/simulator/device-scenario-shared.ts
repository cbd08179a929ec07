// What the pump and fridge scenario models share: their options, the random draws (uniform, exponential,
// Ornstein-Uhlenbeck wander, a second stream for event schedules), rounding to a metric's precision and
// their time units.
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import { gaussian } from "./vital-model";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/**
 * Options of the models. `delayMs` moves the scripted events (a pump's failure, a fridge's fault, repair and
 * outage) that much later on the model's clock, drawing the same numbers, so a long uploaded past (the demo's
 * 24 h) lies after model time 0; `outage: false` drops the warm fridge's logger outage (the demo's logger
 * records throughout, so its upload shows no gap that needs a corrective action).
 */
export type ScenarioModelOptions = { delayMs?: number; outage?: boolean };

export function uniform(rand: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * rand();
}

export function exponential(rand: () => number, meanMs: number): number {
  return -meanMs * Math.log(1 - rand());
}

export function round(key: MetricKey, value: number): number {
  const def = METRICS[key];
  const f = 10 ** def.decimals;
  return Math.min(def.max, Math.max(def.min, Math.round(value * f) / f));
}

/** An Ornstein-Uhlenbeck process advanced exactly over any gap, started from its stationary distribution. */
export function ouProcess(rand: () => number, sd: number, tauMs: number): (dtMs: number) => number {
  let x = sd * gaussian(rand);
  return (dtMs) => {
    if (dtMs > 0) {
      const decay = Math.exp(-dtMs / tauMs);
      x = x * decay + sd * Math.sqrt(1 - decay * decay) * gaussian(rand);
    }
    return x;
  };
}

/** Seed for a second, independent stream (event schedules), so noise and events do not share draws. */
export function scheduleSeed(seed: number): number {
  return (seed ^ 0x9e3779b9) >>> 0;
}

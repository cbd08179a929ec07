// The simulated patient (and their monitor's battery): a seeded PRNG, per-patient baselines, and natural
// variability as mean-reverting (Ornstein-Uhlenbeck) wander around the scenario's means plus measurement noise,
// rounded as a monitor would show it. Pure and deterministic for a seed and a sequence of calls.
import { METRICS } from "@/lib/domain/metrics";
import { VITAL_KEYS, scenarioBaseline, scenarioState, type ScenarioName, type VitalKey, type Vitals } from "./scenarios";

/** mulberry32: a small, fast, seedable PRNG giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller), consuming exactly two uniforms. */
export function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: log(0) is impossible
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Plausible resting adult ranges a patient's baseline is drawn from. */
export const BASELINE_RANGES: Readonly<Record<VitalKey, readonly [number, number]>> = {
  heart_rate: [60, 95],
  resp_rate: [12, 18],
  spo2: [95, 99],
  bp_sys: [110, 140],
  bp_dia: [65, 85],
  temp: [36.3, 37.3],
};

/**
 * Natural variability per vital: stationary standard deviation of the wander, its time constant,
 * and the standard deviation of the per-reading measurement noise. Wander is kept within 2.5 sd and
 * noise within 2 sd, so a stable patient never drifts into implausible values.
 */
const DYNAMICS: Readonly<Record<VitalKey, { sd: number; tauS: number; noise: number }>> = {
  heart_rate: { sd: 3.5, tauS: 120, noise: 1 },
  resp_rate: { sd: 1, tauS: 180, noise: 0.4 },
  spo2: { sd: 0.6, tauS: 90, noise: 0.4 },
  bp_sys: { sd: 5, tauS: 900, noise: 2 },
  bp_dia: { sd: 3, tauS: 900, noise: 2 },
  temp: { sd: 0.12, tauS: 2400, noise: 0.04 },
};
const WANDER_LIMIT_SD = 2.5;
const NOISE_LIMIT_SD = 2;
/** Diastolic wander follows systolic wander with this correlation. */
const BP_CORRELATION = 0.6;
/** Systolic minus diastolic never falls below this. */
const MIN_PULSE_PRESSURE = 15;

/** Battery of the bedside monitor: drains slowly from 100 %, is plugged in at 30 % and charges back. */
const BATTERY = { full: 100, low: 30, chargePerHour: 35, drainPerHour: [1.5, 3] as const };

export function batteryLevel(elapsedMs: number, drainPerHour: number): number {
  const span = BATTERY.full - BATTERY.low;
  const drainHours = span / drainPerHour;
  const chargeHours = span / BATTERY.chargePerHour;
  const h = (Math.max(0, elapsedMs) / 3_600_000) % (drainHours + chargeHours);
  const level = h < drainHours ? BATTERY.full - h * drainPerHour : BATTERY.low + (h - drainHours) * BATTERY.chargePerHour;
  return Math.round(level);
}

/** Every value the model produces: the vitals, ACVPU, supplemental oxygen and the device battery. */
export type SimulatedKey = VitalKey | "consciousness" | "o2_supplement" | "battery";
export type SimulatedValues = Record<SimulatedKey, number>;

export type PatientModel = {
  readonly seed: number;
  readonly scenario: ScenarioName;
  /** The patient's resting vitals (after the scenario's adjustment). */
  readonly baseline: Readonly<Vitals>;
  /** Current values at this elapsed time (ms since the simulation started); call with non-decreasing times. */
  sample(elapsedMs: number): SimulatedValues;
};

function uniform(rand: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * rand();
}

/** Keeps x within [-limit, limit] by reflecting at the edges, like a physiological control loop would. */
function reflect(x: number, limit: number): number {
  let y = x;
  if (y > limit) y = 2 * limit - y;
  if (y < -limit) y = -2 * limit - y;
  return Math.min(limit, Math.max(-limit, y));
}

function roundAsMonitor(key: SimulatedKey, value: number): number {
  const def = METRICS[key];
  const factor = 10 ** def.decimals;
  const rounded = Math.round(value * factor) / factor;
  return Math.min(def.max, Math.max(def.min, rounded));
}

export function drawBaseline(rand: () => number): Vitals {
  const b = {} as Vitals;
  for (const key of VITAL_KEYS) b[key] = uniform(rand, BASELINE_RANGES[key]);
  return b;
}

export function createPatientModel(opts: { seed: number; scenario: ScenarioName }): PatientModel {
  const { seed, scenario } = opts;
  const rand = mulberry32(seed);
  const baseline = scenarioBaseline(scenario, drawBaseline(rand));
  const drainPerHour = uniform(rand, BATTERY.drainPerHour);
  // Wander starts from the stationary distribution, so patients do not all sit exactly at baseline.
  const wander = {} as Vitals;
  for (const key of VITAL_KEYS) {
    const { sd } = DYNAMICS[key];
    wander[key] = reflect(sd * gaussian(rand), WANDER_LIMIT_SD * sd);
  }
  let lastElapsed: number | null = null;

  function evolve(dtS: number): void {
    if (dtS <= 0) return;
    let systolicShock = 0;
    for (const key of VITAL_KEYS) {
      const { sd, tauS } = DYNAMICS[key];
      const decay = Math.exp(-dtS / tauS);
      let z = gaussian(rand);
      if (key === "bp_sys") systolicShock = z;
      if (key === "bp_dia") z = BP_CORRELATION * systolicShock + Math.sqrt(1 - BP_CORRELATION ** 2) * z;
      // Exact Ornstein-Uhlenbeck transition over dtS, whatever the gap between samples.
      const next = wander[key] * decay + sd * Math.sqrt(1 - decay * decay) * z;
      wander[key] = reflect(next, WANDER_LIMIT_SD * sd);
    }
  }

  return {
    seed,
    scenario,
    baseline,
    sample(elapsedMs: number): SimulatedValues {
      const dtS = lastElapsed === null ? 0 : (elapsedMs - lastElapsed) / 1000;
      lastElapsed = lastElapsed === null ? elapsedMs : Math.max(lastElapsed, elapsedMs);
      evolve(dtS);
      const state = scenarioState(scenario, elapsedMs, baseline);
      const raw = {} as Vitals;
      for (const key of VITAL_KEYS) {
        const { noise } = DYNAMICS[key];
        const measured = reflect(noise * gaussian(rand), NOISE_LIMIT_SD * noise);
        raw[key] = state.means[key] + state.variability * wander[key] + measured;
      }
      raw.bp_dia = Math.min(raw.bp_dia, raw.bp_sys - MIN_PULSE_PRESSURE);
      const out = {} as SimulatedValues;
      for (const key of VITAL_KEYS) out[key] = roundAsMonitor(key, raw[key]);
      out.consciousness = state.consciousness;
      out.o2_supplement = state.o2Supplement;
      out.battery = roundAsMonitor("battery", batteryLevel(elapsedMs, drainPerHour));
      return out;
    },
  };
}

// Scripted vaccine-fridge scenario: the air temperature (env_temp), healthy (compressor cycling, door-open blips) or
// warming past 8 °C after a compressor fault at a known time. Pure and deterministic for a seed and a sequence of
// calls (non-decreasing elapsed times); the ground truth (excursion window, logger outage) is exposed on the model.
import { DAY, HOUR, MIN, ouProcess, round, scheduleSeed, uniform, type ScenarioModelOptions } from "./device-scenario-shared";
import { gaussian, mulberry32 } from "./vital-model";

export const FRIDGE_SCENARIOS = ["fridge-healthy", "fridge-warm"] as const;
export type FridgeScenario = (typeof FRIDGE_SCENARIOS)[number];

/** Vaccine fridge (pharmaceutical grade, air probe): compressor cycle, door openings, fault and repair. */
export const FRIDGE = {
  setpointC: [4.3, 5.0] as const,
  cycleAmplitudeC: [0.6, 0.9] as const,
  cyclePeriodMs: [25 * MIN, 45 * MIN] as const,
  wander: [0.08, 10 * MIN] as const,
  noiseC: 0.03,
  roomC: 22,
  /** The air near the probe heads for this while the door is open, and settles back after it closes. */
  door: { airC: 14, openTauMs: 2.5 * MIN, closeTauMs: 2 * MIN, openMs: [20_000, 2.5 * MIN] as const },
  /** Openings per hour by day (07–19 h) and night; never closer than minGapMs. */
  doorPerHour: { day: 0.8, night: 1 / 6 },
  doorMinGapMs: 15 * MIN,
  /** Compressor fault: the cabinet warms towards the room; repaired after a while, it pulls back down to the
   *  compressor's cut-out temperature (setpoint − cycle amplitude) and cycles again. */
  faultAtMs: [8 * HOUR, 14 * HOUR] as const,
  warmTauMs: 4 * HOUR,
  repairAfterMs: [3 * HOUR, 4 * HOUR] as const,
  pullDownTauMs: 30 * MIN,
  /** The warm fridge's logger also drops out once (network or battery) for this long. */
  outageAtMs: [3 * HOUR, 6 * HOUR] as const,
  outageMs: 45 * MIN,
  rangeC: [2, 8] as const,
} as const;

export type FridgeReading = { env_temp: number };
export type Window = { startMs: number; endMs: number };

export type FridgeModel = {
  readonly seed: number;
  readonly scenario: FridgeScenario;
  readonly setpointC: number;
  readonly faultAtMs: number | null;
  readonly repairAtMs: number | null;
  /** Ground truth: when the cabinet temperature (without door blips and noise) is above 8 °C. */
  readonly excursion: Window | null;
  /** Logger outage (no readings at all). */
  readonly outage: Window | null;
  /** Door openings within the first `horizonMs`. */
  readonly doorOpenings: readonly Window[];
  /** The cabinet temperature without door blips, wander or noise. */
  meanAt(elapsedMs: number): number;
  /** A reading, or null while the logger is out. */
  sample(elapsedMs: number): FridgeReading | null;
};

/** Door openings over [0, horizonMs): busier by day, never closer together than the minimum gap. */
function drawDoorOpenings(rand: () => number, horizonMs: number): Window[] {
  const out: Window[] = [];
  let t = 0;
  const stepMs = MIN;
  while (t < horizonMs) {
    const hour = (t / HOUR) % 24;
    const perHour = hour >= 7 && hour < 19 ? FRIDGE.doorPerHour.day : FRIDGE.doorPerHour.night;
    const lastEnd = out[out.length - 1]?.endMs ?? -Infinity;
    if (t - lastEnd >= FRIDGE.doorMinGapMs && rand() < (perHour * stepMs) / HOUR) {
      const openMs = uniform(rand, FRIDGE.door.openMs);
      out.push({ startMs: t, endMs: t + openMs });
    }
    t += stepMs;
  }
  return out;
}

/** Excess air temperature near the probe caused by one door opening, given the cabinet temperature. */
function doorExcess(door: Window, t: number, cabinetC: number): number {
  if (t < door.startMs) return 0;
  const rise = Math.max(0, FRIDGE.door.airC - cabinetC);
  const openFor = Math.min(t, door.endMs) - door.startMs;
  const peak = rise * (1 - Math.exp(-openFor / FRIDGE.door.openTauMs));
  if (t <= door.endMs) return peak;
  return peak * Math.exp(-(t - door.endMs) / FRIDGE.door.closeTauMs);
}

export function createFridgeModel(
  opts: { seed: number; scenario: FridgeScenario; horizonMs?: number } & ScenarioModelOptions,
): FridgeModel {
  const { seed, scenario } = opts;
  const delayMs = opts.delayMs ?? 0;
  const horizonMs = opts.horizonMs ?? 2 * DAY;
  const rand = mulberry32(seed);
  const events = mulberry32(scheduleSeed(seed));
  const setpointC = uniform(rand, FRIDGE.setpointC);
  const amplitude = uniform(rand, FRIDGE.cycleAmplitudeC);
  const period = uniform(rand, FRIDGE.cyclePeriodMs);
  const phase = 2 * Math.PI * rand();
  const warm = scenario === "fridge-warm";
  const faultAtMs = warm ? uniform(rand, FRIDGE.faultAtMs) + delayMs : null;
  const repairAtMs = faultAtMs === null ? null : faultAtMs + uniform(rand, FRIDGE.repairAfterMs);
  const outageStart = warm ? uniform(rand, FRIDGE.outageAtMs) + delayMs : null;
  const outage = outageStart === null || opts.outage === false ? null : { startMs: outageStart, endMs: outageStart + FRIDGE.outageMs };
  const wander = ouProcess(rand, ...FRIDGE.wander);
  const doorOpenings = drawDoorOpenings(events, horizonMs);

  const cycle = (t: number) => setpointC + amplitude * Math.sin((2 * Math.PI * t) / period + phase);
  const warmed = (t: number, from: number) => FRIDGE.roomC - (FRIDGE.roomC - cycle(from)) * Math.exp(-(t - from) / FRIDGE.warmTauMs);
  function meanAt(t: number): number {
    if (faultAtMs === null || repairAtMs === null || t < faultAtMs) return cycle(t);
    if (t < repairAtMs) return warmed(t, faultAtMs);
    // Restarted, the compressor runs flat out towards its cut-out temperature until it meets the cycle again.
    const cutOut = setpointC - amplitude;
    const pulled = cutOut + (warmed(repairAtMs, faultAtMs) - cutOut) * Math.exp(-(t - repairAtMs) / FRIDGE.pullDownTauMs);
    return Math.max(cycle(t), pulled);
  }

  let excursion: Window | null = null;
  if (faultAtMs !== null && repairAtMs !== null) {
    const high = FRIDGE.rangeC[1];
    const start = faultAtMs + FRIDGE.warmTauMs * Math.log((FRIDGE.roomC - cycle(faultAtMs)) / (FRIDGE.roomC - high));
    let end = repairAtMs;
    while (meanAt(end) > high) end += 1000;
    if (start < repairAtMs) excursion = { startMs: start, endMs: end };
  }

  let last: number | null = null;
  let doorIndex = 0;
  return {
    seed,
    scenario,
    setpointC,
    faultAtMs,
    repairAtMs,
    excursion,
    outage,
    doorOpenings,
    meanAt,
    sample(elapsedMs: number): FridgeReading | null {
      const t = Math.max(last ?? elapsedMs, elapsedMs);
      const w = wander(last === null ? 0 : t - last);
      last = t;
      const noise = FRIDGE.noiseC * gaussian(rand);
      if (outage && t >= outage.startMs && t < outage.endMs) return null;
      const cabinet = meanAt(t);
      // Openings that ended long ago no longer matter: skip them once and for all.
      while (doorIndex < doorOpenings.length && t - (doorOpenings[doorIndex]?.endMs ?? t) > 30 * MIN) doorIndex++;
      let door = 0;
      for (let i = doorIndex; i < doorOpenings.length; i++) {
        const d = doorOpenings[i];
        if (!d || d.startMs > t) break;
        door += doorExcess(d, t, cabinet);
      }
      return { env_temp: round("env_temp", cabinet + w + door + noise) };
    },
  };
}

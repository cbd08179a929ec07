// Scripted device scenarios for the detectors and `npm run bench:alarms`: an infusion pump's own health
// (device_temp, vibration, power) that is healthy or wears out over ~6 h before failing at a known time, and a
// vaccine fridge's air temperature (env_temp) that is healthy (compressor cycling, door-open blips) or warms
// past 8 °C after a compressor fault at a known time. Pure and deterministic for a seed and a sequence of calls
// (non-decreasing elapsed times); the ground truth (failure time, excursion window) is exposed on the model.
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import { gaussian, mulberry32 } from "./vital-model";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const PUMP_SCENARIOS = ["pump-healthy", "pump-failing"] as const;
export type PumpScenario = (typeof PUMP_SCENARIOS)[number];
export const FRIDGE_SCENARIOS = ["fridge-healthy", "fridge-warm"] as const;
export type FridgeScenario = (typeof FRIDGE_SCENARIOS)[number];

/** Infusion pump: nominal ranges per device, operating changes, handling bumps and the wear-out. */
export const PUMP = {
  deviceTempC: [31, 37] as const,
  vibrationG: [0.08, 0.18] as const,
  powerW: [6, 12] as const,
  /** The infusion rate (motor speed) changes on average every 2 h, to a factor within this range. */
  rateChangeMeanMs: 2 * HOUR,
  rateFactor: [0.6, 1.4] as const,
  /** Effect of (rate factor − 1) on power (relative), vibration (relative) and device temperature (°C). */
  rateEffect: { power: 0.15, vibration: 0.2, deviceTempC: 0.8 },
  /** Day-night swing of the ward's temperature seen by the housing (°C, amplitude). */
  diurnalC: 0.8,
  /** Slow wander (stationary sd, time constant) and per-reading noise; vibration and power on a log scale. */
  wander: { deviceTemp: [0.3, 20 * MIN], logVibration: [0.06, 10 * MIN], logPower: [0.02, 5 * MIN] } as const,
  noise: { deviceTemp: 0.1, logVibration: 0.12, logPower: 0.015 },
  /** The pump is knocked or moved with the bed: vibration jumps for a few minutes. */
  bumpsPerDay: 4,
  bumpMs: [1 * MIN, 8 * MIN] as const,
  bumpFactor: [3, 8] as const,
  /** Failure somewhere in this window; bearing/motor wear grows quadratically over the preceding hours. */
  failureAtMs: [14 * HOUR, 20 * HOUR] as const,
  degradationMs: 6 * HOUR,
  /** At failure: vibration ×(1 + gain), +°C, power ×(1 + gain). */
  wear: { vibrationGain: 4, deviceTempC: 6, powerGain: 0.3 },
  /** After failure the motor is stopped: standby power, no vibration, housing cools to the room. */
  failed: { powerW: 0.8, vibrationG: 0.01, roomC: 24, coolMs: 30 * MIN },
} as const;

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

export type PumpReading = { device_temp: number; vibration: number; power: number };
export type FridgeReading = { env_temp: number };
export type Window = { startMs: number; endMs: number };

export type PumpModel = {
  readonly seed: number;
  readonly scenario: PumpScenario;
  readonly nominal: Readonly<PumpReading>;
  /** Ground truth: wear starts, and the pump fails (null for a healthy pump). */
  readonly degradationStartMs: number | null;
  readonly failureAtMs: number | null;
  sample(elapsedMs: number): PumpReading;
};

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

function uniform(rand: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * rand();
}

function exponential(rand: () => number, meanMs: number): number {
  return -meanMs * Math.log(1 - rand());
}

function round(key: MetricKey, value: number): number {
  const def = METRICS[key];
  const f = 10 ** def.decimals;
  return Math.min(def.max, Math.max(def.min, Math.round(value * f) / f));
}

/** An Ornstein-Uhlenbeck process advanced exactly over any gap, started from its stationary distribution. */
function ouProcess(rand: () => number, sd: number, tauMs: number): (dtMs: number) => number {
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
function scheduleSeed(seed: number): number {
  return (seed ^ 0x9e3779b9) >>> 0;
}

/**
 * Options of the models. `delayMs` moves the scripted events (a pump's failure, a fridge's fault, repair and
 * outage) that much later on the model's clock, drawing the same numbers, so a long uploaded past (the demo's
 * 24 h) lies after model time 0; `outage: false` drops the warm fridge's logger outage (the demo's logger
 * records throughout, so its upload shows no gap that needs a corrective action).
 */
export type ScenarioModelOptions = { delayMs?: number; outage?: boolean };

export function createPumpModel(opts: { seed: number; scenario: PumpScenario } & ScenarioModelOptions): PumpModel {
  const { seed, scenario } = opts;
  const delayMs = opts.delayMs ?? 0;
  const rand = mulberry32(seed);
  const events = mulberry32(scheduleSeed(seed));
  const nominal: PumpReading = {
    device_temp: uniform(rand, PUMP.deviceTempC),
    vibration: uniform(rand, PUMP.vibrationG),
    power: uniform(rand, PUMP.powerW),
  };
  const diurnalPhase = 2 * Math.PI * rand();
  const failureAtMs = scenario === "pump-failing" ? uniform(rand, PUMP.failureAtMs) + delayMs : null;
  const degradationStartMs = failureAtMs === null ? null : failureAtMs - PUMP.degradationMs;
  const temp = ouProcess(rand, ...PUMP.wander.deviceTemp);
  const logVib = ouProcess(rand, ...PUMP.wander.logVibration);
  const logPow = ouProcess(rand, ...PUMP.wander.logPower);

  let rate = 1;
  let nextRateChange = exponential(events, PUMP.rateChangeMeanMs);
  let bumpStart = exponential(events, DAY / PUMP.bumpsPerDay);
  let bumpEnd = bumpStart + uniform(events, PUMP.bumpMs);
  let bumpFactor = uniform(events, PUMP.bumpFactor);
  let last: number | null = null;

  return {
    seed,
    scenario,
    nominal,
    degradationStartMs,
    failureAtMs,
    sample(elapsedMs: number): PumpReading {
      const t = Math.max(last ?? elapsedMs, elapsedMs);
      const dt = last === null ? 0 : t - last;
      last = t;
      while (t >= nextRateChange) {
        rate = uniform(events, PUMP.rateFactor);
        nextRateChange += exponential(events, PUMP.rateChangeMeanMs);
      }
      while (t >= bumpEnd) {
        bumpStart = bumpEnd + exponential(events, DAY / PUMP.bumpsPerDay);
        bumpEnd = bumpStart + uniform(events, PUMP.bumpMs);
        bumpFactor = uniform(events, PUMP.bumpFactor);
      }
      const wTemp = temp(dt);
      const wVib = logVib(dt);
      const wPow = logPow(dt);
      const nTemp = PUMP.noise.deviceTemp * gaussian(rand);
      const nVib = PUMP.noise.logVibration * gaussian(rand);
      const nPow = PUMP.noise.logPower * gaussian(rand);
      const diurnal = PUMP.diurnalC * Math.sin((2 * Math.PI * t) / DAY + diurnalPhase);

      const wearAt = (ms: number) =>
        degradationStartMs === null || ms < degradationStartMs ? 0 : Math.min(1, (ms - degradationStartMs) / PUMP.degradationMs) ** 2;
      const runningTemp = (ms: number, r: number) =>
        nominal.device_temp + PUMP.rateEffect.deviceTempC * (r - 1) + diurnal + PUMP.wear.deviceTempC * wearAt(ms);

      if (failureAtMs !== null && t >= failureAtMs) {
        const { failed } = PUMP;
        const atFailure = runningTemp(failureAtMs, rate);
        const cooled = failed.roomC + (atFailure - failed.roomC) * Math.exp(-(t - failureAtMs) / failed.coolMs);
        return {
          device_temp: round("device_temp", cooled + nTemp),
          vibration: round("vibration", failed.vibrationG * Math.exp(nVib)),
          power: round("power", failed.powerW * Math.exp(nPow)),
        };
      }
      const wear = wearAt(t);
      const bump = t >= bumpStart && t < bumpEnd ? bumpFactor : 1;
      const vibration =
        nominal.vibration *
        (1 + PUMP.rateEffect.vibration * (rate - 1)) *
        (1 + PUMP.wear.vibrationGain * wear) *
        bump *
        Math.exp(wVib + nVib);
      const power = nominal.power * (1 + PUMP.rateEffect.power * (rate - 1)) * (1 + PUMP.wear.powerGain * wear) * Math.exp(wPow + nPow);
      return {
        device_temp: round("device_temp", runningTemp(t, rate) + wTemp + nTemp),
        vibration: round("vibration", vibration),
        power: round("power", power),
      };
    },
  };
}

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

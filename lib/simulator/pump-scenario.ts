// Scripted infusion-pump scenario: the pump's own health (device_temp, vibration, power), healthy or wearing out
// over ~6 h before failing at a known time. Pure and deterministic for a seed and a sequence of calls (non-decreasing
// elapsed times); the ground truth (wear start, failure time) is exposed on the model.
import { DAY, exponential, HOUR, MIN, ouProcess, round, scheduleSeed, uniform, type ScenarioModelOptions } from "./device-scenario-shared";
import { gaussian, mulberry32 } from "./vital-model";

export const PUMP_SCENARIOS = ["pump-healthy", "pump-failing"] as const;
export type PumpScenario = (typeof PUMP_SCENARIOS)[number];

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

export type PumpReading = { device_temp: number; vibration: number; power: number };

export type PumpModel = {
  readonly seed: number;
  readonly scenario: PumpScenario;
  readonly nominal: Readonly<PumpReading>;
  /** Ground truth: wear starts, and the pump fails (null for a healthy pump). */
  readonly degradationStartMs: number | null;
  readonly failureAtMs: number | null;
  sample(elapsedMs: number): PumpReading;
};

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

// Deterioration trend detector: a streaming, per-patient CUSUM on pulse, breathing rate, SpO2 and systolic BP
// that learns the patient's own baseline and flags a sustained drift in the direction of concern (pulse and
// breathing up, SpO2 and systolic BP down) before the NEWS2 total reaches 5. Pure: no I/O, no clock, no server.
//
// Signal path, per parameter:
//   readings → 1-minute epoch means (irregular rates and missing readings are fine)
//   → warm-up: baseline mean and spread of the epoch means, with the spread shrunk towards a clinical prior
//     by the effective number of independent epochs (lag-1 autocorrelation), so a slowly wandering signal
//     such as NIBP is not given a falsely tight baseline
//   → standardized residual z in the direction of concern, clipped so one artefact cannot raise an alarm
//   → one-sided CUSUM per parameter, and a combined CUSUM on the mean of all parameters' z (concordant
//     multi-parameter drift, the signature of sepsis or haemorrhage, accumulates evidence fastest).
// An alarm is raised by the combined CUSUM when at least two parameters drift together, or by one parameter's
// CUSUM alone at a higher threshold. It latches until the parameters are back near baseline for a few epochs,
// then the detector re-arms. The baseline keeps adapting slowly, but only while nothing is drifting.
// Parameters and types: ./trend-types; baseline learning: ./trend-baseline.
import { learnBaseline } from "./trend-baseline";
import {
  DIRECTION_OF_CONCERN,
  PRIOR_SD,
  TREND_PARAMETERS,
  type ParameterBaseline,
  type TrendDetector,
  type TrendDetectorOptions,
  type TrendDrift,
  type TrendFinding,
  type TrendParameter,
  type TrendSample,
  type TrendState,
} from "./trend-types";

export { learnBaseline } from "./trend-baseline";
export type { TrendDetector, TrendDetectorOptions, TrendFinding, TrendParameter } from "./trend-types";

type ParamState = {
  warm: number[];
  firstEpochT: number | null;
  baseline: ParameterBaseline | null;
  cusum: number;
  /** CUSUM with the larger allowance kSingle: a single parameter far from its normal. */
  extreme: number;
  lastZeroT: number;
  level: number | null;
};

const DEFAULTS = {
  epochMs: 60_000,
  warmupMs: 60 * 60_000,
  minWarmupEpochs: 20,
  priorWeight: 30,
  k: 0.75,
  hCombined: 5,
  kSingle: 2.5,
  hSingle: 10,
  minConcordant: 2,
  minDurationMs: 5 * 60_000,
  zClip: 4,
  adaptTauMs: 6 * 3_600_000,
  clearZ: 1,
  clearEpochs: 2,
};
/** Weight of the newest epoch in the current level (reported, and used to clear a latched alarm). */
const LEVEL_ALPHA = 0.5;
/** No single parameter may stand further than this (sd) from baseline for a latched alarm to clear. */
const CLEAR_MAX_Z = 2.5;

export function createTrendDetector(opts: TrendDetectorOptions = {}): TrendDetector {
  const o = { ...DEFAULTS, ...opts };
  const priorSd = { ...PRIOR_SD, ...opts.priorSd };
  const params = {} as Record<TrendParameter, ParamState>;
  for (const p of TREND_PARAMETERS)
    params[p] = { warm: [], firstEpochT: null, baseline: null, cusum: 0, extreme: 0, lastZeroT: 0, level: null };

  let epochStart: number | null = null;
  let sums: Partial<Record<TrendParameter, { sum: number; n: number }>> = {};
  let combined = 0;
  let combinedZeroT = 0;
  let active: TrendFinding | null = null;
  let clearRun = 0;
  const adaptAlpha = o.adaptTauMs > 0 ? 1 - Math.exp(-o.epochMs / o.adaptTauMs) : 0;

  function driftOf(p: TrendParameter): TrendDrift | null {
    const s = params[p];
    if (!s.baseline || s.level === null) return null;
    const z = (DIRECTION_OF_CONCERN[p] * (s.level - s.baseline.mean)) / s.baseline.sd;
    return { parameter: p, baseline: s.baseline.mean, current: s.level, delta: s.level - s.baseline.mean, z, sinceT: s.lastZeroT };
  }

  /** Parameters drifting now: own CUSUM above 0 and current level at least 1 sd towards concern. */
  function drifts(): TrendDrift[] {
    return TREND_PARAMETERS.map(driftOf)
      .filter((d): d is TrendDrift => d !== null && params[d.parameter].cusum > 0 && d.z >= 1)
      .sort((a, b) => b.z - a.z);
  }

  function closeEpoch(start: number, decidedAt: number): TrendFinding | null {
    const end = start + o.epochMs;
    let zSum = 0;
    let zCount = 0;
    let levelZSum = 0;
    let levelZMax = -Infinity;
    for (const p of TREND_PARAMETERS) {
      const acc = sums[p];
      if (!acc || acc.n === 0) continue;
      const mean = acc.sum / acc.n;
      const s = params[p];
      if (!s.baseline) {
        if (s.firstEpochT === null) s.firstEpochT = start;
        s.warm.push(mean);
        if (end - s.firstEpochT >= o.warmupMs && s.warm.length >= o.minWarmupEpochs) {
          s.baseline = learnBaseline(s.warm, priorSd[p], o.priorWeight);
          s.warm = [];
          s.lastZeroT = end;
        }
        continue;
      }
      const b = s.baseline;
      const z = (DIRECTION_OF_CONCERN[p] * (mean - b.mean)) / b.sd;
      const zc = Math.max(-o.zClip, Math.min(o.zClip, z));
      s.cusum = Math.max(0, s.cusum + zc - o.k);
      s.extreme = Math.max(0, s.extreme + zc - o.kSingle);
      if (s.cusum === 0) s.lastZeroT = end;
      s.level = s.level === null ? mean : s.level + LEVEL_ALPHA * (mean - s.level);
      const levelZ = (DIRECTION_OF_CONCERN[p] * (s.level - b.mean)) / b.sd;
      levelZSum += levelZ;
      levelZMax = Math.max(levelZMax, levelZ);
      zSum += zc;
      zCount += 1;
    }
    if (zCount === 0) return null;

    const zMean = zSum / zCount;
    combined = Math.max(0, combined + zMean - o.k);
    if (combined === 0) combinedZeroT = end;

    if (active) {
      const quiet = levelZSum / zCount < o.clearZ && levelZMax < CLEAR_MAX_Z;
      clearRun = quiet ? clearRun + 1 : 0;
      if (clearRun >= o.clearEpochs) rearm(end);
      return null;
    }

    // Slow adaptation of the baseline while nothing is accumulating evidence of drift.
    if (adaptAlpha > 0 && combined < o.hCombined / 2) {
      for (const p of TREND_PARAMETERS) {
        const acc = sums[p];
        const s = params[p];
        if (!acc || acc.n === 0 || !s.baseline || s.extreme > 0) continue;
        const b = s.baseline;
        const r = acc.sum / acc.n - b.mean;
        const clipped = Math.max(-3 * b.sd, Math.min(3 * b.sd, r));
        // Mean and spread both follow slowly (clipped residuals: one artefact cannot move them); the spread
        // never falls below half the prior, so a quiet stretch cannot make the detector hair-triggered.
        const variance = Math.max(b.sd ** 2 + adaptAlpha * (clipped * clipped - b.sd ** 2), (priorSd[p] / 2) ** 2);
        s.baseline = { ...b, mean: b.mean + adaptAlpha * clipped, sd: Math.sqrt(variance) };
      }
    }

    const drifting = drifts();
    let finding: TrendFinding | null = null;
    if (combined >= o.hCombined && drifting.length >= o.minConcordant && end - combinedZeroT >= o.minDurationMs) {
      finding = { t: decidedAt, sinceT: combinedZeroT, trigger: "combined", parameters: drifting, score: combined / o.hCombined };
    } else {
      const single = TREND_PARAMETERS.filter((p) => params[p].extreme >= o.hSingle && end - params[p].lastZeroT >= o.minDurationMs).sort(
        (a, b) => params[b].extreme - params[a].extreme,
      )[0];
      if (single !== undefined) {
        const s = params[single];
        finding = {
          t: decidedAt,
          sinceT: s.lastZeroT,
          trigger: "single",
          parameters: drifting.some((d) => d.parameter === single)
            ? drifting
            : [driftOf(single), ...drifting].filter((d): d is TrendDrift => d !== null),
          score: s.extreme / o.hSingle,
        };
      }
    }
    if (finding) {
      active = finding;
      clearRun = 0;
    }
    return finding;
  }

  function rearm(at: number): void {
    active = null;
    clearRun = 0;
    combined = 0;
    combinedZeroT = at;
    for (const p of TREND_PARAMETERS) {
      params[p].cusum = 0;
      params[p].extreme = 0;
      params[p].lastZeroT = at;
    }
  }

  return {
    update(sample: TrendSample): TrendFinding | null {
      const { t } = sample;
      let finding: TrendFinding | null = null;
      if (epochStart === null) epochStart = Math.floor(t / o.epochMs) * o.epochMs;
      if (t >= epochStart + o.epochMs) {
        finding = closeEpoch(epochStart, t);
        sums = {};
        epochStart = Math.floor(t / o.epochMs) * o.epochMs;
      }
      for (const p of TREND_PARAMETERS) {
        const v = sample.values[p];
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        const acc = sums[p] ?? { sum: 0, n: 0 };
        acc.sum += v;
        acc.n += 1;
        sums[p] = acc;
      }
      return finding;
    },
    state(): TrendState {
      const baselines: Partial<Record<TrendParameter, ParameterBaseline>> = {};
      const cusum: Partial<Record<TrendParameter, number>> = {};
      let ready = false;
      for (const p of TREND_PARAMETERS) {
        const b = params[p].baseline;
        if (!b) continue;
        ready = true;
        baselines[p] = { ...b };
        cusum[p] = params[p].cusum;
      }
      return {
        phase: active ? "alarm" : ready ? "monitoring" : "warmup",
        baselines,
        cusum,
        combinedCusum: combined,
        active,
      };
    },
  };
}

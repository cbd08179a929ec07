// The deterioration trend detector's vocabulary: the vital signs it watches, their direction of concern and
// prior spread, and the types of its options, input, findings and state (./deterioration-trend).

export const TREND_PARAMETERS = ["heart_rate", "resp_rate", "spo2", "bp_sys"] as const;
export type TrendParameter = (typeof TREND_PARAMETERS)[number];

/** +1: a rise is the concern; −1: a fall is the concern. */
export const DIRECTION_OF_CONCERN: Readonly<Record<TrendParameter, 1 | -1>> = {
  heart_rate: 1,
  resp_rate: 1,
  spo2: -1,
  bp_sys: -1,
};

/**
 * Prior short-term (minutes to an hour) within-patient spread of 1-minute means, in the parameter's unit.
 * Clinical orders of magnitude, not fitted to any one patient: the learned spread is shrunk towards these.
 */
export const PRIOR_SD: Readonly<Record<TrendParameter, number>> = {
  heart_rate: 4,
  resp_rate: 1.2,
  spo2: 0.8,
  bp_sys: 6,
};

export type TrendDetectorOptions = {
  /** Epoch over which readings are averaged (ms), default 60 s. */
  epochMs?: number;
  /** Baseline learning period per parameter (ms), default 60 min. */
  warmupMs?: number;
  /** A parameter needs at least this many epochs in its warm-up, default 20. */
  minWarmupEpochs?: number;
  priorSd?: Partial<Record<TrendParameter, number>>;
  /** Weight of the prior spread, in independent epochs, default 30 (an hour of 1-minute means of a signal
   *  that wanders over minutes holds only a handful of independent epochs). */
  priorWeight?: number;
  /** CUSUM allowance (reference value) in standard deviations, per-parameter and combined, default 0.75. */
  k?: number;
  /** Combined CUSUM threshold, default 5. */
  hCombined?: number;
  /** Allowance of the single-parameter alarm CUSUM: only a drift beyond this many sd counts, default 2.5. */
  kSingle?: number;
  /** Single-parameter alarm CUSUM threshold, default 10. */
  hSingle?: number;
  /** Parameters that must be drifting now (own CUSUM > 0 and level z ≥ 1) for the combined alarm, default 2. */
  minConcordant?: number;
  /** The deciding CUSUM must have been rising (above 0) for at least this long (ms), default 5 min: together
   *  with "drifting now", this keeps a short artefact on every channel from raising an alarm. */
  minDurationMs?: number;
  /** |z| is clipped to this before it enters a CUSUM, default 4. */
  zClip?: number;
  /** Time constant of the slow baseline adaptation after warm-up (ms), default 6 h; 0 disables it. */
  adaptTauMs?: number;
  /** A latched alarm clears once the mean level z of the parameters is below clearZ (default 1) and none is
   *  above 2.5 … */
  clearZ?: number;
  /** … for this many consecutive epochs, default 2. */
  clearEpochs?: number;
};

export type TrendSample = { t: number; values: Partial<Record<TrendParameter, number>> };

export type TrendDrift = {
  parameter: TrendParameter;
  /** The patient's learned baseline (unit of the parameter). */
  baseline: number;
  /** Current level: a short moving average of the epoch means. */
  current: number;
  /** current − baseline (signed, unit of the parameter). */
  delta: number;
  /** Standardized drift in the direction of concern. */
  z: number;
  /** Estimated onset: start of the epoch after the parameter's CUSUM last stood at 0 (ms). */
  sinceT: number;
};

export type TrendFinding = {
  /** When the alarm was raised (time of the reading that closed the deciding epoch). */
  t: number;
  /** Estimated onset of the drift. */
  sinceT: number;
  /** "combined": concordant drift of several parameters; "single": one parameter drifted far. */
  trigger: "combined" | "single";
  /** Drifting parameters, largest z first. */
  parameters: TrendDrift[];
  /** The deciding CUSUM's value divided by its threshold (≥ 1 when raised). */
  score: number;
};

export type ParameterBaseline = { mean: number; sd: number; effectiveEpochs: number };

export type TrendState = {
  phase: "warmup" | "monitoring" | "alarm";
  baselines: Partial<Record<TrendParameter, ParameterBaseline>>;
  cusum: Partial<Record<TrendParameter, number>>;
  combinedCusum: number;
  active: TrendFinding | null;
};

export type TrendDetector = {
  /** Feed readings in non-decreasing time order; returns a finding only when a new alarm is raised. */
  update(sample: TrendSample): TrendFinding | null;
  state(): TrendState;
};

// NEWS2 (National Early Warning Score 2, Royal College of Physicians, 2017): per-parameter scores,
// the aggregate 0–20 and the clinical response band. Pure and client-safe: no server imports, no I/O.
//
// Boundaries for real-valued input. The RCP chart prints integer ranges (one decimal for temperature),
// which leaves gaps such as resp rate 11–12 or temperature 36.0–36.1. One rule is applied to every
// parameter: a value belongs to the first cell, scanning from the low end of the chart upwards, whose
// printed upper bound it does not exceed. Each cell is therefore the half-open interval
// (previous upper bound, own upper bound]:
//   resp rate     ≤8 → 3 | >8 ≤11 → 1 | >11 ≤20 → 0 | >20 ≤24 → 2 | >24 → 3   (11.5 → 0, 20.5 → 2)
//   SpO2 scale 1  ≤91 → 3 | >91 ≤93 → 2 | >93 ≤95 → 1 | >95 → 0
//   SpO2 scale 2  ≤83 → 3 | >83 ≤85 → 2 | >85 ≤87 → 1 | >87 ≤92 → 0 | >92: on air → 0,
//                 on oxygen >92 ≤94 → 1 | >94 ≤96 → 2 | >96 → 3
//   systolic BP   ≤90 → 3 | >90 ≤100 → 2 | >100 ≤110 → 1 | >110 ≤219 → 0 | >219 → 3
//   pulse         ≤40 → 3 | >40 ≤50 → 1 | >50 ≤90 → 0 | >90 ≤110 → 1 | >110 ≤130 → 2 | >130 → 3
//   temperature   ≤35.0 → 3 | >35.0 ≤36.0 → 1 | >36.0 ≤38.0 → 0 | >38.0 ≤39.0 → 1 | >39.0 → 2
//                 (36.05 → 0, 38.05 → 1)
// Every printed integer (one-decimal for temperature) value scores exactly as the chart says.
//
// Missing is never zero: a parameter that is absent (undefined) or not a finite number (NaN, ±Infinity,
// which no working sensor produces) is reported in `missing`, and the total and band are then null.

export type News2Input = {
  resp_rate?: number;
  spo2?: number;
  /** 1 = supplemental oxygen, 0 = room air. */
  o2_supplement?: number;
  bp_sys?: number;
  heart_rate?: number;
  /** ACVPU code: 0 alert, 1 new confusion, 2 voice, 3 pain, 4 unresponsive. */
  consciousness?: number;
  /** °C */
  temp?: number;
};

/** RCP clinical response: low (0–4), low-medium (0–4 with a 3 in any single parameter), medium (5–6), high (7+). */
export const NEWS2_BANDS = ["low", "low-medium", "medium", "high"] as const;
export type News2Band = (typeof NEWS2_BANDS)[number];

export type News2Result = {
  /** Aggregate 0–20, or null when any parameter is missing. */
  total: number | null;
  complete: boolean;
  /** Parameters absent from the input (in chart order). */
  missing: (keyof News2Input)[];
  /** Scores of the parameters that could be scored. */
  components: Partial<Record<keyof News2Input, number>>;
  /** True when any scored parameter scores 3 (known even when the set is incomplete). */
  anySingleThree: boolean;
  /** Null when incomplete. */
  band: News2Band | null;
};

/** The seven NEWS2 parameters, in chart order. */
export const NEWS2_PARAMETERS = [
  "resp_rate",
  "spo2",
  "o2_supplement",
  "bp_sys",
  "heart_rate",
  "consciousness",
  "temp",
] as const satisfies readonly (keyof News2Input)[];
export type News2Parameter = (typeof NEWS2_PARAMETERS)[number];

type Cells = readonly (readonly [upperInclusive: number, score: number])[];

/** Score of the first cell whose upper bound `v` does not exceed; `above` when it exceeds them all. */
function scoreByUpperBounds(v: number, cells: Cells, above: number): number {
  for (const [upper, score] of cells) {
    if (v <= upper) return score;
  }
  return above;
}

const RESP_RATE: Cells = [
  [8, 3],
  [11, 1],
  [20, 0],
  [24, 2],
];
const SPO2_SCALE_1: Cells = [
  [91, 3],
  [93, 2],
  [95, 1],
];
const SPO2_SCALE_2_LOW: Cells = [
  [83, 3],
  [85, 2],
  [87, 1],
  [92, 0],
];
const SPO2_SCALE_2_ON_O2: Cells = [
  [94, 1],
  [96, 2],
];
const SYSTOLIC_BP: Cells = [
  [90, 3],
  [100, 2],
  [110, 1],
  [219, 0],
];
const PULSE: Cells = [
  [40, 3],
  [50, 1],
  [90, 0],
  [110, 1],
  [130, 2],
];
const TEMPERATURE: Cells = [
  [35.0, 3],
  [36.0, 1],
  [38.0, 0],
  [39.0, 1],
];

/** Respiration rate /min: ≤8 → 3, 9–11 → 1, 12–20 → 0, 21–24 → 2, ≥25 → 3. */
export function scoreRespRate(v: number): number {
  return scoreByUpperBounds(v, RESP_RATE, 3);
}

/** SpO2 % on scale 1: ≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0. */
export function scoreSpo2Scale1(v: number): number {
  return scoreByUpperBounds(v, SPO2_SCALE_1, 0);
}

/**
 * SpO2 % on scale 2 (hypercapnic respiratory failure, target 88–92%): ≤83 → 3, 84–85 → 2, 86–87 → 1,
 * 88–92 → 0 whatever the oxygen; ≥93 on air → 0; on oxygen 93–94 → 1, 95–96 → 2, ≥97 → 3.
 */
export function scoreSpo2Scale2(v: number, onOxygen: boolean): number {
  if (v <= 92) return scoreByUpperBounds(v, SPO2_SCALE_2_LOW, 0);
  if (!onOxygen) return 0;
  return scoreByUpperBounds(v, SPO2_SCALE_2_ON_O2, 3);
}

/** Supplemental oxygen → 2, room air → 0. */
export function scoreAirOrOxygen(onOxygen: boolean): number {
  return onOxygen ? 2 : 0;
}

/** Systolic BP mmHg: ≤90 → 3, 91–100 → 2, 101–110 → 1, 111–219 → 0, ≥220 → 3. */
export function scoreSystolicBp(v: number): number {
  return scoreByUpperBounds(v, SYSTOLIC_BP, 3);
}

/** Pulse /min: ≤40 → 3, 41–50 → 1, 51–90 → 0, 91–110 → 1, 111–130 → 2, ≥131 → 3. */
export function scorePulse(v: number): number {
  return scoreByUpperBounds(v, PULSE, 3);
}

/**
 * ACVPU: 0 (alert) → 0; 1 new confusion, 2 voice, 3 pain, 4 unresponsive → 3.
 * Anything other than exactly 0 is "not alert" and scores 3 (errs on the side of escalation).
 */
export function scoreConsciousness(acvpu: number): number {
  return acvpu === 0 ? 0 : 3;
}

/** Temperature °C: ≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2. */
export function scoreTemperature(v: number): number {
  return scoreByUpperBounds(v, TEMPERATURE, 2);
}

/** o2_supplement code → on oxygen. 0 is room air; any other value (the vocabulary sends 1) is oxygen. */
function isOnOxygen(code: number): boolean {
  return code !== 0;
}

function present(v: number | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function bandFor(total: number, anySingleThree: boolean): News2Band {
  if (total >= 7) return "high";
  if (total >= 5) return "medium";
  return anySingleThree ? "low-medium" : "low";
}

/**
 * Scores a set of observations. A missing parameter is missing, never 0: `total` and `band` are null
 * unless all seven are present. On scale 2 an SpO2 of 93% or more cannot be scored without knowing the
 * oxygen; if o2_supplement is then missing, spo2 is left out of `components` (it is not "missing" —
 * the reading exists — and the total is null anyway because o2_supplement is missing).
 */
export function scoreNews2(input: News2Input, opts: { spo2Scale: 1 | 2 }): News2Result {
  const missing: (keyof News2Input)[] = NEWS2_PARAMETERS.filter((k) => !present(input[k]));
  const components: Partial<Record<keyof News2Input, number>> = {};
  const { resp_rate, spo2, o2_supplement, bp_sys, heart_rate, consciousness, temp } = input;
  const onOxygen = present(o2_supplement) ? isOnOxygen(o2_supplement) : undefined;

  if (present(resp_rate)) components.resp_rate = scoreRespRate(resp_rate);
  if (present(spo2)) {
    if (opts.spo2Scale === 1) components.spo2 = scoreSpo2Scale1(spo2);
    else if (spo2 <= 92) components.spo2 = scoreSpo2Scale2(spo2, false);
    else if (onOxygen !== undefined) components.spo2 = scoreSpo2Scale2(spo2, onOxygen);
  }
  if (onOxygen !== undefined) components.o2_supplement = scoreAirOrOxygen(onOxygen);
  if (present(bp_sys)) components.bp_sys = scoreSystolicBp(bp_sys);
  if (present(heart_rate)) components.heart_rate = scorePulse(heart_rate);
  if (present(consciousness)) components.consciousness = scoreConsciousness(consciousness);
  if (present(temp)) components.temp = scoreTemperature(temp);

  const scores = Object.values(components);
  const anySingleThree = scores.some((s) => s === 3);
  const complete = missing.length === 0;
  const total = complete ? scores.reduce((a, b) => a + b, 0) : null;
  return {
    total,
    complete,
    missing,
    components,
    anySingleThree,
    band: total === null ? null : bandFor(total, anySingleThree),
  };
}

/**
 * Latest values within a freshness window: takes { key: { v, t (epoch ms or ISO text) } } and now, returns a News2Input
 * without stale values. Only the seven NEWS2 keys are read. A value is kept when its age (nowMs − t)
 * is at most windowMs (inclusive); a timestamp in the future (device clock skew) counts as fresh.
 * An unparseable timestamp or a non-finite value is dropped, so the parameter reads as missing.
 */
export function freshNews2Input(
  latest: Partial<Record<string, { v: number; t: number | string }>>,
  nowMs: number,
  windowMs: number,
): News2Input {
  const out: News2Input = {};
  for (const key of NEWS2_PARAMETERS) {
    const sample = latest[key];
    if (!sample || !present(sample.v)) continue;
    const tMs = typeof sample.t === "number" ? sample.t : Date.parse(sample.t);
    if (!Number.isFinite(tMs)) continue;
    if (nowMs - tMs <= windowMs) out[key] = sample.v;
  }
  return out;
}

// Per-parameter alarm limits: the built-in ward defaults, their priorities and confirmation delays, and
// how ward (scope "ward:<id>") and patient (scope "patient:<id>") overrides combine. Pure and client-safe.
//
// Each limited metric has a low/high limit (an override may move them; null in an override inherits)
// and fixed critical limits of high priority. A critical limit is never more sensitive than the
// limit it backs: with a low limit moved below it, the critical low follows it down.
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import type { AlertPriority } from "@/lib/events";

export type LimitSpec = {
  low: number | null;
  high: number | null;
  /** SpO2 on NEWS2 scale 2 (hypercapnic failure, target 88–92 %). */
  lowScale2?: number;
  lowPriority: AlertPriority;
  highPriority: AlertPriority;
  criticalLow: number | null;
  criticalHigh: number | null;
  criticalLowScale2?: number;
  /** Condition must persist this long (sample to sample) before it is raised: continuous vitals only. */
  confirmMs: number;
  /** A reading older than this (receive time) is not judged. */
  maxAgeMs: number;
  /** Rule-name overrides, e.g. CGM "urgent low". */
  names?: Partial<Record<LimitKind, { rule: string; label: string }>>;
};

export type LimitKind = "low" | "high" | "critical_low" | "critical_high";

const MIN = 60_000;

export const LIMIT_SPECS = {
  heart_rate: {
    low: 50,
    high: 120,
    lowPriority: "medium",
    highPriority: "medium",
    criticalLow: 40,
    criticalHigh: 150,
    confirmMs: 10_000,
    maxAgeMs: MIN,
  },
  spo2: {
    low: 90,
    lowScale2: 86,
    high: null,
    lowPriority: "medium",
    highPriority: "medium",
    criticalLow: 85,
    criticalLowScale2: 80,
    criticalHigh: null,
    confirmMs: 15_000,
    maxAgeMs: MIN,
    names: { critical_low: { rule: "spo2.desat", label: "Desaturation" } },
  },
  resp_rate: {
    low: 8,
    high: 30,
    lowPriority: "medium",
    highPriority: "medium",
    criticalLow: 5,
    criticalHigh: 40,
    confirmMs: 10_000,
    maxAgeMs: MIN,
  },
  bp_sys: {
    low: 90,
    high: 180,
    lowPriority: "medium",
    highPriority: "medium",
    criticalLow: 70,
    criticalHigh: 220,
    confirmMs: 0,
    maxAgeMs: 30 * MIN,
  },
  bp_dia: {
    low: null,
    high: 110,
    lowPriority: "medium",
    highPriority: "medium",
    criticalLow: null,
    criticalHigh: null,
    confirmMs: 0,
    maxAgeMs: 30 * MIN,
  },
  temp: {
    low: 35.5,
    high: 39,
    lowPriority: "low",
    highPriority: "low",
    criticalLow: null,
    criticalHigh: null,
    confirmMs: 0,
    maxAgeMs: 60 * MIN,
  },
  glucose: {
    low: 70,
    high: 250,
    lowPriority: "medium",
    highPriority: "low",
    criticalLow: 54,
    criticalHigh: null,
    confirmMs: 0,
    maxAgeMs: 20 * MIN,
    names: { critical_low: { rule: "glucose.urgent_low", label: "Urgent low glucose" } },
  },
} as const satisfies Partial<Record<MetricKey, LimitSpec>>;

export type LimitCode = keyof typeof LIMIT_SPECS;
export const LIMIT_CODES = Object.keys(LIMIT_SPECS) as LimitCode[];

export function isLimitCode(code: string): code is LimitCode {
  return Object.prototype.hasOwnProperty.call(LIMIT_SPECS, code);
}

export function limitSpec(code: LimitCode): LimitSpec {
  return LIMIT_SPECS[code];
}

export type LimitOverride = { low: number | null; high: number | null };

export type EffectiveLimits = {
  low: number | null;
  high: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
  source: { low: "default" | "ward" | "patient"; high: "default" | "ward" | "patient" };
};

type LimitSource = EffectiveLimits["source"]["low"];

/** One bound: the patient's override, else the ward's, else the default. (A module function, not a
 *  closure per call: the alarm engine asks for every limit of a patient on each of its frames.) */
function pickBound(
  opts: { ward?: LimitOverride; patient?: LimitOverride },
  bound: "low" | "high",
  fallback: number | null,
): { v: number | null; source: LimitSource } {
  if (opts.patient && opts.patient[bound] !== null) return { v: opts.patient[bound], source: "patient" };
  if (opts.ward && opts.ward[bound] !== null) return { v: opts.ward[bound], source: "ward" };
  return { v: fallback, source: "default" };
}

/** Patient override, else ward override, else the built-in default (per bound). */
export function effectiveLimits(
  code: LimitCode,
  opts: { spo2Scale: 1 | 2; ward?: LimitOverride; patient?: LimitOverride },
): EffectiveLimits {
  const spec = limitSpec(code);
  const scale2 = opts.spo2Scale === 2;
  const defaultLow = scale2 && spec.lowScale2 !== undefined ? spec.lowScale2 : spec.low;
  const low = pickBound(opts, "low", defaultLow);
  const high = pickBound(opts, "high", spec.high);
  const baseCriticalLow = scale2 && spec.criticalLowScale2 !== undefined ? spec.criticalLowScale2 : spec.criticalLow;
  const criticalLow = baseCriticalLow === null ? null : low.v === null ? baseCriticalLow : Math.min(baseCriticalLow, low.v);
  const criticalHigh = spec.criticalHigh === null ? null : high.v === null ? spec.criticalHigh : Math.max(spec.criticalHigh, high.v);
  return { low: low.v, high: high.v, criticalLow, criticalHigh, source: { low: low.source, high: high.source } };
}

/** Null when the override is acceptable, else the reason. */
export function checkLimitOverride(code: string, low: number | null, high: number | null): string | null {
  if (!isLimitCode(code)) return `alarm limits exist for: ${LIMIT_CODES.join(", ")}`;
  if (low === null && high === null) return "set a low limit, a high limit or both";
  const def = METRICS[code];
  for (const v of [low, high]) {
    if (v !== null && (!Number.isFinite(v) || v < def.min || v > def.max))
      return `a ${def.label} limit must lie within ${def.min}–${def.max} ${def.unit}`;
  }
  if (low !== null && high !== null && low >= high) return "the low limit must be below the high limit";
  return null;
}

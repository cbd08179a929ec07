// The portal's glucose view (pure): the current reading, time in the five consensus ranges today and over
// 14 days with each consensus target met or not, and the AGP (5/25/50/75/95th percentiles by time of day
// over 14 days). The range maths is lib/charts (prepare-cgm, prepare-agp), shared with the clinician's view.
import { agpProfile, agpRows, agpYDomain, agpYTicks, chooseAgpBinMinutes, type AgpRow } from "@/lib/charts/prepare-agp";
import {
  evaluateCgmTargets,
  glucoseRangeOf,
  summarizeCgm,
  type CgmTargetResult,
  type GlucoseRangeKey,
  type TirBucket,
} from "@/lib/charts/prepare-cgm";
import { DAY_MS, localMidnight } from "./local-days";

export type TimedValue = { t: number; v: number };

/** A reading older than this is not "current" (three missed CGM readings). */
export const CURRENT_GLUCOSE_MAX_AGE_MS = 15 * 60_000;

export type TirView = {
  buckets: TirBucket[];
  readings: number;
  /** Share of the period with CGM data, 0–1. */
  coverage: number;
  mean: number | null;
  targets: CgmTargetResult[];
};

export type GlucoseView = {
  current: { value: number; at: number; range: GlucoseRangeKey } | null;
  today: TirView;
  days14: TirView;
  agp: { rows: AgpRow[]; yDomain: [number, number]; yTicks: number[]; binMinutes: number };
  /** Glucose readings below 54 mg/dL in the last 14 days. */
  urgentLows14: number;
};

function tir(points: readonly TimedValue[], windowMs: number): TirView {
  const s = summarizeCgm(points, { windowMs });
  return { buckets: s.buckets, readings: s.readings, coverage: s.coverage, mean: s.mean, targets: evaluateCgmTargets(s) };
}

/** `points` in time order, the last 14 days at most. */
export function prepareGlucoseView(points: readonly TimedValue[], nowMs: number, tzOffsetMinutes: number): GlucoseView {
  const from14 = nowMs - 14 * DAY_MS;
  const last14 = points.filter((p) => p.t > from14 && p.t <= nowMs);
  const midnight = localMidnight(nowMs, tzOffsetMinutes);
  const today = last14.filter((p) => p.t >= midnight);
  const newest = last14.at(-1);
  const bins = agpProfile(last14, { binMinutes: chooseAgpBinMinutes(last14.length), tzOffsetMinutes: () => tzOffsetMinutes });
  const yDomain = agpYDomain(bins);
  return {
    current:
      newest && nowMs - newest.t <= CURRENT_GLUCOSE_MAX_AGE_MS ? { value: newest.v, at: newest.t, range: glucoseRangeOf(newest.v) } : null,
    today: tir(today, Math.max(nowMs - midnight, 1)),
    days14: tir(last14, 14 * DAY_MS),
    agp: { rows: agpRows(bins), yDomain, yTicks: agpYTicks(yDomain), binMinutes: bins.length ? 1440 / bins.length : 30 },
    urgentLows14: last14.filter((p) => p.v < 54).length,
  };
}

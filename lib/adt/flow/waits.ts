// The two waits of patient flow, over a window: from the decision to admit to a bed, and from the discharge
// order to the patient leaving. p50/p90 in minutes over the encounters where both times are known.
import { MINUTE_MS, inWindow, percentiles } from "./stats";
import { lastWard } from "./ward-stays";
import type { EncounterHistory, Kpi, Percentiles, TimeWindow } from "./flow-types";

export const ADMIT_TO_BED_DEFINITION =
  "Time from the decision to admit to a bed: bedAssignedAt − admitDecidedAt, p50 and p90 in minutes. Denominator: " +
  "encounters that got their bed in the period (on the ward admitted to, when a ward is given); numerator: those " +
  "with a recorded decision time (negative intervals, clock errors, left out).";

export const DISCHARGE_TO_LEFT_DEFINITION =
  "Time from the discharge order to leaving: dischargedAt − dischargeOrderedAt, p50 and p90 in minutes. " +
  "Denominator: encounters discharged in the period (from the ward, when given); numerator: those with a " +
  "recorded discharge order (negative intervals left out).";

function waitKpi(pairs: { id: string; start?: Date; end: Date }[], definition: string): Kpi<Percentiles> {
  const measured = pairs.filter((p): p is { id: string; start: Date; end: Date } => p.start !== undefined && p.end >= p.start);
  return {
    value: percentiles(measured.map((p) => (p.end.getTime() - p.start.getTime()) / MINUTE_MS)),
    numerator: measured.length,
    denominator: pairs.length,
    unit: "minutes",
    definition,
    rows: { numerator: measured.map((p) => p.id), denominator: pairs.map((p) => p.id) },
  };
}

export function admitDecisionToBed(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  options: { wardId?: string } = {},
): Kpi<Percentiles> {
  const pairs = encounters
    .filter((e) => inWindow(e.bedAssignedAt, window) && (!options.wardId || e.wardId === options.wardId))
    .map((e) => ({ id: e.encounterId, start: e.admitDecidedAt, end: e.bedAssignedAt as Date }));
  return waitKpi(pairs, ADMIT_TO_BED_DEFINITION);
}

export function dischargeOrderToDeparture(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  options: { wardId?: string } = {},
): Kpi<Percentiles> {
  const pairs = encounters
    .filter((e) => inWindow(e.dischargedAt, window) && (!options.wardId || lastWard(e) === options.wardId))
    .map((e) => ({ id: e.encounterId, start: e.dischargeOrderedAt, end: e.dischargedAt as Date }));
  return waitKpi(pairs, DISCHARGE_TO_LEFT_DEFINITION);
}

export const VACATED_TO_CLEANED_DEFINITION =
  "Time from a bed being vacated (discharge, transfer out) to it being marked cleaned: cleanedAt − vacatedAt, p50 and p90 in " +
  "minutes. Denominator: beds cleaned in the period (on the ward, when given); numerator: the same.";

/** Bed turnaround: vacated → cleaned, over the turnarounds cleaned in the window. */
export function bedVacatedToCleaned(
  turnarounds: readonly { bedId: string; wardId: string; vacatedAt: Date; cleanedAt?: Date }[],
  window: TimeWindow,
  options: { wardId?: string } = {},
): Kpi<Percentiles> {
  const pairs = turnarounds
    .filter((t) => inWindow(t.cleanedAt, window) && (!options.wardId || t.wardId === options.wardId))
    .map((t) => ({ id: t.bedId, start: t.vacatedAt, end: t.cleanedAt as Date }));
  return waitKpi(pairs, VACATED_TO_CLEANED_DEFINITION);
}

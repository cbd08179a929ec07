// Length of stay: per ward (time spent on that ward, for stays that ended in the window) and the hospital's
// average length of stay (whole encounters discharged in the window), the figure managers compare.
import { HOUR_MS, DAY_MS, inWindow, mean, median, quantile } from "./stats";
import { lastWard, wardStays } from "./ward-stays";
import type { EncounterHistory, Kpi, TimeWindow } from "./flow-types";

export interface WardLengthOfStay {
  wardId: string;
  /** Ward stays that ended (by transfer or discharge) in the window. */
  stays: number;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
  encounterIds: string[];
}

export function lengthOfStayByWard(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  wardIds: readonly string[] = [],
): WardLengthOfStay[] {
  const hours = new Map<string, { values: number[]; ids: string[] }>(wardIds.map((id) => [id, { values: [], ids: [] }]));
  for (const e of encounters) {
    for (const stay of wardStays(e)) {
      if (!stay.to || !inWindow(stay.to, window)) continue;
      const bucket = hours.get(stay.wardId) ?? { values: [], ids: [] };
      bucket.values.push((stay.to.getTime() - stay.from.getTime()) / HOUR_MS);
      bucket.ids.push(e.encounterId);
      hours.set(stay.wardId, bucket);
    }
  }
  return [...hours.entries()].map(([wardId, { values, ids }]) => ({
    wardId,
    stays: values.length,
    meanHours: mean(values),
    medianHours: median(values),
    p90Hours: quantile(values, 0.9),
    encounterIds: ids,
  }));
}

export const AVERAGE_LENGTH_OF_STAY_DEFINITION =
  "Average length of stay: the sum of (discharge time − admission time) over encounters discharged in the period, " +
  "divided by the number of those discharges (numerator in days, denominator discharges). With a ward, only " +
  "encounters that left hospital from that ward. Patients still in hospital do not count.";

export function averageLengthOfStay(encounters: readonly EncounterHistory[], window: TimeWindow, options: { wardId?: string } = {}): Kpi {
  const ids: string[] = [];
  let totalDays = 0;
  for (const e of encounters) {
    if (!inWindow(e.dischargedAt, window)) continue;
    if (options.wardId && lastWard(e) !== options.wardId) continue;
    totalDays += (e.dischargedAt.getTime() - e.admittedAt.getTime()) / DAY_MS;
    ids.push(e.encounterId);
  }
  return {
    value: ids.length === 0 ? null : totalDays / ids.length,
    numerator: totalDays,
    denominator: ids.length,
    unit: "days",
    definition: AVERAGE_LENGTH_OF_STAY_DEFINITION,
    rows: { numerator: ids, denominator: ids },
  };
}

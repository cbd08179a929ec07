// Bed occupancy: occupied bed-hours over available bed-hours in a window. A bed is occupied from when the
// patient got it (or arrived by transfer) until they left it; available bed-hours are the ward's staffed
// beds times the window's length.
import { HOUR_MS, overlapMs } from "./stats";
import { wardStays } from "./ward-stays";
import { FlowInputError, type EncounterHistory, type Kpi, type TimeWindow } from "./flow-types";

export interface WardBeds {
  wardId: string;
  beds: number;
}

export const BED_OCCUPANCY_DEFINITION =
  "Bed occupancy: occupied bed-hours ÷ available bed-hours in the period. Occupied: from bed assignment (or arrival " +
  "by transfer) to leaving that bed, clipped to the period. Available: beds on the ward(s) × hours in the period. " +
  "Above 1 means more patients than beds (overflow).";

/** Occupied bed-hours in the window, on one ward or all, with the encounters that contributed. */
export function occupiedBedHours(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  wardId?: string,
): { hours: number; encounterIds: string[] } {
  let ms = 0;
  const ids = new Set<string>();
  for (const e of encounters) {
    for (const stay of wardStays(e)) {
      if (!stay.bedFrom || (wardId && stay.wardId !== wardId)) continue;
      const shared = overlapMs(stay.bedFrom, stay.to, window.from, window.to);
      if (shared > 0) {
        ms += shared;
        ids.add(e.encounterId);
      }
    }
  }
  return { hours: ms / HOUR_MS, encounterIds: [...ids] };
}

export function bedOccupancy(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  wardBeds: readonly WardBeds[],
  options: { wardId?: string } = {},
): Kpi {
  for (const [i, w] of wardBeds.entries()) {
    if (!Number.isInteger(w.beds) || w.beds < 0)
      throw new FlowInputError(`wardBeds[${i}].beds`, `must be a whole number ≥ 0, got ${w.beds}`);
  }
  if (window.to <= window.from) throw new FlowInputError("window", "must end after it starts");
  const beds = wardBeds.filter((w) => !options.wardId || w.wardId === options.wardId).reduce((sum, w) => sum + w.beds, 0);
  const available = (beds * (window.to.getTime() - window.from.getTime())) / HOUR_MS;
  const occupied = occupiedBedHours(encounters, window, options.wardId);
  return {
    value: available === 0 ? null : occupied.hours / available,
    numerator: occupied.hours,
    denominator: available,
    unit: "ratio",
    definition: BED_OCCUPANCY_DEFINITION,
    rows: { numerator: occupied.encounterIds, denominator: [] },
  };
}

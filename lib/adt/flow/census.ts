// Census per ward at an instant, and movements (admissions, discharges, transfers in and out) over a window.
import { inWindow } from "./stats";
import { stayAt, wardStays } from "./ward-stays";
import type { EncounterHistory, TimeWindow } from "./flow-types";

export interface WardCensus {
  wardId: string;
  /** Admitted patients in a bed on the ward. */
  inBed: number;
  /** Admitted to the ward but not in a bed there yet. */
  awaitingBed: number;
  encounterIds: string[];
}

/** One row per ward seen in the data or listed in `wardIds` (listed wards first, zeros included). */
export function censusAt(encounters: readonly EncounterHistory[], at: Date, wardIds: readonly string[] = []): WardCensus[] {
  const rows = new Map<string, WardCensus>(wardIds.map((id) => [id, { wardId: id, inBed: 0, awaitingBed: 0, encounterIds: [] }]));
  for (const e of encounters) {
    const stay = stayAt(e, at);
    if (!stay) continue;
    const row = rows.get(stay.wardId) ?? { wardId: stay.wardId, inBed: 0, awaitingBed: 0, encounterIds: [] };
    if (stay.bedFrom && stay.bedFrom <= at) row.inBed += 1;
    else row.awaitingBed += 1;
    row.encounterIds.push(e.encounterId);
    rows.set(stay.wardId, row);
  }
  return [...rows.values()];
}

export interface WardMovements {
  wardId: string;
  admissions: number;
  discharges: number;
  transfersIn: number;
  transfersOut: number;
}

export interface Movements {
  admissions: number;
  discharges: number;
  byWard: WardMovements[];
}

/**
 * Admissions (admittedAt in the window, on the ward admitted to), discharges (dischargedAt in the window,
 * from the ward left) and transfers between wards, e.g. for "today" use localDayWindow.
 */
export function movementsIn(encounters: readonly EncounterHistory[], window: TimeWindow, wardIds: readonly string[] = []): Movements {
  const rows = new Map<string, WardMovements>(
    wardIds.map((id) => [id, { wardId: id, admissions: 0, discharges: 0, transfersIn: 0, transfersOut: 0 }]),
  );
  const row = (wardId: string) => {
    let r = rows.get(wardId);
    if (!r) rows.set(wardId, (r = { wardId, admissions: 0, discharges: 0, transfersIn: 0, transfersOut: 0 }));
    return r;
  };
  let admissions = 0;
  let discharges = 0;
  for (const e of encounters) {
    if (inWindow(e.admittedAt, window)) {
      admissions += 1;
      row(e.wardId).admissions += 1;
    }
    for (const t of e.transfers) {
      if (!inWindow(t.at, window)) continue;
      row(t.fromWard).transfersOut += 1;
      row(t.toWard).transfersIn += 1;
    }
    if (inWindow(e.dischargedAt, window)) {
      discharges += 1;
      row(wardStays(e).at(-1)?.wardId ?? e.wardId).discharges += 1;
    }
  }
  return { admissions, discharges, byWard: [...rows.values()] };
}

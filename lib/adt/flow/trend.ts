// The daily flow trend over the last N local days (default 30): admissions, discharges, the midnight
// census, the two waits' medians, average length of stay and, given bed counts, occupancy, per day.
// Days are calendar days in the hospital's time zone, so a DST day is 23 or 25 hours long.
import { censusAt, movementsIn } from "./census";
import { averageLengthOfStay } from "./length-of-stay";
import { admitDecisionToBed, dischargeOrderToDeparture } from "./waits";
import { bedOccupancy, type WardBeds } from "./occupancy";
import { localDayWindow, nextDay } from "../time-zone";
import type { EncounterHistory } from "./flow-types";

export interface FlowDay {
  day: string;
  from: Date;
  to: Date;
  admissions: number;
  discharges: number;
  /** Patients in a bed at the end of the day (the midnight census). */
  census: number;
  admitToBedP50Minutes: number | null;
  dischargeToLeftP50Minutes: number | null;
  averageLengthOfStayDays: number | null;
  /** Only when bed counts are given. */
  occupancy: number | null;
}

export interface TrendOptions {
  /** The last day of the trend, YYYY-MM-DD (usually today). */
  lastDay: string;
  days?: number;
  timeZone?: string;
  wardId?: string;
  wardBeds?: readonly WardBeds[];
}

export function dailyFlowTrend(encounters: readonly EncounterHistory[], options: TrendOptions): FlowDay[] {
  const days = options.days ?? 30;
  const tz = options.timeZone ?? "UTC";
  const scope = { wardId: options.wardId };
  const out: FlowDay[] = [];
  for (let i = days - 1; i >= 0; i -= 1) {
    const day = nextDay(options.lastDay, -i);
    const window = localDayWindow(day, tz);
    const moves = movementsIn(encounters, window);
    const ward = options.wardId ? moves.byWard.find((w) => w.wardId === options.wardId) : undefined;
    const census = censusAt(encounters, window.to).filter((c) => !options.wardId || c.wardId === options.wardId);
    out.push({
      day,
      from: window.from,
      to: window.to,
      admissions: options.wardId ? (ward?.admissions ?? 0) : moves.admissions,
      discharges: options.wardId ? (ward?.discharges ?? 0) : moves.discharges,
      census: census.reduce((sum, c) => sum + c.inBed, 0),
      admitToBedP50Minutes: admitDecisionToBed(encounters, window, scope).value.p50,
      dischargeToLeftP50Minutes: dischargeOrderToDeparture(encounters, window, scope).value.p50,
      averageLengthOfStayDays: averageLengthOfStay(encounters, window, scope).value,
      occupancy: options.wardBeds ? bedOccupancy(encounters, window, options.wardBeds, scope).value : null,
    });
  }
  return out;
}

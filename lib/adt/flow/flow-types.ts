// Plain inputs and outputs of the patient-flow and KPI math. The database wiring maps its rows to these;
// nothing here knows Prisma, HTTP or the clock.

export interface Transfer {
  at: Date;
  fromWard: string;
  toWard: string;
}

/** One hospital stay (encounter) as its history of times. Absent times have not happened (yet). */
export interface EncounterHistory {
  encounterId: string;
  patientId: string;
  /** The ward admitted to. */
  wardId: string;
  /** The decision to admit (e.g. in the emergency department), before a bed is found. */
  admitDecidedAt?: Date;
  admittedAt: Date;
  /** When the patient got a bed on `wardId`; absent means no bed yet. */
  bedAssignedAt?: Date;
  transfers: Transfer[];
  dischargeOrderedAt?: Date;
  dischargedAt?: Date;
  /** PV1-36 code (see lib/adt/dispositions). */
  disposition?: string;
}

/** Half-open [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/**
 * A figure with what it counts. `value` is computed from `numerator` and `denominator` as `definition`
 * says (a rate, a mean, or percentiles over the numerator's items); `rows` are the ids behind it, for a
 * "show the rows" link and CSV.
 */
export interface Kpi<V = number | null> {
  value: V;
  numerator: number;
  denominator: number;
  unit: string;
  definition: string;
  rows?: { numerator: string[]; denominator: string[] };
}

/** A rejected input row: which one, which field, why. */
export interface FlowInputProblem {
  id: string;
  field: string;
  reason: string;
}

export class FlowInputError extends RangeError {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "FlowInputError";
  }
}

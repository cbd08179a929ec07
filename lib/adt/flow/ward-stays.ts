// An encounter as a sequence of ward stays: admitted to one ward, each transfer ends that stay and starts
// one on the next ward, discharge ends the last. A stay occupies a bed from when the bed was assigned
// (for the first ward) or from the transfer (a transfer moves bed to bed). Also screens input rows.
import type { EncounterHistory, FlowInputProblem } from "./flow-types";

export interface WardStay {
  encounterId: string;
  patientId: string;
  wardId: string;
  from: Date;
  /** null: still there. */
  to: Date | null;
  /** When the stay started to occupy a bed on this ward; null: never got one there. */
  bedFrom: Date | null;
  endedBy: "transfer" | "discharge" | null;
}

export function wardStays(e: EncounterHistory): WardStay[] {
  const transfers = [...e.transfers].sort((a, b) => a.at.getTime() - b.at.getTime());
  const stays: WardStay[] = [];
  let ward = e.wardId;
  let from = e.admittedAt;
  let bedFrom: Date | null = e.bedAssignedAt ?? null;
  for (const t of transfers) {
    stays.push({
      encounterId: e.encounterId,
      patientId: e.patientId,
      wardId: ward,
      from,
      to: t.at,
      bedFrom: bedFrom && bedFrom < t.at ? bedFrom : null,
      endedBy: "transfer",
    });
    ward = t.toWard;
    from = t.at;
    bedFrom = t.at;
  }
  const end = e.dischargedAt ?? null;
  stays.push({
    encounterId: e.encounterId,
    patientId: e.patientId,
    wardId: ward,
    from,
    to: end,
    bedFrom: bedFrom && (!end || bedFrom < end) ? bedFrom : null,
    endedBy: end ? "discharge" : null,
  });
  return stays;
}

/** The stay an encounter is in at `at`, if any. */
export function stayAt(e: EncounterHistory, at: Date): WardStay | null {
  return wardStays(e).find((s) => s.from <= at && (s.to === null || at < s.to)) ?? null;
}

/** The ward the patient left hospital from (or is on now). */
export function lastWard(e: EncounterHistory): string {
  return wardStays(e).at(-1)?.wardId ?? e.wardId;
}

const isDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * Splits rows into those the figures can use and those they cannot, each with the field and why, so the
 * caller can log the poison rows and still compute from the rest.
 */
export function screenEncounters(encounters: readonly EncounterHistory[]): { valid: EncounterHistory[]; rejected: FlowInputProblem[] } {
  const valid: EncounterHistory[] = [];
  const rejected: FlowInputProblem[] = [];
  for (const e of encounters) {
    const problem = problemOf(e);
    if (problem) rejected.push({ id: e.encounterId, ...problem });
    else valid.push(e);
  }
  return { valid, rejected };
}

function problemOf(e: EncounterHistory): { field: string; reason: string } | null {
  if (!e.encounterId) return { field: "encounterId", reason: "is empty" };
  if (!e.patientId) return { field: "patientId", reason: "is empty" };
  if (!e.wardId) return { field: "wardId", reason: "is empty" };
  if (!isDate(e.admittedAt)) return { field: "admittedAt", reason: "is not a valid date" };
  for (const key of ["admitDecidedAt", "bedAssignedAt", "dischargeOrderedAt", "dischargedAt"] as const) {
    const value = e[key];
    if (value !== undefined && !isDate(value)) return { field: key, reason: "is not a valid date" };
  }
  if (e.dischargedAt && e.dischargedAt < e.admittedAt) return { field: "dischargedAt", reason: "is before admittedAt" };
  if (e.dischargeOrderedAt && e.dischargedAt && e.dischargeOrderedAt > e.dischargedAt) {
    return { field: "dischargeOrderedAt", reason: "is after dischargedAt" };
  }
  const transfers = [...e.transfers].sort((a, b) => a.at.getTime() - b.at.getTime());
  let ward = e.wardId;
  for (const [i, t] of transfers.entries()) {
    if (!isDate(t.at)) return { field: `transfers[${i}].at`, reason: "is not a valid date" };
    if (t.at < e.admittedAt) return { field: `transfers[${i}].at`, reason: "is before admittedAt" };
    if (e.dischargedAt && t.at > e.dischargedAt) return { field: `transfers[${i}].at`, reason: "is after dischargedAt" };
    if (t.fromWard !== ward) return { field: `transfers[${i}].fromWard`, reason: `is ${t.fromWard} but the patient was on ${ward}` };
    ward = t.toWard;
  }
  return null;
}

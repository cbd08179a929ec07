// 30-day readmission rate. Index: an encounter discharged alive in the period whose 30 days of follow-up
// have passed by `asOf`. Readmitted: the same patient admitted again within 30 days after that discharge.
import { DAY_MS, inWindow } from "./stats";
import { isDeathDisposition } from "../dispositions";
import { lastWard } from "./ward-stays";
import type { EncounterHistory, Kpi, TimeWindow } from "./flow-types";

export const readmissionDefinition = (days: number) =>
  `${days}-day readmission rate: index discharges followed by another admission of the same patient within ${days} days ` +
  `(after the discharge, up to ${days} × 24 h), ÷ index discharges. Index discharges: encounters discharged in the ` +
  `period, not by death (dispositions 20, 40, 41, 42), whose ${days}-day follow-up has ended; with a ward, those that ` +
  "left from it (the readmission may be to any ward). Planned readmissions are not told apart.";

export function readmissionRate(
  encounters: readonly EncounterHistory[],
  window: TimeWindow,
  options: { asOf: Date; days?: number; wardId?: string },
): Kpi & { pendingFollowUp: number } {
  const days = options.days ?? 30;
  const horizon = days * DAY_MS;
  const admissionsByPatient = new Map<string, { id: string; at: number }[]>();
  for (const e of encounters) {
    const list = admissionsByPatient.get(e.patientId) ?? [];
    list.push({ id: e.encounterId, at: e.admittedAt.getTime() });
    admissionsByPatient.set(e.patientId, list);
  }

  const index: string[] = [];
  const readmitted: string[] = [];
  let pendingFollowUp = 0;
  for (const e of encounters) {
    if (!inWindow(e.dischargedAt, window) || isDeathDisposition(e.disposition)) continue;
    if (options.wardId && lastWard(e) !== options.wardId) continue;
    const discharged = e.dischargedAt.getTime();
    if (discharged + horizon > options.asOf.getTime()) {
      pendingFollowUp += 1;
      continue;
    }
    index.push(e.encounterId);
    const again = (admissionsByPatient.get(e.patientId) ?? []).some(
      (a) => a.id !== e.encounterId && a.at >= discharged && a.at <= discharged + horizon,
    );
    if (again) readmitted.push(e.encounterId);
  }
  return {
    value: index.length === 0 ? null : readmitted.length / index.length,
    numerator: readmitted.length,
    denominator: index.length,
    unit: "ratio",
    definition: readmissionDefinition(days),
    rows: { numerator: readmitted, denominator: index },
    pendingFollowUp,
  };
}

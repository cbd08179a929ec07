// PV1 of an ADT message: patient class, the bed as `<ward code>^<room>^<bed label>` (PV1-3, and PV1-6
// before a transfer), the visit number, discharge disposition and the admit/discharge times.
import type { Hl7Segment } from "@medplum/core";
import { componentOf } from "./hl7-fields";
import { parseHl7Timestamp } from "./hl7-datetime";
import { PATIENT_CLASSES, type AdtEvent, type AdtVisit, type BedLocation, type Hl7FieldError, type PatientClass } from "./adt-types";

/** Events that need a PV1 at all, and those that need a full bed in PV1-3. */
const PV1_REQUIRED: readonly AdtEvent[] = ["A01", "A02", "A03", "A04"];
const BED_REQUIRED: readonly AdtEvent[] = ["A01", "A02"];
const CLASS_REQUIRED: readonly AdtEvent[] = ["A01", "A04"];

function readLocation(pv1: Hl7Segment, field: number): BedLocation | null {
  const wardCode = componentOf(pv1, field, 1);
  const room = componentOf(pv1, field, 2);
  const bedLabel = componentOf(pv1, field, 3);
  if (!wardCode && !room && !bedLabel) return null;
  return { wardCode, room: room || null, bedLabel: bedLabel || null };
}

function readTime(pv1: Hl7Segment, field: number, what: string, timeZone: string, errors: Hl7FieldError[]): Date | null {
  const raw = componentOf(pv1, field, 1);
  if (!raw) return null;
  const parsed = parseHl7Timestamp(raw, timeZone);
  if (parsed.ok) return parsed.value;
  errors.push({ segment: "PV1", field, code: 102, reason: `${what} ${parsed.reason}` });
  return null;
}

export interface VisitRead {
  visit: AdtVisit;
  dischargeDisposition: string | null;
  admitAt: Date | null;
  dischargeAt: Date | null;
}

const isPatientClass = (value: string): value is PatientClass => Object.hasOwn(PATIENT_CLASSES, value);

export function readVisit(
  pv1: Hl7Segment | undefined,
  event: AdtEvent,
  eventAt: Date | null,
  timeZone: string,
  errors: Hl7FieldError[],
): VisitRead {
  const empty: AdtVisit = { patientClass: null, visitNumber: null, location: null, priorLocation: null };
  if (!pv1) {
    if (PV1_REQUIRED.includes(event))
      errors.push({ segment: "PV1", field: 0, code: 100, reason: `PV1 segment is missing (required for ${event})` });
    return {
      visit: empty,
      dischargeDisposition: null,
      admitAt: event === "A01" || event === "A04" ? eventAt : null,
      dischargeAt: event === "A03" ? eventAt : null,
    };
  }

  const rawClass = componentOf(pv1, 2, 1).toUpperCase();
  let patientClass: PatientClass | null = null;
  if (!rawClass) {
    if (CLASS_REQUIRED.includes(event))
      errors.push({ segment: "PV1", field: 2, code: 101, reason: `patient class is missing (required for ${event})` });
  } else if (isPatientClass(rawClass)) patientClass = rawClass;
  else
    errors.push({
      segment: "PV1",
      field: 2,
      code: 103,
      reason: `patient class "${rawClass}" is not in HL7 table 0004 (E, I, O, P, R, B, C, N, U)`,
    });

  const location = readLocation(pv1, 3);
  if (BED_REQUIRED.includes(event)) {
    if (!location)
      errors.push({ segment: "PV1", field: 3, code: 101, reason: `assigned bed is missing (required for ${event}, as ward^room^bed)` });
    else if (!location.wardCode) errors.push({ segment: "PV1", field: 3, component: 1, code: 101, reason: "ward code is missing" });
    else if (!location.bedLabel) errors.push({ segment: "PV1", field: 3, component: 3, code: 101, reason: "bed label is missing" });
  } else if (location && !location.wardCode) {
    errors.push({ segment: "PV1", field: 3, component: 1, code: 101, reason: "room or bed given without a ward code" });
  }
  const priorLocation = readLocation(pv1, 6);

  let admitAt = readTime(pv1, 44, "admit date/time", timeZone, errors);
  let dischargeAt = readTime(pv1, 45, "discharge date/time", timeZone, errors);
  if (!admitAt && (event === "A01" || event === "A04")) admitAt = eventAt;
  if (!dischargeAt && event === "A03") dischargeAt = eventAt;
  if (admitAt && dischargeAt && dischargeAt < admitAt) {
    errors.push({ segment: "PV1", field: 45, code: 102, reason: "discharge date/time is before the admit date/time (PV1-44)" });
  }

  return {
    visit: { patientClass, visitNumber: componentOf(pv1, 19, 1) || null, location, priorLocation },
    dischargeDisposition: componentOf(pv1, 36, 1) || null,
    admitAt,
    dischargeAt,
  };
}

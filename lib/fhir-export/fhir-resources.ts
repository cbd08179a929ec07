// Pure mappers from the platform's rows to FHIR R4 resources (one function per resource type). Ids and
// references are urn:uuid values derived from the row's own id (fhirUuid), so a Bundle's entries point at
// each other without a FHIR server. Codes: LOINC and UCUM from lib/domain/metrics, NEWS2 total SNOMED CT.
import crypto from "node:crypto";
import { METRICS, type MetricKey } from "@/lib/domain/metrics";

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

/** The code systems the export names (our own codes under IOMT_SYSTEM). */
export const SYSTEMS = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  ucum: "http://unitsofmeasure.org",
  obsCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  consentCategory: "http://loinc.org",
  purposeOfUse: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  iomt: "https://iomt-ward.example/fhir",
} as const;

export const NEWS2_SNOMED = "1104051000000101";

/** A stable UUID (RFC 4122 layout, version 5 style) for a row: the same row always gets the same id. */
export function fhirUuid(type: string, id: string): string {
  const h = crypto.createHash("sha1").update(`${type}/${id}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const refTo = (type: string, id: string, display?: string) => ({
  reference: `urn:uuid:${fhirUuid(type, id)}`,
  ...(display ? { display } : {}),
});

const iso = (d: Date | string) => new Date(d).toISOString();

export type PatientRow = {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
};

const GENDER: Record<string, string> = { M: "male", F: "female", O: "other", U: "unknown" };

export function patientResource(p: PatientRow): FhirResource {
  return {
    resourceType: "Patient",
    id: fhirUuid("Patient", p.id),
    identifier: [
      { use: "usual", type: { text: "Medical record number" }, system: `${SYSTEMS.iomt}/mrn`, value: p.mrn },
      { system: `${SYSTEMS.iomt}/patient-id`, value: p.id },
    ],
    name: [{ use: "official", family: p.familyName, given: p.givenName.split(/\s+/).filter(Boolean) }],
    gender: GENDER[p.sex] ?? "unknown",
    birthDate: p.birthDate,
  };
}

export type EncounterRow = {
  id: string;
  patientId: string;
  wardName: string | null;
  status: string;
  patientClass: string;
  admittedAt: Date | string;
  dischargedAt: Date | string | null;
};

const ENCOUNTER_CLASS: Record<string, { code: string; display: string }> = {
  I: { code: "IMP", display: "inpatient encounter" },
  O: { code: "AMB", display: "ambulatory" },
  E: { code: "EMER", display: "emergency" },
};

export function encounterResource(e: EncounterRow): FhirResource {
  const cls = ENCOUNTER_CLASS[e.patientClass] ?? ENCOUNTER_CLASS.I!;
  const status = e.status === "cancelled" ? "cancelled" : e.dischargedAt ? "finished" : "in-progress";
  return {
    resourceType: "Encounter",
    id: fhirUuid("Encounter", e.id),
    identifier: [{ system: `${SYSTEMS.iomt}/encounter-id`, value: e.id }],
    status,
    class: { system: SYSTEMS.actCode, ...cls },
    subject: refTo("Patient", e.patientId),
    period: { start: iso(e.admittedAt), ...(e.dischargedAt ? { end: iso(e.dischargedAt) } : {}) },
    ...(e.wardName ? { serviceProvider: { display: e.wardName } } : {}),
  };
}

export type DeviceRow = {
  id: string;
  type: string;
  status: string;
  model: string | null;
  serialNumber: string | null;
  udi: string | null;
  patientId: string;
};

export function deviceResource(d: DeviceRow): FhirResource {
  return {
    resourceType: "Device",
    id: fhirUuid("Device", d.id),
    identifier: [{ system: `${SYSTEMS.iomt}/device-id`, value: d.id }],
    ...(d.udi ? { udiCarrier: [{ carrierHRF: d.udi }] } : {}),
    status: d.status === "active" ? "active" : "inactive",
    ...(d.serialNumber ? { serialNumber: d.serialNumber } : {}),
    ...(d.model ? { modelNumber: d.model, deviceName: [{ name: d.model, type: "model-name" }] } : {}),
    type: { coding: [{ system: `${SYSTEMS.iomt}/device-type`, code: d.type }], text: d.type },
    patient: refTo("Patient", d.patientId),
  };
}

export type ObservationRow = {
  id: string;
  patientId: string;
  deviceId: string;
  code: string;
  value: number;
  ts: Date | string;
  /** For a blood pressure panel: the diastolic value read at the same time by the same device. */
  diastolic?: number | null;
  /** Implausible for a live patient: stored, kept out of scoring and alarms. */
  artifact?: boolean;
};

const VITAL_SIGNS = [{ coding: [{ system: SYSTEMS.obsCategory, code: "vital-signs", display: "Vital Signs" }] }];

function codeOf(key: string) {
  if (key === "news2") {
    return {
      coding: [{ system: SYSTEMS.snomed, code: NEWS2_SNOMED, display: "Royal College of Physicians NEWS2 total score" }],
      text: "NEWS2",
    };
  }
  const m = METRICS[key as MetricKey];
  const own = { system: `${SYSTEMS.iomt}/metric`, code: key };
  return { coding: m?.loinc ? [{ system: SYSTEMS.loinc, code: m.loinc, display: m.label }, own] : [own], text: m?.label ?? key };
}

function quantity(key: string, value: number) {
  const unit = METRICS[key as MetricKey]?.unit ?? "1";
  return { value, unit, system: SYSTEMS.ucum, code: unit };
}

/** One reading; a systolic reading with its diastolic partner becomes the blood pressure panel (85354-9).
 *  `withoutDevice`: the platform's own reading (NEWS2) or a device not in the Bundle: no device reference. */
export function observationResource(o: ObservationRow, withoutDevice: boolean): FhirResource {
  const base = {
    resourceType: "Observation",
    id: fhirUuid("Observation", o.id),
    identifier: [{ system: `${SYSTEMS.iomt}/observation-id`, value: o.id }],
    status: "final",
    category: VITAL_SIGNS,
    subject: refTo("Patient", o.patientId),
    effectiveDateTime: iso(o.ts),
    ...(withoutDevice ? {} : { device: refTo("Device", o.deviceId) }),
    ...(o.artifact ? { note: [{ text: "Flagged as an artifact (implausible for a live patient): kept out of scoring and alarms." }] } : {}),
  };
  if (o.code === "bp_sys" && o.diastolic !== undefined && o.diastolic !== null) {
    return {
      ...base,
      code: { coding: [{ system: SYSTEMS.loinc, code: "85354-9", display: "Blood pressure panel" }], text: "Blood pressure" },
      component: [
        { code: codeOf("bp_sys"), valueQuantity: quantity("bp_sys", o.value) },
        { code: codeOf("bp_dia"), valueQuantity: quantity("bp_dia", o.diastolic) },
      ],
    };
  }
  const unit = METRICS[o.code as MetricKey]?.unit;
  // ACVPU is a code, not a quantity: its level as an integer (0 alert ... 4 unresponsive).
  const value = unit === "code" ? { valueInteger: Math.round(o.value) } : { valueQuantity: quantity(o.code, o.value) };
  return { ...base, code: codeOf(o.code), ...value };
}

// Pure mappers for the record's decisions and events: Consent (one per purpose, the decision in force) and
// the patient's alerts as DetectedIssue. Why DetectedIssue and not Flag: an alert is a clinical issue the
// platform detected at one moment from the readings (severity, the implicated device and reading, and the
// mitigations taken: acknowledged, resolved), which is DetectedIssue's scope; R4 Flag is a standing
// administrative or clinical warning shown while it is active (e.g. "fall risk"), not a detected event.
import { CONSENT_INFO, type ConsentState } from "@/lib/consent/consent-purposes";
import { SYSTEMS, fhirUuid, refTo, type FhirResource } from "./fhir-resources";

const iso = (d: Date | string) => new Date(d).toISOString();

/** HL7 PurposeOfUse where one fits; every purpose also carries our own code. */
const PURPOSE_OF_USE: Record<string, string> = { care: "TREAT", remote_monitoring: "TREAT", research: "HRESCH" };

export function consentResource(patientId: string, c: ConsentState): FhirResource {
  const research = c.purpose === "research";
  const scope = research ? "research" : "patient-privacy";
  return {
    resourceType: "Consent",
    id: fhirUuid("Consent", `${patientId}/${c.purpose}`),
    status: "active",
    scope: { coding: [{ system: SYSTEMS.consentScope, code: scope }] },
    category: [{ coding: [{ system: SYSTEMS.loinc, code: "59284-0", display: "Patient Consent" }] }],
    patient: refTo("Patient", patientId),
    ...(c.recordedAt ? { dateTime: c.recordedAt } : {}),
    policyRule: { coding: [{ system: `${SYSTEMS.iomt}/consent-text`, code: c.textVersion }], text: CONSENT_INFO[c.purpose].text },
    provision: {
      type: c.granted ? "permit" : "deny",
      purpose: [
        ...(PURPOSE_OF_USE[c.purpose] ? [{ system: SYSTEMS.purposeOfUse, code: PURPOSE_OF_USE[c.purpose] }] : []),
        { system: `${SYSTEMS.iomt}/consent-purpose`, code: c.purpose, display: CONSENT_INFO[c.purpose].label },
      ],
    },
    extension: [
      {
        url: `${SYSTEMS.iomt}/StructureDefinition/consent-source`,
        valueString: c.source === "default" ? "default (no decision recorded)" : `recorded via ${c.channel ?? "unknown"}`,
      },
    ],
  };
}

export type AlertRow = {
  id: string;
  patientId: string;
  rule: string;
  priority: string;
  state: string;
  message: string;
  value: number | null;
  deviceId: string | null;
  raisedAt: Date | string;
  acknowledgedAt: Date | string | null;
  resolvedAt: Date | string | null;
  resolveReason: string | null;
};

const SEVERITY: Record<string, string> = { high: "high", medium: "moderate", low: "low", technical: "low" };

export function alertResource(a: AlertRow, exportedDevice: boolean): FhirResource {
  const mitigation = [
    ...(a.acknowledgedAt ? [{ action: { text: "acknowledged" }, date: iso(a.acknowledgedAt) }] : []),
    ...(a.resolvedAt ? [{ action: { text: a.resolveReason ? `resolved: ${a.resolveReason}` : "resolved" }, date: iso(a.resolvedAt) }] : []),
  ];
  return {
    resourceType: "DetectedIssue",
    id: fhirUuid("DetectedIssue", a.id),
    identifier: [{ system: `${SYSTEMS.iomt}/alert-id`, value: a.id }],
    status: a.state === "resolved" ? "final" : "preliminary",
    code: { coding: [{ system: `${SYSTEMS.iomt}/alert-rule`, code: a.rule }], text: a.rule },
    severity: SEVERITY[a.priority] ?? "moderate",
    patient: refTo("Patient", a.patientId),
    identifiedDateTime: iso(a.raisedAt),
    ...(a.deviceId && exportedDevice ? { author: refTo("Device", a.deviceId), implicated: [refTo("Device", a.deviceId)] } : {}),
    detail: a.value === null ? a.message : `${a.message} (value ${a.value})`,
    ...(mitigation.length ? { mitigation } : {}),
  };
}

export type CareMessageRow = {
  id: string;
  patientId: string;
  direction: string;
  senderName: string | null;
  body: string;
  createdAt: Date | string;
  readAt: Date | string | null;
};

/** A message between the patient and the care team (lib/programs care_messages). */
export function communicationResource(m: CareMessageRow): FhirResource {
  const fromPatient = m.direction === "patient";
  const careTeam = { display: m.senderName && !fromPatient ? m.senderName : "Care team" };
  return {
    resourceType: "Communication",
    id: fhirUuid("Communication", m.id),
    identifier: [{ system: `${SYSTEMS.iomt}/care-message-id`, value: m.id }],
    status: "completed",
    subject: refTo("Patient", m.patientId),
    sent: iso(m.createdAt),
    ...(m.readAt ? { received: iso(m.readAt) } : {}),
    sender: fromPatient ? refTo("Patient", m.patientId) : careTeam,
    recipient: [fromPatient ? { display: "Care team" } : refTo("Patient", m.patientId)],
    payload: [{ contentString: m.body }],
  };
}

// Shapes of an inbound HL7 v2 ADT message once parsed, and of a refusal. Plain data: no library types leak
// out, so the database wiring, the API and the tests depend on these alone.

/** The ADT trigger events the platform takes in (MSH-9.2). */
export const ADT_EVENTS = ["A01", "A02", "A03", "A04", "A08", "A11", "A13"] as const;
export type AdtEvent = (typeof ADT_EVENTS)[number];

export const ADT_EVENT_MEANING: Record<AdtEvent, string> = {
  A01: "admit",
  A02: "transfer",
  A03: "discharge",
  A04: "register (outpatient)",
  A08: "update patient information",
  A11: "cancel admit",
  A13: "cancel discharge",
};

/** HL7 v2 versions (MSH-12) whose PID and PV1 layout this parser reads. 2.1 and 2.2 predate PV1-3 as a PL. */
export const SUPPORTED_VERSIONS = ["2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2", "2.9"] as const;

/** PID-8 narrowed to the platform's four values (HL7 table 0001: A ambiguous reads as O, N not applicable as U). */
export type AdministrativeSex = "M" | "F" | "O" | "U";

/** PV1-2, HL7 table 0004. */
export const PATIENT_CLASSES = {
  E: "emergency",
  I: "inpatient",
  O: "outpatient",
  P: "preadmit",
  R: "recurring patient",
  B: "obstetrics",
  C: "commercial account",
  N: "not applicable",
  U: "unknown",
} as const;
export type PatientClass = keyof typeof PATIENT_CLASSES;

/** PV1-3 / PV1-6 read as `<ward code>^<room>^<bed label>`. */
export interface BedLocation {
  wardCode: string;
  room: string | null;
  bedLabel: string | null;
}

export interface AdtPatient {
  /** PID-3: the identifier typed MR, or the only identifier when there is one. */
  mrn: string;
  /** PID-3.4, first sub-component: the assigning authority, when sent. */
  mrnAuthority: string | null;
  familyName: string | null;
  givenName: string | null;
  /** PID-7 as YYYY-MM-DD. */
  birthDate: string | null;
  sex: AdministrativeSex;
}

export interface AdtVisit {
  patientClass: PatientClass | null;
  /** PV1-19, the visit (encounter) number the PAS uses for later A02/A03/A11/A13. */
  visitNumber: string | null;
  /** PV1-3. Always set, with a bed label, for A01 and A02. */
  location: BedLocation | null;
  /** PV1-6, the bed before a transfer. */
  priorLocation: BedLocation | null;
}

export interface AdtMessage {
  /** MSH-10: the key that makes processing idempotent. */
  controlId: string;
  event: AdtEvent;
  /** MSH-12. */
  version: (typeof SUPPORTED_VERSIONS)[number];
  /** MSH-7. */
  sentAt: Date;
  /** When the event happened: EVN-6, else EVN-2, else MSH-7. */
  eventAt: Date;
  sendingApplication: string | null;
  sendingFacility: string | null;
  patient: AdtPatient;
  visit: AdtVisit;
  /** PV1-36 (HL7 table 0112 code), for A03; null when the PAS did not send one. */
  dischargeDisposition: string | null;
  /** PV1-44; for A01/A04 falls back to eventAt. */
  admitAt: Date | null;
  /** PV1-45; for A03 falls back to eventAt. */
  dischargeAt: Date | null;
}

/** HL7 table 0357 (message error condition codes) used in ERR-3 / ERR-1. */
export const HL7_ERROR_CODES = {
  100: "Segment sequence error",
  101: "Required field missing",
  102: "Data type error",
  103: "Table value not found",
  200: "Unsupported message type",
  201: "Unsupported event code",
  203: "Unsupported version id",
  204: "Unknown key identifier",
  205: "Duplicate key identifier",
  206: "Application record locked",
  207: "Application internal error",
} as const;
export type Hl7ErrorCode = keyof typeof HL7_ERROR_CODES;

/** One problem, located by segment and field (and component), with a sentence saying why. */
export interface Hl7FieldError {
  segment: string;
  field: number;
  component?: number;
  reason: string;
  code?: Hl7ErrorCode;
}

export type AckCode = "AA" | "AE" | "AR";

/**
 * Why a message was not taken. AR (reject): it cannot be processed at all (not HL7, unsupported type or
 * version, no control id). AE (error): it was understood but its content is wrong or incomplete.
 */
export interface AdtRefusal {
  ack: "AE" | "AR";
  controlId: string | null;
  /** MSH-9 as sent, e.g. "ADT^A01", when it could be read. */
  messageType: string | null;
  errors: Hl7FieldError[];
  /** One line for MSA-3 and the inbound log. */
  text: string;
}

export type AdtParseResult = { ok: true; message: AdtMessage } | { ok: false; refusal: AdtRefusal };

export function describeFieldError(error: Hl7FieldError): string {
  const where = `${error.segment}-${error.field}${error.component ? `.${error.component}` : ""}`;
  return `${where}: ${error.reason}`;
}

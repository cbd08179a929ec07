// Realistic HL7 v2.5.1 ADT message texts, as a PAS would send them, for tests, the demo simulator and the
// ADT benchmark. buildAdtText writes one message; scenario.ts strings them into a day of ward life.
import { escapeHl7 } from "./hl7-fields";
import { formatHl7Date, formatHl7Timestamp } from "./hl7-datetime";
import type { AdministrativeSex, AdtEvent, PatientClass } from "./adt-types";

export interface SamplePatient {
  mrn: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: AdministrativeSex;
}

export interface SampleBed {
  wardCode: string;
  room: string;
  bedLabel: string;
}

export interface AdtTextInput {
  event: AdtEvent;
  controlId: string;
  /** MSH-7 and EVN-2. */
  at: Date;
  patient: SamplePatient;
  /** PV1-19 */
  visitNumber: string;
  /** Default I (inpatient); O for A04. */
  patientClass?: PatientClass;
  /** PV1-3 */
  bed?: SampleBed | null;
  /** PV1-6 */
  priorBed?: SampleBed | null;
  /** PV1-44; defaults to `at` for A01/A04. */
  admitAt?: Date;
  /** PV1-45; defaults to `at` for A03. */
  dischargeAt?: Date;
  /** PV1-36 */
  disposition?: string;
  /** Default "2.5.1". */
  version?: string;
  /** Zone the timestamps are written in (with their offset). Default "UTC". */
  timeZone?: string;
  sendingApplication?: string;
  sendingFacility?: string;
  /** Default "MR": the PID-3 identifier type. */
  identifierType?: string;
}

const bedField = (bed: SampleBed | null | undefined) => (bed ? [bed.wardCode, bed.room, bed.bedLabel].map(escapeHl7).join("^") : "");

/** One ADT message, segments separated by \r, no MLLP framing. */
export function buildAdtText(input: AdtTextInput): string {
  const tz = input.timeZone ?? "UTC";
  const ts = (d: Date | undefined) => (d ? formatHl7Timestamp(d, tz) : "");
  const facility = escapeHl7(input.sendingFacility ?? "GENHOSP");
  const version = input.version ?? "2.5.1";
  const structure = input.event === "A02" ? "ADT_A02" : input.event === "A03" ? "ADT_A03" : input.event === "A11" ? "ADT_A09" : "ADT_A01";
  const admitAt = input.admitAt ?? (input.event === "A01" || input.event === "A04" ? input.at : undefined);
  const dischargeAt = input.dischargeAt ?? (input.event === "A03" ? input.at : undefined);
  const patientClass = input.patientClass ?? (input.event === "A04" ? "O" : "I");
  const p = input.patient;

  const msh = [
    "MSH",
    "^~\\&",
    escapeHl7(input.sendingApplication ?? "PAS"),
    facility,
    "IOMT",
    "WARD",
    ts(input.at),
    "",
    `ADT^${input.event}^${structure}`,
    escapeHl7(input.controlId),
    "P",
    version,
  ];
  const evn = ["EVN", input.event, ts(input.at), "", "", "", ts(input.at)];
  const pid = [
    "PID",
    "1",
    "",
    `${escapeHl7(p.mrn)}^^^${facility}^${escapeHl7(input.identifierType ?? "MR")}`,
    "",
    `${escapeHl7(p.familyName)}^${escapeHl7(p.givenName)}^^^^^L`,
    "",
    formatHl7Date(p.birthDate),
    p.sex,
  ];
  const pv1: string[] = Array.from({ length: 46 }, () => "");
  pv1[0] = "PV1";
  pv1[1] = "1";
  pv1[2] = patientClass;
  pv1[3] = bedField(input.bed);
  pv1[6] = bedField(input.priorBed);
  pv1[19] = escapeHl7(input.visitNumber);
  pv1[36] = escapeHl7(input.disposition ?? "");
  pv1[44] = ts(admitAt);
  pv1[45] = ts(dischargeAt);
  while (pv1.length > 3 && pv1[pv1.length - 1] === "") pv1.pop();

  return [msh, evn, pid, pv1].map((segment) => segment.join("|")).join("\r");
}

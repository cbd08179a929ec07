// PID of an ADT message: the MRN out of PID-3's identifiers, the name, birth date and sex. Problems are
// collected (not thrown) so one AE names every bad field at once.
import type { Hl7Segment } from "@medplum/core";
import { componentOf, decodeValue, repetitions } from "./hl7-fields";
import { parseHl7Date } from "./hl7-datetime";
import type { AdministrativeSex, AdtPatient, Hl7FieldError } from "./adt-types";

const SEX: Record<string, AdministrativeSex> = { M: "M", F: "F", O: "O", U: "U", A: "O", N: "U" };

function readMrn(pid: Hl7Segment, errors: Hl7FieldError[]): { mrn: string; authority: string | null } | null {
  const ids = repetitions(pid, 3)
    .map((cx) => ({
      id: decodeValue(cx[0] ?? "", pid.context),
      authority: decodeValue(cx[3] ?? "", pid.context, true),
      type: decodeValue(cx[4] ?? "", pid.context).toUpperCase(),
    }))
    .filter((cx) => cx.id !== "");
  if (ids.length === 0) {
    errors.push({ segment: "PID", field: 3, code: 101, reason: "patient identifier list (MRN) is missing" });
    return null;
  }
  const chosen = ids.find((cx) => cx.type === "MR") ?? (ids.length === 1 ? ids[0] : undefined);
  if (!chosen) {
    errors.push({
      segment: "PID",
      field: 3,
      component: 5,
      code: 101,
      reason: `${ids.length} identifiers and none typed MR (types: ${ids.map((cx) => cx.type || "none").join(", ")})`,
    });
    return null;
  }
  if (chosen.id.length > 64) {
    errors.push({ segment: "PID", field: 3, component: 1, code: 102, reason: "MRN is longer than 64 characters" });
    return null;
  }
  return { mrn: chosen.id, authority: chosen.authority || null };
}

/** PID-5 repetitions: the legal name (XPN-7 "L") when typed, else the first. */
function readName(pid: Hl7Segment): { familyName: string | null; givenName: string | null } {
  const names = repetitions(pid, 5);
  const xpn = names.find((n) => (n[6] ?? "").toUpperCase() === "L") ?? names[0] ?? [];
  // XPN-1 is an FN from 2.3 on (surname&own surname prefix&…): its first sub-component is the surname.
  const familyName = decodeValue(xpn[0] ?? "", pid.context, true);
  const givenName = decodeValue(xpn[1] ?? "", pid.context);
  return { familyName: familyName || null, givenName: givenName || null };
}

export interface PatientRules {
  /** Whether PID-5 family name must be there (events that create or update the patient). */
  nameRequired: boolean;
  /** The message's own send time: a birth date after it is an error. */
  sentAt: Date | null;
}

export function readPatient(pid: Hl7Segment | undefined, rules: PatientRules, errors: Hl7FieldError[]): AdtPatient | null {
  if (!pid) {
    errors.push({ segment: "PID", field: 0, code: 100, reason: "PID segment is missing" });
    return null;
  }
  const mrn = readMrn(pid, errors);
  const { familyName, givenName } = readName(pid);
  if (rules.nameRequired && !familyName) {
    errors.push({ segment: "PID", field: 5, component: 1, code: 101, reason: "patient family name is missing" });
  }

  let birthDate: string | null = null;
  const rawBirth = componentOf(pid, 7, 1);
  if (rawBirth) {
    const parsed = parseHl7Date(rawBirth);
    if (!parsed.ok) errors.push({ segment: "PID", field: 7, code: 102, reason: `birth date ${parsed.reason}` });
    else if (rules.sentAt && parsed.value > rules.sentAt.toISOString().slice(0, 10)) {
      errors.push({ segment: "PID", field: 7, code: 102, reason: `birth date ${parsed.value} is after the message was sent` });
    } else birthDate = parsed.value;
  }

  const rawSex = componentOf(pid, 8, 1).toUpperCase();
  const sex = rawSex === "" ? "U" : SEX[rawSex];
  if (!sex) errors.push({ segment: "PID", field: 8, code: 103, reason: `sex "${rawSex}" is not one of M, F, O, U (HL7 table 0001)` });

  if (!mrn || !sex) return null;
  return { mrn: mrn.mrn, mrnAuthority: mrn.authority, familyName, givenName, birthDate, sex };
}

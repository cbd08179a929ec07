// De-identification of the research dataset (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)): no names, MRN, ids
// or device identifiers; no date element beyond the year (a reading's time is its offset in seconds from
// the subject's first reading in the export); ages over 89 pooled as "90+". Subjects get a pseudonym keyed
// per export, so two exports cannot be linked by it. Pure.
import crypto from "node:crypto";

export type ResearchSubject = { subject: string; birthYear: number | null; ageBand: string | null; sex: string };
export type ResearchReading = { subject: string; code: string; loinc: string | null; unit: string; year: number; t: number; value: number };

export function exportKey(): Buffer {
  return crypto.randomBytes(32);
}

export function pseudonymFor(key: Buffer, patientId: string): string {
  return `S-${crypto.createHmac("sha256", key).update(patientId).digest("hex").slice(0, 16)}`;
}

/** Birth year, unless the subject is over 89 at `now` (then only the band "90+"). */
export function deidentifySubject(pseudonym: string, birthYear: number, sex: string, now: Date): ResearchSubject {
  const age = now.getUTCFullYear() - birthYear;
  const over89 = age > 89;
  return {
    subject: pseudonym,
    birthYear: over89 ? null : birthYear,
    ageBand: over89 ? "90+" : null,
    sex: ["M", "F", "O"].includes(sex) ? sex : "U",
  };
}

export function deidentifyReading(
  pseudonym: string,
  r: { code: string; value: number; ts: Date | string },
  firstTs: Date,
  meta: { loinc: string | null; unit: string },
): ResearchReading {
  const ts = new Date(r.ts);
  return {
    subject: pseudonym,
    code: r.code,
    loinc: meta.loinc,
    unit: meta.unit,
    year: ts.getUTCFullYear(),
    t: Math.round((ts.getTime() - firstTs.getTime()) / 1000),
    value: r.value,
  };
}

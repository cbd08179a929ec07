// Discharge dispositions (PV1-36, HL7 user-defined table 0112, with the US UB-04 codes most PAS send) and
// which of them end in death, which the readmission rate leaves out of its denominator.

export const DISCHARGE_DISPOSITIONS = {
  "01": "discharged home or self care",
  "02": "transferred to a short-term general hospital",
  "03": "transferred to a skilled nursing facility",
  "04": "transferred to an intermediate care facility",
  "05": "transferred to another type of institution",
  "06": "discharged home under home health care",
  "07": "left against medical advice",
  "20": "expired (died)",
  "21": "discharged to court or law enforcement",
  "40": "expired at home (hospice)",
  "41": "expired in a medical facility (hospice)",
  "42": "expired, place unknown (hospice)",
  "50": "discharged to hospice, home",
  "51": "discharged to hospice, medical facility",
  "62": "transferred to an inpatient rehabilitation facility",
  "65": "transferred to a psychiatric hospital",
} as const;
export type DischargeDispositionCode = keyof typeof DISCHARGE_DISPOSITIONS;

const DEATH = new Set(["20", "40", "41", "42"]);

/** True when the disposition says the patient died (no readmission is possible). */
export function isDeathDisposition(code: string | null | undefined): boolean {
  return code != null && DEATH.has(code.trim());
}

export function describeDisposition(code: string | null | undefined): string | null {
  if (code == null) return null;
  const key = code.trim();
  return Object.hasOwn(DISCHARGE_DISPOSITIONS, key) ? DISCHARGE_DISPOSITIONS[key as DischargeDispositionCode] : `code ${key}`;
}

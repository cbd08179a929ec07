// The legal-retention rule of an erasure request (GDPR Art. 17): what goes at once, what is kept, until
// when and why. One statement, shown on the admin page, the patient's privacy page and in README.
// Client-safe.

/** The clinical record is kept this many years after the patient's last contact (adult medical records). */
export const CLINICAL_RETENTION_YEARS = 10;
/** Each audit event is kept this many years from its date (HIPAA documentation retention). */
export const AUDIT_RETENTION_YEARS = 6;

export type RetentionItem = { what: string; until: string; why: string };

export const ERASED_AT_ONCE: readonly string[] = [
  "The portal account: name, e-mail address and password are overwritten, the account is closed, its sessions and API tokens are deleted.",
  "Device pairings: devices paired to the patient are unpaired, so no new readings are attributed to them.",
  "Optional consents: remote monitoring, AI processing and research are withdrawn: no AI feature may use the record and research exports leave the patient out from that moment; remote monitoring programme enrolments end.",
];

export const KEPT: readonly RetentionItem[] = [
  {
    what: "The clinical record: identity, hospital stays, readings and NEWS2 scores, alerts and how they were handled, messages with the care team, devices used, consent decisions",
    until: `${CLINICAL_RETENTION_YEARS} years after the last contact (the last reading or stay), then deleted`,
    why: "Medical-records retention law: GDPR Art. 17(3)(b) (a legal obligation to keep health records) and 17(3)(c) (public interest in public health, Art. 9(2)(h) and (i)); consent decisions also prove lawful processing (Art. 7(1)).",
  },
  {
    what: "The audit trail: who looked at or changed the record and when, this request and its outcome included",
    until: `${AUDIT_RETENTION_YEARS} years from each event`,
    why: "HIPAA 45 CFR 164.316(b)(2)(i) and 164.530(j): documentation is kept 6 years; the trail is append-only and hash-chained, so it is never edited; GDPR Art. 17(3)(e) (legal claims).",
  },
];

/** When the kept clinical record may be deleted: CLINICAL_RETENTION_YEARS after the last contact. */
export function clinicalRetainUntil(lastContact: Date): Date {
  const d = new Date(lastContact);
  d.setUTCFullYear(d.getUTCFullYear() + CLINICAL_RETENTION_YEARS);
  return d;
}

export const ERASURE_STATUSES = ["pending", "completed", "refused"] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

export type ErasureRequestView = {
  id: string;
  patientId: string;
  status: ErasureStatus;
  patientNote: string | null;
  requestedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  decisionReason: string | null;
  retainUntil: string | null;
  outcome: Record<string, number> | null;
};

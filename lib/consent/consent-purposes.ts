// The purposes a patient consents to, what each means, and what holds before the patient has decided.
// Client-safe (the portal shows the same text).
export const CONSENT_PURPOSES = ["care", "remote_monitoring", "ai_processing", "research"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_CHANNELS = ["portal", "api", "staff"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The version of the consent texts below; a decision records the version it was made on. */
export const CONSENT_TEXT_VERSION = "2026-12-03";

export type ConsentPurposeInfo = {
  label: string;
  text: string;
  /** In force until the patient decides: care and monitoring come with treatment, research needs a yes. */
  default: boolean;
};

export const CONSENT_INFO: Record<ConsentPurpose, ConsentPurposeInfo> = {
  care: {
    label: "Care",
    text: "Your care team may see and use your readings and records to treat you.",
    default: true,
  },
  remote_monitoring: {
    label: "Remote monitoring",
    text: "Devices paired to you send readings from home, and your care team is alerted when they are out of range.",
    default: true,
  },
  ai_processing: {
    label: "AI processing",
    text: "Decision-support summaries may be produced from your de-identified readings by an AI model. Your name and other identifiers never leave the hospital.",
    default: true,
  },
  research: {
    label: "Research",
    text: "Your de-identified data may be included in approved research exports.",
    default: false,
  },
};

export type ConsentState = {
  purpose: ConsentPurpose;
  granted: boolean;
  /** "default" until the patient (or staff for them) records a decision. */
  source: "default" | "recorded";
  textVersion: string;
  channel: ConsentChannel | null;
  recordedAt: string | null;
};

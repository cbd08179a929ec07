// The clinical AI features as the browser sees them (client-safe, unit-tested): which feature runs on
// what, the outcome of a run (the result, or a refusal kept by its kind so the panel can say plainly
// what happened: budget spent (HTTP 429), not allowed (403), model unavailable (503)), and the wording of
// the provenance lines (the data the model was given, what was removed before it left).
import type { RefusalKind } from "@/lib/errors/refusal";
import type { FeatureResult, ParameterUse, RedactionCounts } from "@/lib/ai/service-types";
import type { Role } from "@/lib/auth/principal";

export const FEATURE_KINDS = ["handover", "alert", "ward", "maintenance"] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Who may ask for each feature (the service checks again, with the caller's scope). */
export const FEATURE_ROLES: Readonly<Record<FeatureKind, readonly Role[]>> = {
  handover: ["admin", "nurse", "physician"],
  alert: ["admin", "nurse", "physician"],
  ward: ["admin", "nurse", "physician"],
  maintenance: ["admin", "biomed"],
};

export const FEATURE_TITLES: Readonly<Record<FeatureKind, string>> = {
  handover: "Handover summary (SBAR, last 12 h)",
  alert: "Why this alert fired",
  ward: "Ward brief",
  maintenance: "Maintenance explanation",
};

/** What an alert row offers: "Explain" on a patient's alert; "Maintenance explanation" on a device's
 *  equipment alarm (no patient) for those who maintain equipment (admins, biomed). */
export function alertAiFeature(alert: { patientId: string | null; deviceId: string | null }, maintains: boolean): FeatureKind | null {
  if (alert.patientId) return "alert";
  if (alert.deviceId && maintains) return "maintenance";
  return null;
}

export type RefusedKind = "budget" | "forbidden" | "unavailable" | "invalid" | "failed";

export type FeatureOutcome = { ok: true; result: FeatureResult } | { ok: false; kind: RefusedKind; message: string };

export const DEMO_NOTICE = "Template output, not a language model; set OPENAI_BASE_URL/OPENAI_API_KEY to use a real one.";

/** A refusal of the AI service as a panel message. `reason` is the refusal's own text. */
export function refusedOutcome(kind: RefusalKind, reason: string): FeatureOutcome & { ok: false } {
  switch (kind) {
    case "rate_limited":
      return { ok: false, kind: "budget", message: `${reason}. No request was sent to the model; an administrator can raise the budget.` };
    case "forbidden":
    case "not_found":
    case "unauthenticated":
      return { ok: false, kind: "forbidden", message: "Not available to you: this is outside the wards and devices you may see." };
    case "unavailable":
      return {
        ok: false,
        kind: "unavailable",
        message: `The AI model is unavailable (${reason}). Try again in a minute; nothing was shown.`,
      };
    case "invalid":
    case "conflict":
    case "unsupported":
    case "too_large":
      return { ok: false, kind: "invalid", message: `Not run: ${reason}.` };
  }
}

export const UNEXPECTED_FAILURE: FeatureOutcome & { ok: false } = {
  ok: false,
  kind: "failed",
  message: "Something went wrong; no summary was produced. Try again.",
};

/** "patient.vitals_window (48 rows), patient.open_alerts (none)". */
export function describeParameters(used: readonly ParameterUse[]): string {
  if (used.length === 0) return "no patient data";
  return used.map((p) => `${p.name} (${p.rows === 0 ? "none" : p.rows === 1 ? "1 row" : `${p.rows} rows`})`).join(", ");
}

const KIND_WORDS: Record<string, [string, string]> = {
  name: ["name", "names"],
  geography: ["place", "places"],
  date: ["date", "dates"],
  phone: ["phone number", "phone numbers"],
  fax: ["fax number", "fax numbers"],
  email: ["email address", "email addresses"],
  ssn: ["SSN", "SSNs"],
  mrn: ["MRN", "MRNs"],
  account: ["account number", "account numbers"],
  licence: ["licence number", "licence numbers"],
  vehicle: ["vehicle id", "vehicle ids"],
  device_id: ["device id", "device ids"],
  url: ["URL", "URLs"],
  ip: ["IP address", "IP addresses"],
  other_id: ["other identifier", "other identifiers"],
};

/** "2 names, 1 MRN, 5 dates" (largest first); "nothing to remove" for an empty receipt. */
export function describeRedactions(receipt: RedactionCounts): string {
  const entries = Object.entries(receipt).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0);
  if (entries.length === 0) return "nothing to remove";
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => {
      const [one, many] = KIND_WORDS[kind] ?? [kind, kind];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(", ");
}

// Pure helpers of the alarm-limits editor: reading a limit field (blank = inherit the ward or default
// limit), and describing where a limit in force comes from. Unit-tested.
import type { LimitView } from "@/lib/charts/prepare-limits";

export type ParsedLimit = { ok: true; value: number | null } | { ok: false; error: string };

/** "" → null (inherit); "88" or "35,5" → a number; anything else → an error to show beside the field. */
export function parseLimitField(text: string): ParsedLimit {
  const t = text.trim().replace(",", ".");
  if (t === "") return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, error: "enter a number, or leave blank to inherit" };
  return { ok: true, value: Number(t) };
}

const SOURCE: Readonly<Record<LimitView["source"]["low"], string>> = { default: "default", ward: "ward", patient: "this patient" };

/** "90 (default)", "off" when the metric has no such limit. */
export function describeLimit(value: number | null, source: LimitView["source"]["low"]): string {
  return value === null ? "off" : `${value} (${SOURCE[source]})`;
}

/** Whether the patient has an override on this metric (which "Remove override" would clear). */
export function hasPatientOverride(l: Pick<LimitView, "source">): boolean {
  return l.source.low === "patient" || l.source.high === "patient";
}

/** The field's starting text: the patient's own override, else blank (inherit). */
export function initialField(value: number | null, source: LimitView["source"]["low"]): string {
  return source === "patient" && value !== null ? String(value) : "";
}

// Small builders shared by the text rules: case-insensitive labels with case-sensitive values, and the
// "label kept, value replaced" rule shape (e.g. "MRN: DEMO-100001" → "MRN: [mrn]").
import type { TextRule } from "./scrub";

/** A case-insensitive spelling of a label, for patterns whose value part must stay case-sensitive. */
export function ci(label: string): string {
  return label.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).replace(/ /g, "\\s+");
}

export function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

/** A labelled value: group 1 is the label with its separators (kept), group 2 the value (replaced). */
export function labelled(
  kind: TextRule["kind"],
  labels: readonly string[],
  value: string,
  placeholder: string,
  minDigits: number,
): TextRule {
  const label = labels.map(ci).join("|");
  return {
    kind,
    pattern: new RegExp(String.raw`\b((?:${label})(?![A-Za-z])\.?(?:\s*(?:${ci("no")}\.?|${ci("number")}|#))?[\s:#.]*)(${value})`, "g"),
    accept: (m) => digitCount(m[2] ?? "") >= minDigits,
    replace: (m) => `${m[1] ?? ""}[${placeholder}]`,
  };
}

// Bounds checked on a telemetry body's raw JSON text BEFORE it is parsed and validated: nesting depth
// and the size of any one value (string or number literal), in one linear pass without recursion, so a
// hostile body (200,000 nested arrays, a 200 KB string) is refused with a clear reason instead of
// overflowing a validator's stack. And the one way a refusal quotes a value: short, never recursive.

/** A frame body is at most [ { "values": { … } } ]: 3 levels; 8 leaves room and refuses abuse. */
export const MAX_JSON_DEPTH = 8;
/** Longest string or number literal in a body (a `ts` is ~30 characters, a metric key ~20). */
export const MAX_JSON_SCALAR_CHARS = 256;
/** Longest quotation of a value in a reason. */
export const MAX_QUOTED_CHARS = 64;

export type BoundsIssue = { field: string; reason: string };

/** A character of a JSON number literal: - + 0-9 . e E (compared as codes: this runs on every body). */
function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}

/** Scans JSON text for depth and literal size; null when within bounds (validity is JSON.parse's job). */
export function checkJsonBounds(text: string, maxDepth = MAX_JSON_DEPTH, maxScalar = MAX_JSON_SCALAR_CHARS): BoundsIssue | null {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      if (i - start - 1 > maxScalar)
        return { field: "body", reason: `holds a string of ${i - start - 1} characters (at most ${maxScalar} per value)` };
      i++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { field: "body", reason: `is nested more than ${maxDepth} levels deep` };
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      if (i - start > maxScalar)
        return { field: "body", reason: `holds a number of ${i - start} characters (at most ${maxScalar} per value)` };
    } else {
      i++;
    }
  }
  return null;
}

/** A value as a refusal quotes it: at most MAX_QUOTED_CHARS, objects and arrays only named. */
export function quoteValue(v: unknown, max = MAX_QUOTED_CHARS): string {
  if (Array.isArray(v)) return `an array of ${v.length} items`;
  if (typeof v === "object" && v !== null) return "an object";
  if (typeof v === "string") return truncateText(JSON.stringify(v), max);
  if (v === undefined) return "nothing";
  return truncateText(String(v), max);
}

/** Text cut to `max` characters, with how much was left out. */
export function truncateText(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}

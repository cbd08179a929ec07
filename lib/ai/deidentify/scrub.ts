// The text scrubber's engine. Every rule runs over the ORIGINAL text and proposes spans; a span of an
// earlier (higher-priority) rule wins over any overlapping later one; the winners are replaced in one
// pass. So a known identifier is never half-eaten by a pattern, counts are exact (one per replaced span),
// and no replacement is ever scanned again (scrubbing scrubbed text changes nothing).
import type { CalendarDate } from "./time";
import type { PseudonymBook } from "./pseudonyms";
import type { IdentifierKind, RedactionReceipt } from "./types";

export type ScrubState = {
  now: Date;
  timeZone: string;
  dateOrder: "mdy" | "dmy";
  /** Birth dates of the context's patients: such a date becomes an age, not a relative time. */
  birthDates: readonly CalendarDate[];
  /** Birth years of patients older than 89: a bare such year would give their age away. */
  elderlyBirthYears: ReadonlySet<number>;
  pseudonyms: PseudonymBook;
  receipt: RedactionReceipt;
};

export type TextRule = {
  kind: IdentifierKind;
  /** Must carry the `g` flag. */
  pattern: RegExp;
  /** What every match contains, cheaper to look for than the pattern (a literal, or a regex without `g`):
   *  a text without it is not scanned with this rule. */
  needs?: string | RegExp;
  /** A second look at a candidate (e.g. a real IPv6 address, a valid date); rejected spans block nothing. */
  accept?: (m: RegExpExecArray, state: ScrubState) => boolean;
  replace: (m: RegExpExecArray, state: ScrubState, text: string) => string;
};

type Span = { start: number; end: number; rule: TextRule; match: RegExpExecArray };

export function countRedaction(receipt: RedactionReceipt, kind: IdentifierKind, n = 1): void {
  receipt[kind] = (receipt[kind] ?? 0) + n;
}

/** `chosen` is kept sorted by start; true when `span` overlaps any of it. */
function insertionIndex(span: Span, chosen: readonly Span[]): number {
  let lo = 0;
  let hi = chosen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((chosen[mid]?.start ?? 0) < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsAt(span: Span, chosen: readonly Span[], index: number): boolean {
  const before = chosen[index - 1];
  const after = chosen[index];
  return (before !== undefined && before.end > span.start) || (after !== undefined && after.start < span.end);
}

/** False when `text` lacks what every match of the rule contains (its `needs`): no need to scan it. */
export function mayMatch(rule: TextRule, text: string): boolean {
  const { needs } = rule;
  return needs === undefined || (typeof needs === "string" ? text.includes(needs) : needs.test(text));
}

/**
 * Scrubs `text` with `rules` (priority = order), counting each replacement into `state.receipt`.
 * Returns the text and how many spans were replaced (0: the text is clean as it is).
 */
export function scrubWithRules(text: string, rules: readonly TextRule[], state: ScrubState): { text: string; replaced: number } {
  if (text.length === 0) return { text, replaced: 0 };
  const chosen: Span[] = [];
  for (const rule of rules) {
    if (!mayMatch(rule, text)) continue;
    const { pattern } = rule;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      const span = { start: m.index, end: m.index + m[0].length, rule, match: m };
      const index = insertionIndex(span, chosen);
      if (overlapsAt(span, chosen, index)) continue;
      if (rule.accept && !rule.accept(m, state)) continue;
      chosen.splice(index, 0, span);
    }
  }
  if (chosen.length === 0) return { text, replaced: 0 };
  let out = "";
  let at = 0;
  for (const span of chosen) {
    out += text.slice(at, span.start) + span.rule.replace(span.match, state, text);
    countRedaction(state.receipt, span.rule.kind);
    at = span.end;
  }
  return { text: out + text.slice(at), replaced: chosen.length };
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Capitalises a replacement that starts a sentence. */
export function sentenceCase(replacement: string, text: string, index: number): string {
  const before = text.slice(0, index).trimEnd();
  const startsSentence = before.length === 0 || /[.!?\n]$/.test(before);
  return startsSentence ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

// Exact o200k_base token counts, faster than gpt-tokenizer's countTokens on the AI call path's texts
// (prompts full of JSON; every call counts ~2,500 tokens, and so does the demo model). The count of a text
// is the sum over its pre-tokenizer pieces of each piece's BPE count, which is what the library computes;
// two things are cheaper here:
//  - the pre-tokenizer: o200k's Unicode-class regex (\p{L}, \p{N}, ...) is about 3.5x slower in V8 than the
//    same pattern over ASCII classes. The text is cut into segments at points where no piece can straddle,
//    and a segment that is all ASCII is split with the ASCII pattern, which finds the same pieces there;
//  - each distinct piece is counted once (the library's count of that piece alone) and remembered.
// o200k-count.test.ts checks the counts against the library's on generated texts.
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

/** Contractions ('s, 't, 're, 've, 'm, 'll, 'd) in either case, as in gpt-tokenizer's o200k pattern. */
const SUFFIX = String.raw`(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?`;

/** o200k_base's pre-tokenizer, as gpt-tokenizer (and tiktoken) define it. */
const UNICODE_SPLIT = new RegExp(
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+${SUFFIX}` +
    String.raw`|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*${SUFFIX}` +
    String.raw`|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  "gu",
);

/** The same pattern for ASCII text: there, \p{Lu} is A-Z, \p{Ll} a-z, \p{N} 0-9, and Lt, Lm, Lo, M are empty. */
const ASCII_SPLIT = new RegExp(
  String.raw`[^\r\nA-Za-z0-9]?[A-Z]*[a-z]+${SUFFIX}|[^\r\nA-Za-z0-9]?[A-Z]+[a-z]*${SUFFIX}` +
    String.raw`|[0-9]{1,3}| ?[^\sA-Za-z0-9]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  "g",
);

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Where a piece can not straddle: right after a line break followed by a character that is neither
 * whitespace nor "/". No alternative of the pattern lets a piece cross such a point: a run of letters or
 * digits takes no line break, a run of punctuation takes only line breaks and "/" after itself, and a
 * whitespace run that holds a line break ends at the first non-whitespace character.
 */
const CUT = /\n(?=[^\s/])/g;

const PIECE_CACHE_LIMIT = 50_000;
const pieceCounts = new Map<string, number>();
/** Special-token strings in user text are plain text to the API: count them as text, never throw. */
export const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

function countPiece(piece: string): number {
  let n = pieceCounts.get(piece);
  if (n === undefined) {
    // A piece alone splits into itself again, so the library's count of it is the piece's BPE count.
    n = countTokens(piece, AS_PLAIN_TEXT);
    if (pieceCounts.size >= PIECE_CACHE_LIMIT) pieceCounts.clear();
    pieceCounts.set(piece, n);
  }
  return n;
}

function countSegment(segment: string): number {
  const split = NON_ASCII.test(segment) ? UNICODE_SPLIT : ASCII_SPLIT;
  split.lastIndex = 0;
  let total = 0;
  let m: RegExpExecArray | null;
  while ((m = split.exec(segment)) !== null) total += countPiece(m[0]);
  return total;
}

/** The o200k_base token count of `text`, special-token strings counted as plain text. */
export function countO200kTokens(text: string): number {
  let total = 0;
  let start = 0;
  CUT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUT.exec(text)) !== null) {
    const end = m.index + 1;
    total += countSegment(text.slice(start, end));
    start = end;
  }
  return total + countSegment(start === 0 ? text : text.slice(start));
}

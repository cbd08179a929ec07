import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { countO200kTokens } from "./o200k-count";

const library = (text: string) => countTokens(text, { disallowedSpecial: new Set() });

/** Characters that matter to the pre-tokenizer: letters of each case, digits, punctuation, "/", quotes for
 *  contractions, every kind of whitespace and line break, and non-ASCII letters, marks, digits and emoji. */
const ALPHABET = [
  ..."aZbY09 '/\n\r\t{}[]\":,.-_|<>sStTdDmMlLrReEvV",
  "  ",
  "\n\n",
  " \n",
  "'ll",
  "'RE",
  "é",
  "Ü",
  "ǅ",
  "ʰ",
  "体",
  "\u0301",
  "٣",
  "🙂",
  "—",
  "°",
  "\u00a0",
  "<|endoftext|>",
];

const textArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }).map((parts) => parts.join(""));

describe("countO200kTokens", () => {
  it("equals gpt-tokenizer's count on generated texts (ASCII and not, line breaks, slashes, contractions)", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(countO200kTokens(text)).toBe(library(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("equals it on arbitrary Unicode and on long JSON prompts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(countO200kTokens(text)).toBe(library(text));
      }),
      { numRuns: 1000 },
    );
    const rows = Array.from({ length: 48 }, (_, i) => ({
      at: `-${11 - (i >> 2)} h ${59 - i} min`,
      heart_rate: 100 + (i % 7) * 0.5,
      spo2: 91,
    }));
    const prompt = `Write the SBAR handover — 12 h.\n\nVital signs:\n\`\`\`json patient.vitals_window\n${JSON.stringify(rows)}\n\`\`\`\n/ end\n`;
    expect(countO200kTokens(prompt)).toBe(library(prompt));
    expect(countO200kTokens(prompt.repeat(3))).toBe(library(prompt.repeat(3)));
  });

  it("counts the empty text as zero and special-token strings as plain text", () => {
    expect(countO200kTokens("")).toBe(0);
    expect(countO200kTokens("<|endoftext|>")).toBe(library("<|endoftext|>"));
    expect(countO200kTokens("<|endoftext|>")).toBeGreaterThan(1);
  });
});

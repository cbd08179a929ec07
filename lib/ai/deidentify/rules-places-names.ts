// Text rules for small geography (street addresses, PO boxes, ZIP codes; a state alone may stay) and for
// names that nobody told us about but that a title gives away ("Dr. Chen" → "a physician",
// "Mrs. Alvarez" → "a person", "Nurse Berg" → "a nurse").
import { ci } from "./rule-helpers";
import { sentenceCase, type TextRule } from "./scrub";

const STREET_SUFFIX =
  "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Trail|Close|Crescent|Row|Alley";

const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split(
    " ",
  ),
);

export const PLACE_RULES: readonly TextRule[] = [
  {
    kind: "geography",
    pattern: new RegExp(
      String.raw`\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,4}(?:${STREET_SUFFIX})\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?\s*[A-Za-z0-9-]+)?`,
      "g",
    ),
    replace: () => "[address]",
  },
  {
    kind: "geography",
    pattern: new RegExp(String.raw`\b${ci("p")}\.?\s?${ci("o")}\.?\s?${ci("box")}\s+\d+\b`, "g"),
    replace: () => "[address]",
  },
  {
    kind: "geography",
    pattern: new RegExp(
      String.raw`\b((?:${["zip code", "zip", "postal code", "postcode"].map(ci).join("|")})[\s:#.]*)(\d{5}(?:-\d{4})?)\b`,
      "g",
    ),
    replace: (m) => `${m[1] ?? ""}[zip]`,
  },
  {
    kind: "geography",
    pattern: /\b([A-Z]{2}),?\s+(\d{5}(?:-\d{4})?)\b/g,
    accept: (m) => US_STATES.has(m[1] ?? ""),
    replace: (m) => `${m[1] ?? ""} [zip]`,
  },
  { kind: "geography", pattern: /(?<![\d-])\d{5}-\d{4}(?![\d-])/g, replace: () => "[zip]" },
  // A town before a state code: "Boston, MA" → "[city], MA" (the state may stay).
  {
    kind: "geography",
    pattern: /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?=,\s*([A-Z]{2})\b)/g,
    accept: (m) => US_STATES.has(m[1] ?? ""),
    replace: () => "[city]",
  },
];

/** A capitalised name word: "Chen", "O'Brien", "McDonald"; not an acronym ("ICU"). */
const NAME_WORD = String.raw`[A-Z][A-Za-z'-]*[a-z]\b`;
const NOT_A_NAME = String.raw`(?!(?:Call|Station|Manager|Practitioner|Unit|Led|In|On|Note|Notes|Review|Team|Office)\b)`;

function titled(titles: string, role: string): TextRule {
  return {
    kind: "name",
    pattern: new RegExp(String.raw`\b(?:${titles})\.?\s+${NOT_A_NAME}${NAME_WORD}(?:\s+${NOT_A_NAME}${NAME_WORD})?`, "g"),
    replace: (m, _state, text) => sentenceCase(role, text, m.index),
  };
}

export const TITLED_NAME_RULES: readonly TextRule[] = [
  titled("Dr|Doctor|Prof|Professor", "a physician"),
  titled("Nurse|RN|Sister", "a nurse"),
  titled("Mr|Mrs|Ms|Miss|Mx", "a person"),
];

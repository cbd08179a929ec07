// Text rules for contact and network identifiers: URLs, e-mail addresses, IP addresses (v4 and v6),
// MAC addresses (a device identifier, so a device pseudonym), fax and phone numbers (labelled ones first,
// then number shapes that cannot be a clinical value).
import { isIPv6 } from "node:net";
import { digitCount, labelled } from "./rule-helpers";
import type { TextRule } from "./scrub";

const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function withTrailing(found: string, placeholder: string): string {
  const trail = TRAILING_PUNCTUATION.exec(found);
  return placeholder + (trail ? trail[0] : "");
}

const PHONE_VALUE = String.raw`\+?\(?\d[\d\s().-]*\d`;

export const URL_RULES: readonly TextRule[] = [
  {
    kind: "url",
    pattern: /\b(?:(?:https?|ftp):\/\/|www\.)[^\s"'<>]+/gi,
    needs: /:\/\/|www\./i,
    replace: (m) => withTrailing(m[0], "[url]"),
  },
];

export const EMAIL_RULES: readonly TextRule[] = [
  // Starts only at the start of a token and bounds every run, so a long run of word characters is linear.
  {
    kind: "email",
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g,
    needs: "@",
    replace: () => "[email]",
  },
  {
    kind: "url",
    pattern:
      /(?<![\w.@-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|org|net|edu|gov|io|health|info|biz|us|uk|de|fr|eu)(?:\/[^\s"'<>]*)?(?![\w.@-])/gi,
    needs: /\.(?:com|org|net|edu|gov|io|health|info|biz|us|uk|de|fr|eu)/i,
    replace: (m) => withTrailing(m[0], "[url]"),
  },
];

export const NETWORK_RULES: readonly TextRule[] = [
  {
    kind: "device_id",
    pattern: /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])/g,
    replace: (m, state) => state.pseudonyms.device(m[0].replace(/[:-]/g, "").toUpperCase()),
  },
  {
    kind: "ip",
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%[\w.]+)?(?![\w:])/g,
    needs: /:[0-9A-Fa-f]{0,4}:/,
    accept: (m) => isIPv6(m[0].replace(/%[\w.]+$/, "")),
    replace: () => "[ip]",
  },
  {
    kind: "ip",
    pattern: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g,
    replace: () => "[ip]",
  },
];

export const LABELLED_PHONE_RULES: readonly TextRule[] = [
  labelled("fax", ["fax", "facsimile", "telefax"], PHONE_VALUE, "fax", 5),
  labelled(
    "phone",
    ["telephone", "tel", "phone", "mobile", "cell", "pager", "bleep", "ext", "extension", "call back"],
    PHONE_VALUE,
    "phone",
    3,
  ),
];

export const PHONE_SHAPE_RULES: readonly TextRule[] = [
  {
    kind: "phone",
    pattern: /(?<![\w+/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w/-]|\.\d)/g,
    replace: () => "[phone]",
  },
  {
    kind: "phone",
    pattern: /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?![\w/]|\.\d)/g,
    accept: (m) => digitCount(m[0]) >= 8,
    replace: () => "[phone]",
  },
];

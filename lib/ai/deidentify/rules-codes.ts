// Text rules for numbers and codes: SSN, MRN, account / health-plan numbers, licence numbers, vehicle
// identifiers, device serial numbers (→ device pseudonyms), UUIDs and cuid-like internal ids, other
// unique codes (a token of 8+ letters and digits with at least 3 digits) and long digit runs.
import { ci, digitCount, labelled } from "./rule-helpers";
import type { TextRule } from "./scrub";

const CODE = String.raw`[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9]`;

export const LABELLED_CODE_RULES: readonly TextRule[] = [
  labelled(
    "ssn",
    ["SSN", "social security number", "social security no", "social security"],
    String.raw`\d{3}[\s-]?\d{2}[\s-]?\d{4}\b`,
    "ssn",
    9,
  ),
  labelled("mrn", ["MRN", "medical record number", "medical record", "hospital number", "patient number", "patient id"], CODE, "mrn", 1),
  labelled(
    "account",
    [
      "account",
      "acct",
      "health plan",
      "plan id",
      "plan number",
      "plan no",
      "member id",
      "member",
      "policy",
      "insurance",
      "beneficiary",
      "subscriber",
      "medicare",
      "medicaid",
      "claim",
    ],
    CODE,
    "account",
    3,
  ),
  labelled(
    "vehicle",
    ["VIN", "vehicle identification number", "vehicle id", "licence plate", "license plate", "number plate", "plate"],
    String.raw`[A-Z0-9]{1,17}(?:[ -][A-Z0-9]{1,8}){0,2}\b`,
    "vehicle",
    1,
  ),
  labelled(
    "licence",
    ["licence", "license", "driver's licence", "driver's license", "lic", "DEA", "NPI", "certificate"],
    CODE,
    "licence",
    2,
  ),
  {
    kind: "device_id",
    pattern: new RegExp(
      String.raw`\b((?:${["serial number", "serial no", "serial", "asset tag", "UDI"].map(ci).join("|")}|S\/N|SN)(?![A-Za-z])\.?(?:\s*#)?[\s:#.]*)([A-Z0-9][A-Za-z0-9-]{2,}[A-Za-z0-9])`,
      "g",
    ),
    accept: (m) => digitCount(m[2] ?? "") >= 1,
    replace: (m, state) => `${m[1] ?? ""}${state.pseudonyms.device((m[2] ?? "").toUpperCase())}`,
  },
];

export const SSN_SHAPE_RULES: readonly TextRule[] = [
  { kind: "ssn", pattern: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, replace: () => "[ssn]" },
];

export const ID_SHAPE_RULES: readonly TextRule[] = [
  { kind: "other_id", pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, replace: () => "[id]" },
  // cuid (c + 24) and cuid2 (24 lower-case): any digit in them tells them from words.
  { kind: "other_id", pattern: /(?<![\w-])[a-z][a-z0-9]{23,31}(?![\w-])/g, accept: (m) => /\d/.test(m[0]), replace: () => "[id]" },
  // 17-character VIN (no I, O, Q).
  {
    kind: "vehicle",
    pattern: /\b[A-HJ-NPR-Z0-9]{17}\b/g,
    accept: (m) => /\d/.test(m[0]) && /[A-Z]/.test(m[0]),
    replace: () => "[vehicle]",
  },
  // DEA registration number: two letters and seven digits.
  { kind: "licence", pattern: /\b[A-Z][A-Z9]\d{7}\b/g, replace: () => "[licence]" },
  // Any other unique code: 8+ letters, digits and dashes with at least 3 digits and a letter.
  {
    kind: "other_id",
    pattern: /(?<![\w-])[A-Za-z0-9][A-Za-z0-9-]{6,}[A-Za-z0-9](?![\w-])/g,
    accept: (m) => digitCount(m[0]) >= 3 && /[A-Za-z]/.test(m[0]),
    replace: () => "[id]",
  },
];

export const LONG_NUMBER_RULES: readonly TextRule[] = [
  { kind: "account", pattern: /(?<![\w.,])\d{7,}(?![\w]|[.,]\d)/g, replace: () => "[account]" },
];

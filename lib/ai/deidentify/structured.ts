// De-identification of structured values (what a data parameter returns): each leaf is treated by the
// rule its field declares; undeclared strings are scrubbed as free text, undeclared numbers kept, Dates
// always made relative. Object keys are scrubbed too (a map keyed by device id must not leak the id).
import { relativeDateText, relativeInstantText } from "./rules-dates";
import { countRedaction, type ScrubState } from "./scrub";
import { ageText, toCalendarDate } from "./time";
import type { KnownIndex } from "./known";
import type { FieldRule, FieldRules, IdentifierKind, JsonValue } from "./types";

export type StructuredScrubber = {
  state: ScrubState;
  known: KnownIndex;
  /** What an unknown name in a patient_name field reads: "the patient" when the context has one patient. */
  defaultPatientLabel: string;
  text(s: string): string;
};

const PLACEHOLDER: Partial<Record<FieldRule, { kind: IdentifierKind; text: string }>> = {
  mrn: { kind: "mrn", text: "[mrn]" },
  ssn: { kind: "ssn", text: "[ssn]" },
  phone: { kind: "phone", text: "[phone]" },
  fax: { kind: "fax", text: "[fax]" },
  email: { kind: "email", text: "[email]" },
  url: { kind: "url", text: "[url]" },
  ip: { kind: "ip", text: "[ip]" },
  account: { kind: "account", text: "[account]" },
  licence: { kind: "licence", text: "[licence]" },
  vehicle: { kind: "vehicle", text: "[vehicle]" },
  address: { kind: "geography", text: "[address]" },
  zip: { kind: "geography", text: "[zip]" },
  internal_id: { kind: "other_id", text: "[id]" },
};

function counted(s: StructuredScrubber, kind: IdentifierKind, text: string): string {
  countRedaction(s.state.receipt, kind);
  return text;
}

function toInstant(value: string | number | Date): Date | null {
  const at = value instanceof Date ? value : typeof value === "number" ? new Date(value) : new Date(value.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}

function dateLeaf(value: string | number | Date, s: StructuredScrubber): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const date = toCalendarDate(value);
    return counted(s, "date", date ? relativeDateText(date, null, s.state) : "[date]");
  }
  const at = toInstant(value);
  return counted(s, "date", at ? relativeInstantText(at, s.state) : "[date]");
}

function ruledLeaf(rule: FieldRule, value: string | number | Date, s: StructuredScrubber): JsonValue {
  const raw = value instanceof Date ? value.toISOString() : String(value);
  if (raw.trim() === "" && typeof value === "string") return value;
  switch (rule) {
    case "free_text":
      return typeof value === "string" ? s.text(value) : (leaf(value, s) ?? null);
    case "datetime":
      return dateLeaf(value, s);
    case "birth_date": {
      const date = toCalendarDate(value instanceof Date ? value : raw);
      return counted(s, "date", (date && ageText(date, s.state.now, s.state.timeZone)) ?? "[date]");
    }
    case "patient_name":
      return counted(s, "name", s.known.nameLabelOf(raw) ?? s.defaultPatientLabel);
    case "patient_ref":
      return counted(s, "other_id", s.known.patientLabelOf(raw) ?? "[id]");
    case "staff_name":
      return counted(s, "name", s.known.staffWordOf(raw) ?? "a staff member");
    case "device_id":
      return counted(s, "device_id", s.state.pseudonyms.device(s.known.deviceIdOf(raw) ?? raw.trim().toUpperCase()));
    default: {
      const p = PLACEHOLDER[rule];
      return p ? counted(s, p.kind, p.text) : s.text(raw);
    }
  }
}

function leaf(value: unknown, s: StructuredScrubber): JsonValue | undefined {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return s.text(value);
  if (typeof value === "bigint") return s.text(value.toString());
  if (value instanceof Date) return dateLeaf(value, s);
  return undefined;
}

function ruleFor(rules: FieldRules, path: string, key: string): FieldRule | undefined {
  return rules[path] ?? rules[key];
}

export function scrubStructured(value: unknown, rules: FieldRules, s: StructuredScrubber, path = "", key = ""): JsonValue | undefined {
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const v = scrubStructured(item, rules, s, path, key);
      out.push(v === undefined ? null : v);
    }
    return out;
  }
  const rule = ruleFor(rules, path, key);
  if (rule && (typeof value === "string" || typeof value === "number" || value instanceof Date)) return ruledLeaf(rule, value, s);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const childPath = path ? `${path}.${k}` : k;
      const scrubbed = scrubStructured(v, rules, s, childPath, k);
      if (scrubbed === undefined) continue;
      const scrubbedKey = s.text(k);
      let outKey = scrubbedKey;
      for (let n = 2; Object.prototype.hasOwnProperty.call(out, outKey); n++) outKey = `${scrubbedKey} (${n})`;
      out[outKey] = scrubbed;
    }
    return out;
  }
  return leaf(value, s);
}

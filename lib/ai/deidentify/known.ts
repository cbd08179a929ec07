// What the caller told us (patients, staff, devices, internal ids, places) turned into the scrubber's
// first rules, which outrank every pattern: a known device serial counts as a device id, not a licence.
// Names are matched whole or in part ("Maria Lopez", "Lopez, Maria", "Mrs. Lopez", "Maria"), only when
// capitalised ("will" is not Will); a form shared by two people reads "a person".
import type { PseudonymBook } from "./pseudonyms";
import { escapeRegExp, sentenceCase, type TextRule } from "./scrub";
import type { DeidentifyContext, IdentifierKind } from "./types";

const ROLE_WORDS: Record<string, string> = {
  nurse: "a nurse",
  charge_nurse: "a charge nurse",
  physician: "a physician",
  doctor: "a physician",
  biomed: "a biomedical technician",
  admin: "an administrator",
};

export function roleWord(role: string | undefined): string {
  return (role && ROLE_WORDS[role]) || "a staff member";
}

const MIN_LITERAL = 3;
const TITLES = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|RN|Sister|Patient|Pt)\.?\s+)?`;

function normalize(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .toLowerCase();
}

/** A lookup of literals to what replaces them; a literal claimed twice differently gets `ambiguous`. */
class LiteralIndex {
  readonly map = new Map<string, string>();
  add(literal: string, replacement: string, ambiguous: string): void {
    const key = normalize(literal);
    if (key.length < MIN_LITERAL && !/\p{L}{2}/u.test(key)) return;
    const had = this.map.get(key);
    this.map.set(key, had !== undefined && had !== replacement ? ambiguous : replacement);
  }
  source(): string | null {
    const keys = [...this.map.keys()].sort((a, b) => b.length - a.length);
    if (keys.length === 0) return null;
    return keys
      .map((k) =>
        escapeRegExp(k)
          .replace(/, /g, String.raw`,\s*`)
          .replace(/ /g, String.raw`\s+`),
      )
      .join("|");
  }
}

function literalRule(kind: IdentifierKind, index: LiteralIndex, replace: (found: string, mapped: string) => string): TextRule | null {
  const source = index.source();
  if (!source) return null;
  return {
    kind,
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${source})(?![\p{L}\p{N}_])`, "giu"),
    replace: (m) => replace(m[0], index.map.get(normalize(m[0])) ?? ""),
  };
}

function nameForms(given: readonly string[], family: string): string[] {
  const g = given.map((s) => s.trim()).filter(Boolean);
  const f = family.trim();
  const first = g[0] ?? "";
  const all = g.join(" ");
  const forms = [`${all} ${f}`, `${first} ${f}`, `${f}, ${all}`, `${f}, ${first}`, `${f} ${all}`, ...g, f];
  return [...new Set(forms.map((x) => x.trim()).filter((x) => x.replace(/[ ,]/g, "").length >= 2))];
}

export type KnownIndex = {
  rules: TextRule[];
  /** The device a value (id or alias) names, by its id. */
  deviceIdOf(value: string): string | undefined;
  /** The pseudonym of a context patient by internal id. */
  patientLabelOf(id: string): string | undefined;
  /** The role word for a staff member's name. */
  staffWordOf(name: string): string | undefined;
  /** What a known person's name (any form) is replaced by. */
  nameLabelOf(name: string): string | undefined;
};

export function buildKnownIndex(context: DeidentifyContext, book: PseudonymBook): KnownIndex {
  const patients = context.patients ?? [];
  const devices = new LiteralIndex();
  for (const d of context.devices ?? []) for (const lit of [d.id, ...(d.aliases ?? [])]) devices.add(lit, d.id, d.id);

  const patientIds = new LiteralIndex();
  const ids = new LiteralIndex();
  const mrns = new LiteralIndex();
  const names = new LiteralIndex();
  const phones = new LiteralIndex();
  const emails = new LiteralIndex();
  const places = new LiteralIndex();
  const patientLabels = new Map<string, string>();
  patients.forEach((p, i) => {
    const label = book.patient(p.id ?? `#${i}`) ?? "the patient";
    if (p.id) {
      patientIds.add(p.id, label, "[id]");
      patientLabels.set(p.id.trim(), label);
    }
    for (const other of p.otherIds ?? []) ids.add(other, "[id]", "[id]");
    if (p.mrn) mrns.add(p.mrn, "[mrn]", "[mrn]");
    for (const form of nameForms(p.givenNames, p.familyName)) names.add(form, label, "a person");
    for (const ph of p.phones ?? []) phones.add(ph, "[phone]", "[phone]");
    for (const e of p.emails ?? []) emails.add(e, "[email]", "[email]");
    for (const a of p.addresses ?? []) places.add(a, "[address]", "[address]");
  });
  const staffWords = new Map<string, string>();
  for (const s of context.staff ?? []) {
    const word = roleWord(s.role);
    if (s.id) ids.add(s.id, "[id]", "[id]");
    const parts = s.name.trim().split(/\s+/);
    const family = parts.length > 1 ? (parts.pop() ?? "") : "";
    for (const form of family ? nameForms(parts, family) : parts) {
      names.add(form, word, "a person");
      staffWords.set(normalize(form), word);
    }
  }
  for (const id of context.internalIds ?? []) ids.add(id, "[id]", "[id]");
  for (const place of context.places ?? []) places.add(place, "[address]", "[address]");

  const namesSource = names.source();
  const nameRule: TextRule | null = namesSource
    ? {
        kind: "name",
        // Matched case-insensitively; only capitalised occurrences are accepted.
        pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])${TITLES}((?:${namesSource}))(?![\p{L}\p{N}_])`, "giu"),
        accept: (m) => {
          const found = m[1] ?? "";
          return names.map.has(normalize(found)) && found.charAt(0) !== found.charAt(0).toLowerCase();
        },
        replace: (m, _s, text) => sentenceCase(names.map.get(normalize(m[1] ?? "")) ?? "a person", text, m.index),
      }
    : null;

  const rules = [
    literalRule("device_id", devices, (_f, id) => book.device(id)),
    literalRule("other_id", patientIds, (_f, label) => label),
    literalRule("mrn", mrns, () => "[mrn]"),
    literalRule("other_id", ids, () => "[id]"),
    literalRule("email", emails, () => "[email]"),
    literalRule("phone", phones, () => "[phone]"),
    literalRule("geography", places, () => "[address]"),
    nameRule,
  ].filter((r): r is TextRule => r !== null);

  return {
    rules,
    deviceIdOf: (value) => devices.map.get(normalize(value)),
    patientLabelOf: (id) => patientLabels.get(id.trim()),
    staffWordOf: (name) => staffWords.get(normalize(name)),
    nameLabelOf: (name) => names.map.get(normalize(name)),
  };
}

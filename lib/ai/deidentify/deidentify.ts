// lib/ai/deidentify owns HIPAA Safe Harbor de-identification of everything that leaves for an AI model.
// Structured values (what a data parameter returns, with its identifier fields declared) and free text
// are cleaned of names (→ "the patient", role words), dates (→ times relative to now; birth date → age),
// MRN, SSN, phone, fax, e-mail, URL, IP, account/plan, licence and vehicle numbers, device ids and serials
// (→ "device A", stable within one session), small geography and other unique codes; a final pass over
// the whole outbound text catches anything left. The result carries a receipt {kind: count} and the
// pseudonym map (kept by the caller to show real names in the answer, never sent).
//
// One session per AI call, so pseudonyms stay consistent across every parameter and the final pass:
//   const d = createDeidentifier(context);
//   const vitals = d.value(rows, { recordedAt: "datetime", deviceId: "device_id" });
//   ...render the prompt...; const outbound = messages.map((m) => d.text(m.content));
//   const { receipt, pseudonyms } = d.result();
import { buildKnownIndex } from "./known";
import { PseudonymBook } from "./pseudonyms";
import { CLOCK_RULES, DATE_RULES, ELDERLY_AGE_RULES, ELDERLY_YEAR_RULE } from "./rules-dates";
import { EMAIL_RULES, LABELLED_PHONE_RULES, NETWORK_RULES, PHONE_SHAPE_RULES, URL_RULES } from "./rules-contact";
import { ID_SHAPE_RULES, LABELLED_CODE_RULES, LONG_NUMBER_RULES, SSN_SHAPE_RULES } from "./rules-codes";
import { PLACE_RULES, TITLED_NAME_RULES } from "./rules-places-names";
import { scrubWithRules, type ScrubState, type TextRule } from "./scrub";
import { scrubStructured } from "./structured";
import { ageText, toCalendarDate, MAX_AGE_SHOWN, type CalendarDate } from "./time";
import type { DeidentifyContext, FieldRules, JsonValue, PseudonymMap, RedactionReceipt } from "./types";

export type {
  DeidentifyContext,
  FieldRule,
  FieldRules,
  IdentifierKind,
  JsonValue,
  KnownDevice,
  KnownPatient,
  KnownStaff,
  PseudonymMap,
  PseudonymTarget,
  RedactionReceipt,
} from "./types";
export { IDENTIFIER_KINDS } from "./types";
export { reidentify } from "./pseudonyms";

/** Pattern rules after the known identifiers, in priority order (an earlier rule's span wins). */
const PATTERN_RULES: readonly TextRule[] = [
  ...URL_RULES,
  ...EMAIL_RULES,
  ...NETWORK_RULES,
  ...LABELLED_CODE_RULES,
  ...LABELLED_PHONE_RULES,
  ...DATE_RULES,
  ...ELDERLY_AGE_RULES,
  ...SSN_SHAPE_RULES,
  ...PHONE_SHAPE_RULES,
  ...ID_SHAPE_RULES,
  ...PLACE_RULES,
  ...LONG_NUMBER_RULES,
  ...CLOCK_RULES,
  ...TITLED_NAME_RULES,
  ELDERLY_YEAR_RULE,
];

const CLEAN_CACHE_LIMIT = 20_000;

export type Deidentifier = {
  /** De-identifies a structured value; `fields` declares its identifier fields (see FieldRule). */
  value(value: unknown, fields?: FieldRules): JsonValue;
  /** Scrubs free text (also the final pass over the whole outbound text; scrubbing twice changes nothing). */
  text(text: string): string;
  /** What has been replaced so far in this session, and the pseudonyms handed out. */
  result(): { receipt: RedactionReceipt; pseudonyms: PseudonymMap };
};

export function createDeidentifier(context: DeidentifyContext): Deidentifier {
  const timeZone = context.timeZone ?? "UTC";
  const patients = context.patients ?? [];
  const book = new PseudonymBook(patients.map((p, i) => p.id ?? `#${i}`));
  const birthDates: CalendarDate[] = [];
  const elderlyBirthYears = new Set<number>();
  for (const p of patients) {
    const birth = p.birthDate === undefined ? null : toCalendarDate(p.birthDate);
    if (!birth) continue;
    birthDates.push(birth);
    if (ageText(birth, context.now, timeZone) === `${MAX_AGE_SHOWN + 1} or older`) elderlyBirthYears.add(birth.y);
  }
  const state: ScrubState = {
    now: context.now,
    timeZone,
    dateOrder: context.dateOrder ?? "mdy",
    birthDates,
    elderlyBirthYears,
    pseudonyms: book,
    receipt: {},
  };
  const known = buildKnownIndex(context, book);
  const rules = [...known.rules, ...PATTERN_RULES];
  // Strings found clean (keys, codes, repeated values) are not scanned again in this session.
  const clean = new Set<string>();
  const text = (s: string): string => {
    if (clean.has(s)) return s;
    const out = scrubWithRules(s, rules, state);
    if (out.replaced === 0 && clean.size < CLEAN_CACHE_LIMIT) clean.add(s);
    return out.text;
  };
  const structured = { state, known, text, defaultPatientLabel: patients.length === 1 ? "the patient" : "a patient" };

  return {
    value: (value, fields = {}) => scrubStructured(value, fields, structured) ?? null,
    text,
    result: () => ({ receipt: { ...state.receipt }, pseudonyms: book.map() }),
  };
}

/** One-shot: de-identify a structured value. */
export function deidentifyValue(
  value: unknown,
  fields: FieldRules,
  context: DeidentifyContext,
): { value: JsonValue } & ReturnType<Deidentifier["result"]> {
  const d = createDeidentifier(context);
  const out = d.value(value, fields);
  return { value: out, ...d.result() };
}

/** One-shot: de-identify free text. */
export function deidentifyText(text: string, context: DeidentifyContext): { text: string } & ReturnType<Deidentifier["result"]> {
  const d = createDeidentifier(context);
  const out = d.text(text);
  return { text: out, ...d.result() };
}

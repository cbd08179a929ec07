// The vocabulary of de-identification: identifier kinds (the receipt's keys), what a caller tells us it
// knows about the people and devices in the data (the context), and how a data parameter declares the
// identifier fields of the values it returns.

/** Safe Harbor identifier kinds, as counted in a redaction receipt. */
export const IDENTIFIER_KINDS = [
  "name",
  "geography",
  "date",
  "phone",
  "fax",
  "email",
  "ssn",
  "mrn",
  "account",
  "licence",
  "vehicle",
  "device_id",
  "url",
  "ip",
  "other_id",
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** How many identifiers of each kind were removed or replaced; kinds with none are absent. */
export type RedactionReceipt = Partial<Record<IdentifierKind, number>>;

export type KnownPatient = {
  /** The internal id (never sent); replaced by the patient's pseudonym wherever it appears. */
  id?: string;
  givenNames: readonly string[];
  familyName: string;
  mrn?: string;
  /** A Date or "YYYY-MM-DD"; becomes an age ("90 or older" above 89) wherever it appears. */
  birthDate?: Date | string;
  otherIds?: readonly string[];
  phones?: readonly string[];
  emails?: readonly string[];
  addresses?: readonly string[];
};

/** A staff member whose name may appear (who acknowledged, who wrote a note): replaced by a role word. */
export type KnownStaff = { id?: string; name: string; role?: string };

/** A device: its id and every other identifier it goes by (serial number, asset tag, MAC address). */
export type KnownDevice = { id: string; aliases?: readonly string[] };

export type DeidentifyContext = {
  /** The moment every date and time is made relative to. */
  now: Date;
  /** IANA zone for clock times and dates written without a zone; "UTC" when absent. */
  timeZone?: string;
  /** How to read an ambiguous numeric date such as 03/04/2026: month first (US, default) or day first. */
  dateOrder?: "mdy" | "dmy";
  /** One patient reads "the patient"; several read "patient A", "patient B" in this order. */
  patients?: readonly KnownPatient[];
  staff?: readonly KnownStaff[];
  devices?: readonly KnownDevice[];
  /** Other internal ids (alerts, wards, users) to remove wherever they appear. */
  internalIds?: readonly string[];
  /** Small geography known to the caller (street, town, institution addresses) to remove. */
  places?: readonly string[];
};

/**
 * How a data parameter declares an identifier field of its values. A rule is looked up by the field's
 * dotted path (array levels skipped, e.g. "alerts.ackBy") and then by its bare key. A string without a
 * rule is scrubbed as free text; a number without a rule is kept (vital values); a Date always becomes
 * a relative time.
 */
export type FieldRule =
  | "patient_name"
  | "patient_ref"
  | "staff_name"
  | "birth_date"
  | "datetime"
  | "device_id"
  | "mrn"
  | "ssn"
  | "phone"
  | "fax"
  | "email"
  | "url"
  | "ip"
  | "account"
  | "licence"
  | "vehicle"
  | "address"
  | "zip"
  | "internal_id"
  | "free_text";
export type FieldRules = Readonly<Record<string, FieldRule>>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a pseudonym stands for; kept by the caller for display, never sent. */
export type PseudonymTarget = { kind: "device" | "patient"; id: string };
export type PseudonymMap = Record<string, PseudonymTarget>;

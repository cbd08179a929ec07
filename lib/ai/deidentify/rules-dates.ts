// Text rules for dates and times. Every date or time becomes relative to now ("-3 h 10 min", "-3 d");
// a patient's birth date becomes an age; a month with only a year keeps just the year (a bare year is
// allowed), and a bare year that is a 90+ patient's birth year is removed. Text already relative
// ("-15 min") contains no date and is left alone.
import type { ScrubState, TextRule } from "./scrub";
import {
  MAX_AGE_SHOWN,
  ageText,
  calendarDateIn,
  daysBetween,
  formatRelative,
  formatRelativeDays,
  isValidDate,
  nearestClockTime,
  sameDate,
  zonedToInstant,
  type CalendarDate,
} from "./time";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH_FORMS = MONTH_NAMES.flatMap((full) => {
  const abbr = full.slice(0, 3);
  const forms = [full, abbr, ...(full === "September" ? ["Sept"] : [])];
  return forms.flatMap((f) => [f, f.toUpperCase()]);
}).sort((a, b) => b.length - a.length);
const MONTHS = `(${MONTH_FORMS.join("|")})\\.?`;

function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === key) + 1;
}

/** Optional clock time after a date: ", at 14:30", " 2:30 pm". Groups: hour, minute, second, a/p. */
const TIME = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])(?:\.[Mm]\.|[Mm]\b))?)?`;

type Clock = { hh: number; mi: number; ss: number };

function clock(h?: string, mi?: string, s?: string, ap?: string): Clock | null {
  if (h === undefined || mi === undefined) return null;
  let hh = Number(h);
  const mm = Number(mi);
  const ss = s === undefined ? 0 : Number(s);
  if (ap) {
    if (hh < 1 || hh > 12) return null;
    hh = (hh % 12) + (ap.toLowerCase() === "p" ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return { hh, mi: mm, ss };
}

function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y);
  const yy = Number(y);
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + yy > now.getUTCFullYear() + 1 ? century - 100 + yy : century + yy;
}

/** A date written without a year: the year that puts it nearest to today. */
function nearestYear(m: number, d: number, state: ScrubState): CalendarDate | null {
  const today = calendarDateIn(state.now, state.timeZone);
  let best: CalendarDate | null = null;
  for (const y of [today.y - 1, today.y, today.y + 1]) {
    const c = { y, m, d };
    if (!isValidDate(c)) continue;
    if (!best || Math.abs(daysBetween(today, c)) < Math.abs(daysBetween(today, best))) best = c;
  }
  return best;
}

function isBirthDate(date: CalendarDate, state: ScrubState): boolean {
  return state.birthDates.some((b) => sameDate(b, date));
}

/** The relative (or age) text of a date with an optional local time. */
export function relativeDateText(date: CalendarDate, time: Clock | null, state: ScrubState): string {
  if (isBirthDate(date, state)) return ageText(date, state.now, state.timeZone) ?? "[date]";
  if (time) return formatRelative(zonedToInstant({ ...date, ...time }, state.timeZone).getTime() - state.now.getTime());
  return formatRelativeDays(daysBetween(calendarDateIn(state.now, state.timeZone), date));
}

/** The relative text of an instant (a Date, an ISO string with a zone, epoch milliseconds). */
export function relativeInstantText(at: Date, state: ScrubState): string {
  return formatRelative(at.getTime() - state.now.getTime());
}

/** Reads a numeric date whose day/month order may be ambiguous; the context's order breaks ties. */
function numericDate(a: number, b: number, y: number, state: ScrubState): CalendarDate | null {
  const mdy = { y, m: a, d: b };
  const dmy = { y, m: b, d: a };
  const candidates = state.dateOrder === "dmy" ? [dmy, mdy] : [mdy, dmy];
  const valid = candidates.filter(isValidDate);
  return valid.find((c) => isBirthDate(c, state)) ?? valid[0] ?? null;
}

const ISO_DATETIME =
  /\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?(?![\d:])/g;

function isoDateTime(m: RegExpExecArray, state: ScrubState): string | null {
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const time = clock(m[4], m[5], m[6]);
  if (!isValidDate(date) || !time) return null;
  const zone = m[7];
  if (!zone) return relativeDateText(date, time, state);
  const offset =
    zone === "Z" || zone === "UTC" || zone === "GMT"
      ? "Z"
      : zone.length === 3
        ? `${zone}:00`
        : zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${offset}`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : relativeInstantText(at, state);
}

function ruleFrom(pattern: RegExp, read: (m: RegExpExecArray, state: ScrubState) => string | null): TextRule {
  return {
    kind: "date",
    pattern,
    accept: (m, state) => read(m, state) !== null,
    replace: (m, state) => read(m, state) ?? "[date]",
  };
}

export const DATE_RULES: readonly TextRule[] = [
  ruleFrom(ISO_DATETIME, isoDateTime),
  ruleFrom(/\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|\.\d)/g, (m, state) => {
    const date = { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
    return isValidDate(date) ? relativeDateText(date, null, state) : null;
  }),
  ruleFrom(new RegExp(String.raw`(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)` + TIME, "g"), (m, state) => {
    const date = numericDate(Number(m[1]), Number(m[3]), fullYear(m[4] ?? "", state.now), state);
    return date ? relativeDateText(date, clock(m[5], m[6], m[7], m[8]), state) : null;
  }),
  ruleFrom(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTHS}(?:,?\s+(\d{4}))?(?![\w])` + TIME, "g"), (m, state) => {
    const mo = monthNumber(m[2] ?? "");
    const d = Number(m[1]);
    const date = m[3] ? { y: Number(m[3]), m: mo, d } : nearestYear(mo, d, state);
    return date && isValidDate(date) ? relativeDateText(date, clock(m[4], m[5], m[6], m[7]), state) : null;
  }),
  ruleFrom(new RegExp(String.raw`\b${MONTHS}\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(\d{4}))?(?!\w)` + TIME, "g"), (m, state) => {
    const mo = monthNumber(m[1] ?? "");
    const d = Number(m[2]);
    const date = m[3] ? { y: Number(m[3]), m: mo, d } : nearestYear(mo, d, state);
    return date && isValidDate(date) ? relativeDateText(date, clock(m[4], m[5], m[6], m[7]), state) : null;
  }),
  // A month and a year: the month goes, the year may stay.
  ruleFrom(new RegExp(String.raw`\b${MONTHS}\s+(\d{4})\b`, "g"), (m) => m[2] ?? null),
];

/** Clock times on their own: the nearest occurrence to now, made relative. Runs after every id rule. */
export const CLOCK_RULES: readonly TextRule[] = [
  ruleFrom(/(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:\s?([AaPp])(?:\.[Mm]\.|[Mm]\b))?(?![\d:])/g, (m, state) => {
    const t = clock(m[1], m[2], m[3], m[4]);
    return t ? relativeInstantText(nearestClockTime(t.hh, t.mi, t.ss, state.now, state.timeZone), state) : null;
  }),
  ruleFrom(/\b(1[0-2]|0?[1-9])\s?([AaPp])(?:\.[Mm]\.|[Mm]\b)/g, (m, state) => {
    const t = clock(m[1], "00", "00", m[2]);
    return t ? relativeInstantText(nearestClockTime(t.hh, t.mi, t.ss, state.now, state.timeZone), state) : null;
  }),
];

/** An age over 89 written out ("92-year-old", "aged 93", "age: 95") reads "90 or older". */
export const ELDERLY_AGE_RULES: readonly TextRule[] = [
  {
    kind: "date",
    pattern: /(?<![-+\d.])(\d{2,3})[\s-]*(?:years?|yrs?|y\.?o\.?)(?:[\s-]*old)?\b/gi,
    accept: (m) => Number(m[1]) > MAX_AGE_SHOWN,
    replace: () => `${MAX_AGE_SHOWN + 1} or older`,
  },
  {
    kind: "date",
    pattern: /\b([Aa]ged?|AGED?)(:?\s*)(\d{2,3})\b/g,
    accept: (m) => Number(m[3]) > MAX_AGE_SHOWN,
    replace: (m) => `${m[1] ?? ""}${m[2] ?? " "}${MAX_AGE_SHOWN + 1} or older`,
  },
];

/** A bare year that is a 90+ patient's birth year. */
export const ELDERLY_YEAR_RULE: TextRule = {
  kind: "date",
  pattern: /\b(1[89]\d{2}|20\d{2})\b/g,
  accept: (m, state) => state.elderlyBirthYears.has(Number(m[1])),
  replace: () => "[year]",
};

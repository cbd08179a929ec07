// Dates and times made relative to "now" ("-3 h 10 min", "-2 d 4 h", "today", "-3 d"), birth dates made
// ages ("90 or older" above 89), and the calendar arithmetic behind it, including local clock times in
// an IANA time zone.

export type CalendarDate = { y: number; m: number; d: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.2425 * DAY;

/** The oldest age Safe Harbor lets through; anything older reads "90 or older". */
export const MAX_AGE_SHOWN = 89;

function years(abs: number, sign: string): string {
  const y = Math.floor(abs / YEAR);
  if (y > MAX_AGE_SHOWN && sign === "-") return `-${MAX_AGE_SHOWN + 1} y or more`;
  return `${sign}${y} y`;
}

/** An offset in ms (negative = past) as "-3 h 10 min"; under a minute is "now". */
export function formatRelative(deltaMs: number): string {
  const abs = Math.abs(deltaMs);
  if (abs < MINUTE) return "now";
  const sign = deltaMs < 0 ? "-" : "+";
  if (abs < HOUR) return `${sign}${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const min = Math.floor((abs % HOUR) / MINUTE);
    return min ? `${sign}${h} h ${min} min` : `${sign}${h} h`;
  }
  if (abs < 365 * DAY) {
    const d = Math.floor(abs / DAY);
    const h = Math.floor((abs % DAY) / HOUR);
    return h ? `${sign}${d} d ${h} h` : `${sign}${d} d`;
  }
  return years(abs, sign);
}

/** A calendar-day offset (negative = past) as "today", "-3 d", "+1 d" or years. */
export function formatRelativeDays(days: number): string {
  if (days === 0) return "today";
  const sign = days < 0 ? "-" : "+";
  const abs = Math.abs(days);
  if (abs < 365) return `${sign}${abs} d`;
  return years(abs * DAY, sign);
}

export function isValidDate(c: CalendarDate): boolean {
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.d > 31) return false;
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d));
  return t.getUTCFullYear() === c.y && t.getUTCMonth() === c.m - 1 && t.getUTCDate() === c.d;
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / DAY);
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type WallClock = CalendarDate & { hh: number; mi: number; ss: number };

function wallClock(at: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { y: parts.year ?? 0, m: parts.month ?? 0, d: parts.day ?? 0, hh: parts.hour ?? 0, mi: parts.minute ?? 0, ss: parts.second ?? 0 };
}

/** The calendar date of `at` in `timeZone`. */
export function calendarDateIn(at: Date, timeZone: string): CalendarDate {
  const { y, m, d } = wallClock(at, timeZone);
  return { y, m, d };
}

function offsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mi, w.ss) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows this local date and time. */
export function zonedToInstant(local: WallClock, timeZone: string): Date {
  const guess = Date.UTC(local.y, local.m - 1, local.d, local.hh, local.mi, local.ss);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(second);
}

/** A clock time with no date: its occurrence nearest to `now` (within 12 h either side). */
export function nearestClockTime(hh: number, mi: number, ss: number, now: Date, timeZone: string): Date {
  const today = calendarDateIn(now, timeZone);
  let at = zonedToInstant({ ...today, hh, mi, ss }, timeZone).getTime();
  if (at - now.getTime() > 12 * HOUR) at -= DAY;
  else if (now.getTime() - at > 12 * HOUR) at += DAY;
  return new Date(at);
}

/** "76 years", "90 or older", "7 months" for an infant; null when the birth date is after `now`. */
export function ageText(birth: CalendarDate, now: Date, timeZone: string): string | null {
  const today = calendarDateIn(now, timeZone);
  let age = today.y - birth.y;
  if (today.m < birth.m || (today.m === birth.m && today.d < birth.d)) age -= 1;
  if (age < 0) return null;
  if (age > MAX_AGE_SHOWN) return `${MAX_AGE_SHOWN + 1} or older`;
  if (age >= 1) return `${age} ${age === 1 ? "year" : "years"}`;
  let months = (today.y - birth.y) * 12 + (today.m - birth.m);
  if (today.d < birth.d) months -= 1;
  return `${months} ${months === 1 ? "month" : "months"}`;
}

/** "YYYY-MM-DD" or a Date (its UTC calendar date, as Prisma returns a DATE column). */
export function toCalendarDate(value: Date | string): CalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(c) ? c : null;
}

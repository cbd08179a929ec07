// Wall-clock time in an IANA time zone, without a date library: the offset at an instant (Intl), local
// wall time to an instant, and local calendar days as UTC windows (23 or 25 hours long on DST days).
// Shared by HL7 timestamps (sent in the PAS's local time) and the daily flow figures (days are local).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a time zone name the runtime does not know (a configuration mistake). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(utcMs: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Minutes east of UTC in `timeZone` at the instant `utcMs`. */
export function utcOffsetMinutes(utcMs: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const p = localParts(utcMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The instant at which clocks in `timeZone` read the given wall time (month 1–12). */
export function wallClockToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = naive - utcOffsetMinutes(naive, timeZone) * 60_000;
  return new Date(naive - utcOffsetMinutes(first, timeZone) * 60_000);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const p = localParts(at.getTime(), timeZone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The day after a YYYY-MM-DD (calendar arithmetic, no zone involved). */
export function nextDay(day: string, by = 1): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`day "${day}" is not YYYY-MM-DD`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + by)).toISOString().slice(0, 10);
}

/** [local midnight, next local midnight) of a YYYY-MM-DD in `timeZone`. */
export function localDayWindow(day: string, timeZone: string): { from: Date; to: Date } {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`day "${day}" is not YYYY-MM-DD`);
  const n = DAY.exec(nextDay(day))!;
  return {
    from: wallClockToUtc(timeZone, Number(m[1]), Number(m[2]), Number(m[3])),
    to: wallClockToUtc(timeZone, Number(n[1]), Number(n[2]), Number(n[3])),
  };
}

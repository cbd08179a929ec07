// HL7 v2 dates (DT) and timestamps (TS/DTM) read strictly: YYYYMMDD[HHMM[SS[.S…]]][+/-ZZZZ]. A value
// without an offset is wall-clock time in the sender's time zone (IANA name, e.g. "Europe/Berlin"),
// which is how most PAS send it; that zone is configured, not guessed.

import { utcOffsetMinutes, wallClockToUtc } from "../time-zone";

export type DateParse<T> = { ok: true; value: T } | { ok: false; reason: string };

const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?([+-]\d{4})?$/;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function readWallTime(value: string): DateParse<{ wall: WallTime; offsetMinutes: number | null }> {
  const m = TIMESTAMP.exec(value);
  if (!m) return { ok: false, reason: `"${value}" is not an HL7 date/time (YYYYMMDD[HHMM[SS]][+/-ZZZZ])` };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12) return { ok: false, reason: `"${value}" has month ${month}` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth)
    return { ok: false, reason: `"${value}" has day ${day}, not in ${year}-${String(month).padStart(2, "0")}` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `"${value}" has an impossible time of day` };
  let offsetMinutes: number | null = null;
  if (m[8]) {
    const sign = m[8].startsWith("-") ? -1 : 1;
    const hh = Number(m[8].slice(1, 3));
    const mm = Number(m[8].slice(3, 5));
    if (hh > 14 || mm > 59) return { ok: false, reason: `"${value}" has an impossible UTC offset ${m[8]}` };
    offsetMinutes = sign * (hh * 60 + mm);
  }
  return { ok: true, value: { wall: { year, month, day, hour, minute, second, millisecond }, offsetMinutes } };
}

/** An HL7 timestamp as an instant. Needs at least a full date. */
export function parseHl7Timestamp(value: string, timeZone = "UTC"): DateParse<Date> {
  const read = readWallTime(value);
  if (!read.ok) return read;
  const { wall, offsetMinutes } = read.value;
  const ms =
    offsetMinutes === null
      ? wallClockToUtc(timeZone, wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond).getTime()
      : Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond) - offsetMinutes * 60_000;
  return { ok: true, value: new Date(ms) };
}

/** An HL7 date (a timestamp's time part is checked, then dropped) as YYYY-MM-DD. */
export function parseHl7Date(value: string): DateParse<string> {
  const read = readWallTime(value);
  if (!read.ok) return read;
  const { year, month, day } = read.value.wall;
  return { ok: true, value: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** An instant as an HL7 timestamp in `timeZone`'s wall-clock time with its offset: 20261123180000+0100. */
export function formatHl7Timestamp(date: Date, timeZone = "UTC"): string {
  const offset = utcOffsetMinutes(date.getTime(), timeZone);
  const local = new Date(date.getTime() + offset * 60_000);
  const digits =
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds());
  return `${digits}${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
}

/** YYYY-MM-DD as an HL7 date: 19800512. */
export function formatHl7Date(isoDate: string): string {
  return isoDate.replaceAll("-", "");
}

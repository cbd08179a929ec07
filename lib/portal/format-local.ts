// Times and days in the patient's local time, formatted the same on the server and in the browser (the
// offset travels with the view model, so nothing depends on either clock's zone). Pure.
const MIN = 60_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "07:35". */
export function formatLocalTime(t: number, tzOffsetMinutes: number): string {
  return new Date(t + tzOffsetMinutes * MIN).toISOString().slice(11, 16);
}

/** "Thu 3 Dec" for a day key "2026-12-03". */
export function formatDayKey(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "Thu 3 Dec, 07:35". */
export function formatLocalDateTime(t: number, tzOffsetMinutes: number): string {
  const shifted = new Date(t + tzOffsetMinutes * MIN).toISOString();
  return `${formatDayKey(shifted.slice(0, 10))}, ${shifted.slice(11, 16)}`;
}

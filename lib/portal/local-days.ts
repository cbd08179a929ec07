// Local calendar days for the portal's "today" and per-day views: a day key (YYYY-MM-DD in the patient's
// local time, given as a fixed offset from UTC) and the start of a local day. Pure.
const MIN = 60_000;
export const DAY_MS = 86_400_000;

/** "2026-12-03" for the local day containing `t`. */
export function dayKey(t: number, tzOffsetMinutes: number): string {
  return new Date(t + tzOffsetMinutes * MIN).toISOString().slice(0, 10);
}

/** Wall time of the local midnight starting the day that contains `t`. */
export function localMidnight(t: number, tzOffsetMinutes: number): number {
  const shifted = t + tzOffsetMinutes * MIN;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - tzOffsetMinutes * MIN;
}

/** The `n` local day keys ending with the day of `nowMs`, oldest first. */
export function lastDays(nowMs: number, n: number, tzOffsetMinutes: number): string[] {
  const today = localMidnight(nowMs, tzOffsetMinutes);
  return Array.from({ length: n }, (_, i) => dayKey(today - (n - 1 - i) * DAY_MS, tzOffsetMinutes));
}

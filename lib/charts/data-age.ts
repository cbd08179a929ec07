// How old a reading is, in words a nurse reads at a glance, and whether it is still trustworthy.
// Pure; shared by the ward tiles and the patient page.

/** A reading older than this is flagged STALE. */
export const STALE_AFTER_MS = 60_000;
/** A reading older than this (or no reading at all) is flagged OFFLINE, an INOP-class condition. */
export const OFFLINE_AFTER_MS = 5 * 60_000;

export type Freshness = "fresh" | "stale" | "offline";

/** "now", "12 s", "3 min", "2 h", "4 d". Future times (clock skew) read as "now". */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1_000) return "now";
  const s = Math.floor(ms / 1_000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** `ts` as epoch ms or ISO string; null/undefined/unparseable means no data, which is offline. */
export function freshness(ts: number | string | null | undefined, now: number): Freshness {
  const t = toEpoch(ts);
  if (t === null) return "offline";
  const age = now - t;
  if (age > OFFLINE_AFTER_MS) return "offline";
  if (age > STALE_AFTER_MS) return "stale";
  return "fresh";
}

export function toEpoch(ts: number | string | null | undefined): number | null {
  if (ts === null || ts === undefined) return null;
  const t = typeof ts === "number" ? ts : Date.parse(ts);
  return Number.isFinite(t) ? t : null;
}

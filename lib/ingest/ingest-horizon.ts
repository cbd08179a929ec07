// How far back a frame's `ts` may lie: INGEST_MAX_AGE_DAYS (7 by default) for every device, or
// INGEST_BACKFILL_DAYS for the types that store readings offline and upload them later
// (INGEST_BACKFILL_TYPES). Older frames are refused with a reason naming the horizon.
import type { Env } from "@/lib/env";

const DAY_MS = 86_400_000;

export type Horizon = { maxAgeMs: number; setting: string };

export function ingestHorizon(
  deviceType: string,
  e: Pick<Env, "INGEST_MAX_AGE_DAYS" | "INGEST_BACKFILL_DAYS" | "INGEST_BACKFILL_TYPES">,
): Horizon {
  const backfill = e.INGEST_BACKFILL_TYPES.split(",")
    .map((t) => t.trim())
    .includes(deviceType);
  return backfill
    ? { maxAgeMs: e.INGEST_BACKFILL_DAYS * DAY_MS, setting: `${e.INGEST_BACKFILL_DAYS} days for a ${deviceType} (INGEST_BACKFILL_DAYS)` }
    : { maxAgeMs: e.INGEST_MAX_AGE_DAYS * DAY_MS, setting: `${e.INGEST_MAX_AGE_DAYS} days (INGEST_MAX_AGE_DAYS)` };
}

/** The reason a frame dated `ts` is too old for this horizon, or null. */
export function tooOld(ts: number, horizon: Horizon, now = Date.now()): string | null {
  if (now - ts <= horizon.maxAgeMs) return null;
  return `${new Date(ts).toISOString()} is older than the ingest horizon of ${horizon.setting}`;
}

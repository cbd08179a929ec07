// An asset's status from plain facts: in use (attached to a patient, or running), missing (the location
// engine lost its tag), service due (the registry's date has passed), needs cleaning (soiled and not
// cleaned since), else available. When several apply the first of ASSET_STATUSES wins; all are listed.
import { ASSET_STATUSES, type AssetStatus } from "@/lib/assets/asset-types";
import type { RoomType } from "@/lib/assets/floors/floor-model";
import type { TagState } from "@/lib/assets/location/location-types";

export type AssetFacts = {
  /** Assigned to a patient in the registry. */
  attachedToPatient: boolean;
  /** Reporting that it is working (e.g. a pump infusing). */
  running: boolean;
  /** When it last became soiled (see soiledAt), or null. */
  soiledAt: number | null;
  /** When it was last recorded cleaned, or null. */
  cleanedAt: number | null;
  /** When its next service falls due (registry), or null. */
  serviceDueAt: number | null;
  /** The location engine's state for its tag; null without a tag or before a first fix. */
  locationState: TagState | null;
};

export type AssetStatusResult = {
  status: AssetStatus;
  /** Every status that applies, most important first (the first is `status`). */
  applies: AssetStatus[];
};

export function assetStatus(facts: AssetFacts, now: number): AssetStatusResult {
  const holds: Record<AssetStatus, boolean> = {
    in_use: facts.attachedToPatient || facts.running,
    missing: facts.locationState === "missing",
    service_due: facts.serviceDueAt !== null && facts.serviceDueAt <= now,
    needs_cleaning: facts.soiledAt !== null && (facts.cleanedAt === null || facts.cleanedAt < facts.soiledAt),
    available: false,
  };
  const applies = ASSET_STATUSES.filter((s) => holds[s]);
  if (applies.length === 0) applies.push("available");
  return { status: applies[0]!, applies };
}

export type Interval = { from: number; to: number | null };
export type RoomEntry = { roomType: RoomType; at: number };

/**
 * When an asset last became soiled: the latest entry into a dirty utility room after one of its uses had
 * ended, or the latest discharge of a patient it was attached to. Null when neither happened.
 */
export function soiledAt(history: {
  uses: readonly Interval[];
  entries: readonly RoomEntry[];
  dischargesWithPatient?: readonly number[];
}): number | null {
  let firstUseEnd = Infinity;
  for (const u of history.uses) if (u.to !== null && u.to < firstUseEnd) firstUseEnd = u.to;
  let latest: number | null = null;
  for (const e of history.entries) {
    if (e.roomType === "dirty_utility" && e.at >= firstUseEnd && (latest === null || e.at > latest)) latest = e.at;
  }
  for (const at of history.dischargesWithPatient ?? []) if (latest === null || at > latest) latest = at;
  return latest;
}

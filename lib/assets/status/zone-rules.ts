// Zone rules: an asset must stay inside its allowed zone (floors and/or rooms) and out of forbidden room
// types (an exit). Evaluated on each change of room, edge-triggered: a violation is reported when the
// asset crosses into it, not again while it stays out (so one excursion raises one equipment alert).
import type { RoomType } from "@/lib/assets/floors/floor-model";

export type ZoneRoom = { id: string; type: RoomType; floorId: string };

export type ZoneRule = {
  id: string;
  /** Which assets it covers: a class, or listed ids; every asset when neither is given. */
  assetClass?: string;
  assetIds?: readonly string[];
  /** The allowed zone; leaving it breaks the rule. Neither given: allowed everywhere. */
  allowedFloorIds?: readonly string[];
  allowedRoomIds?: readonly string[];
  /** Room types the asset must not enter. */
  forbiddenRoomTypes?: readonly RoomType[];
};

export type ZoneBreach = "forbidden_room" | "left_zone";

export type ZoneViolation = { ruleId: string; assetId: string; roomId: string; breach: ZoneBreach; at: number };

/** Every asset leaving through an exit is reported. */
export const DEFAULT_ZONE_RULES: readonly ZoneRule[] = [{ id: "no-exit", forbiddenRoomTypes: ["exit"] }];

export function ruleCovers(rule: ZoneRule, asset: { id: string; class: string }): boolean {
  if (rule.assetIds && !rule.assetIds.includes(asset.id)) return false;
  if (rule.assetClass !== undefined && rule.assetClass !== asset.class) return false;
  return true;
}

/** How a room breaks a rule, or null when it is fine there. */
export function zoneBreach(rule: ZoneRule, room: ZoneRoom): ZoneBreach | null {
  if (rule.forbiddenRoomTypes?.includes(room.type)) return "forbidden_room";
  const zoned = rule.allowedFloorIds !== undefined || rule.allowedRoomIds !== undefined;
  if (zoned && !rule.allowedFloorIds?.includes(room.floorId) && !rule.allowedRoomIds?.includes(room.id)) return "left_zone";
  return null;
}

/** The violations an asset's move from `from` (null: first fix) to `to` newly causes. */
export function evaluateZoneRules(
  rules: readonly ZoneRule[],
  asset: { id: string; class: string },
  from: ZoneRoom | null,
  to: ZoneRoom,
  at: number,
): ZoneViolation[] {
  const out: ZoneViolation[] = [];
  for (const rule of rules) {
    if (!ruleCovers(rule, asset)) continue;
    const breach = zoneBreach(rule, to);
    if (breach === null) continue;
    if (from !== null && zoneBreach(rule, from) === breach) continue;
    out.push({ ruleId: rule.id, assetId: asset.id, roomId: to.id, breach, at });
  }
  return out;
}

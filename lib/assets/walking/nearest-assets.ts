// "The nearest available infusion pump to bed 4E/7": assets filtered by class and status, sorted by walking
// distance from a room or bed, each with the distance and the rooms to walk through. Assets with no known
// room, or in a room no door leads to from here (another floor without a stair link), are left out.
import type { AssetStatus } from "@/lib/assets/asset-types";
import type { RoomGraph } from "./room-graph";
import { walkFrom, type Walk } from "./walk";

export type PlacedAsset = { id: string; class: string; status: AssetStatus; roomId: string | null };

export type NearestFilter = {
  class?: string;
  /** One status or several; default: any. */
  status?: AssetStatus | readonly AssetStatus[];
  /** At most this many, nearest first. */
  limit?: number;
};

export type NearestAsset<T extends PlacedAsset> = { asset: T; roomId: string; distance: number; path: string[] };

/** `from` is a room id or a bed reference; throws UnknownPlaceError for anything else. */
export function nearestAssets<T extends PlacedAsset>(
  graph: RoomGraph,
  from: string,
  assets: readonly T[],
  filter: NearestFilter = {},
): NearestAsset<T>[] {
  return nearestFromWalk(walkFrom(graph, from), assets, filter);
}

/** The same, reusing a walk already computed from the place (several searches from one bed). */
export function nearestFromWalk<T extends PlacedAsset>(walk: Walk, assets: readonly T[], filter: NearestFilter = {}): NearestAsset<T>[] {
  const statuses =
    filter.status === undefined ? null : new Set<AssetStatus>(typeof filter.status === "string" ? [filter.status] : filter.status);
  const found: { asset: T; roomId: string; distance: number }[] = [];
  for (const asset of assets) {
    if (filter.class !== undefined && asset.class !== filter.class) continue;
    if (statuses && !statuses.has(asset.status)) continue;
    if (asset.roomId === null) continue;
    const distance = walk.distanceTo(asset.roomId);
    if (distance === Infinity) continue;
    found.push({ asset, roomId: asset.roomId, distance });
  }
  found.sort((a, b) => a.distance - b.distance || (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0));
  const chosen = filter.limit === undefined ? found : found.slice(0, Math.max(0, filter.limit));
  return chosen.map((f) => ({ ...f, path: walk.pathTo(f.roomId)! }));
}

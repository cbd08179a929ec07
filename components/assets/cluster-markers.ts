// Markers of the floor plan (pure): the assets in each room, drawn as individual dots around the room's
// marker point when few, as one numbered cluster when many (so 2,000 assets stay a few hundred nodes).
import type { AssetStatus } from "@/lib/assets/asset-map";

export type MarkerAsset = { id: string; roomId: string | null; status: AssetStatus };
export type MarkerRoom = { id: string; centroid: readonly [number, number] };

export type Marker =
  | { kind: "asset"; key: string; assetId: string; roomId: string; status: AssetStatus; x: number; y: number }
  | { kind: "cluster"; key: string; roomId: string; count: number; worst: AssetStatus; x: number; y: number };

/** How bad a status is for the cluster's colour: missing first, available last. */
const RANK: Record<AssetStatus, number> = { missing: 0, service_due: 1, needs_cleaning: 2, in_use: 3, available: 4 };

export function clusterMarkers(
  rooms: readonly MarkerRoom[],
  assets: Iterable<MarkerAsset>,
  opts: { maxSingles?: number; spacing?: number } = {},
): Marker[] {
  const maxSingles = opts.maxSingles ?? 6;
  const spacing = opts.spacing ?? 0.9;
  const byRoom = new Map<string, MarkerAsset[]>();
  for (const a of assets) {
    if (a.roomId === null) continue;
    const list = byRoom.get(a.roomId);
    if (list) list.push(a);
    else byRoom.set(a.roomId, [a]);
  }
  const out: Marker[] = [];
  for (const room of rooms) {
    const list = byRoom.get(room.id);
    if (!list?.length) continue;
    const [cx, cy] = room.centroid;
    if (list.length > maxSingles) {
      let worst: AssetStatus = "available";
      for (const a of list) if (RANK[a.status] < RANK[worst]) worst = a.status;
      out.push({ kind: "cluster", key: `c:${room.id}`, roomId: room.id, count: list.length, worst, x: cx, y: cy });
      continue;
    }
    const sorted = [...list].sort((p, q) => (p.id < q.id ? -1 : 1));
    const cols = Math.ceil(Math.sqrt(sorted.length));
    sorted.forEach((a, i) => {
      const row = Math.floor(i / cols);
      const col = i % cols;
      const rows = Math.ceil(sorted.length / cols);
      out.push({
        kind: "asset",
        key: a.id,
        assetId: a.id,
        roomId: room.id,
        status: a.status,
        x: cx + (col - (cols - 1) / 2) * spacing,
        y: cy + (row - (rows - 1) / 2) * spacing,
      });
    });
  }
  return out;
}

/** The SVG viewBox of a floor's rooms, with a margin (metres). */
export function floorViewBox(rooms: readonly { polygon: readonly (readonly [number, number])[] }[], margin = 1): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rooms)
    for (const [x, y] of r.polygon) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  if (!Number.isFinite(minX)) return "0 0 10 10";
  return `${minX - margin} ${minY - margin} ${maxX - minX + 2 * margin} ${maxY - minY + 2 * margin}`;
}

"use client";
// The floor plan in SVG: rooms as polygons by type with their names, asset markers clustered per room
// (lib: cluster-markers), the highlighted search result, and an asset's trail through room centres.
// Scales to the width of the screen (phone included); a room or marker is a button.
import { memo, useMemo } from "react";
import type { AssetStatus } from "@/lib/assets/asset-map";
import { clusterMarkers, floorViewBox, type MarkerAsset } from "./cluster-markers";
import { ROOM_FILL, STATUS_COLOR, type FloorPlan as Floor } from "./asset-types";

type Props = {
  floor: Floor;
  assets: readonly MarkerAsset[];
  highlight: string | null;
  selectedRoom: string | null;
  trail: readonly string[];
  onRoom: (roomId: string) => void;
  onAsset: (assetId: string) => void;
};

export const FloorPlanSvg = memo(function FloorPlanSvg({ floor, assets, highlight, selectedRoom, trail, onRoom, onAsset }: Props) {
  const viewBox = useMemo(() => floorViewBox(floor.rooms), [floor]);
  const markers = useMemo(() => clusterMarkers(floor.rooms, assets), [floor, assets]);
  const centre = useMemo(() => new Map(floor.rooms.map((r) => [r.id, r.centroid])), [floor]);
  const trailPoints = trail.flatMap((id) => (centre.has(id) ? [centre.get(id)!.join(",")] : [])).join(" ");
  return (
    <svg
      viewBox={viewBox}
      className="h-auto w-full touch-manipulation"
      role="img"
      aria-label={`Floor plan of ${floor.name}`}
      data-floor-id={floor.id}
    >
      {floor.rooms.map((r) => (
        <g key={r.id} onClick={() => onRoom(r.id)} className="cursor-pointer" data-room-id={r.id}>
          <polygon
            points={r.polygon.map((p) => p.join(",")).join(" ")}
            fill={ROOM_FILL[r.type] ?? ROOM_FILL.other}
            stroke={selectedRoom === r.id ? "var(--color-accent)" : "var(--color-line-strong)"}
            strokeWidth={selectedRoom === r.id ? 0.25 : 0.08}
          />
          <text
            x={r.centroid[0]}
            y={r.centroid[1] - 1.2}
            fontSize={0.7}
            textAnchor="middle"
            fill="var(--color-ink-muted)"
            pointerEvents="none"
          >
            {r.name}
          </text>
        </g>
      ))}
      {trailPoints && (
        <polyline points={trailPoints} fill="none" stroke="var(--color-accent)" strokeWidth={0.15} strokeDasharray="0.4 0.3" />
      )}
      {markers.map((m) =>
        m.kind === "cluster" ? (
          <g key={m.key} onClick={() => onRoom(m.roomId)} className="cursor-pointer" data-cluster-room={m.roomId}>
            <circle cx={m.x} cy={m.y} r={0.9} fill={color(m.worst)} fillOpacity={0.85} stroke="var(--color-canvas)" strokeWidth={0.1} />
            <text x={m.x} y={m.y + 0.3} fontSize={0.8} textAnchor="middle" fill="var(--color-canvas)" fontWeight={700} pointerEvents="none">
              {m.count}
            </text>
          </g>
        ) : (
          <circle
            key={m.key}
            cx={m.x}
            cy={m.y}
            r={highlight === m.assetId ? 0.55 : 0.35}
            fill={color(m.status)}
            stroke={highlight === m.assetId ? "var(--color-ink)" : "var(--color-canvas)"}
            strokeWidth={highlight === m.assetId ? 0.2 : 0.08}
            data-asset-id={m.assetId}
            data-room-id={m.roomId}
            className="cursor-pointer"
            onClick={() => onAsset(m.assetId)}
          >
            <title>{m.assetId}</title>
          </circle>
        ),
      )}
    </svg>
  );
});

const color = (s: AssetStatus) => STATUS_COLOR[s];

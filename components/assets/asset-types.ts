// The asset map's browser-side shapes (the API's wire JSON, checked with lib/events' wire shapes, which
// keep zod out of the page's JS) and presentation: status colours and labels. Client-safe.
import { ASSET_STATUSES, ASSET_STATUS_LABEL, ASSET_CLASSES, isAssetClass, type AssetStatus } from "@/lib/assets/asset-types";
import * as s from "@/lib/events/wire-shape";

const point = s.pair(s.number(), s.number());

export const floorSchema = s.object({
  id: s.string(),
  name: s.string(),
  wardId: s.nullable(s.string()),
  rooms: s.array(
    s.object({ id: s.string(), name: s.string(), type: s.string(), polygon: s.array(point), centroid: point, beds: s.array(s.string()) }),
  ),
});
export type FloorPlan = s.Infer<typeof floorSchema>;

const assetFields = {
  id: s.string(),
  tagId: s.string(),
  class: s.string(),
  name: s.nullable(s.string()),
  status: s.oneOf(ASSET_STATUSES),
  statuses: s.array(s.oneOf(ASSET_STATUSES)),
  state: s.nullable(s.string()),
  roomId: s.nullable(s.string()),
  roomName: s.nullable(s.string()),
  floorId: s.nullable(s.string()),
  since: s.nullable(s.string()),
  lastSeenAt: s.nullable(s.string()),
  deviceId: s.nullable(s.string()),
};
export const assetSchema = s.object(assetFields);
export type AssetItem = s.Infer<typeof assetSchema>;
export const assetsAnswerSchema = s.object({ assets: s.array(assetSchema) });

export const nearestAnswerSchema = s.object({
  searchId: s.string(),
  from: s.string(),
  fromFloorId: s.nullable(s.string()),
  assets: s.array(s.object({ ...assetFields, distance: s.number(), path: s.array(s.string()) })),
});
export type NearestAnswer = s.Infer<typeof nearestAnswerSchema>;

export const trailAnswerSchema = s.object({
  assetId: s.string(),
  trail: s.array(
    s.object({ roomId: s.string(), roomName: s.nullable(s.string()), floorId: s.nullable(s.string()), state: s.string(), at: s.string() }),
  ),
});
export type TrailAnswer = s.Infer<typeof trailAnswerSchema>;

export const STATUS_COLOR: Readonly<Record<AssetStatus, string>> = {
  available: "var(--color-ok)",
  in_use: "var(--color-accent)",
  needs_cleaning: "var(--color-alarm-medium)",
  service_due: "var(--color-vital-bp)",
  missing: "var(--color-alarm-high)",
};

export const ROOM_FILL: Readonly<Record<string, string>> = {
  corridor: "#10151c",
  patient_room: "#141b24",
  dirty_utility: "#2a1f10",
  clean_utility: "#10261c",
  store: "#1a1830",
  exit: "#3a0b0b",
  nurse_station: "#0f2230",
  or: "#2a1020",
  other: "#161b22",
};

export const statusLabel = (s: AssetStatus) => ASSET_STATUS_LABEL[s];
export const classLabel = (c: string) => (isAssetClass(c) ? ASSET_CLASSES[c] : c);
export const assetLabel = (a: { name: string | null; tagId: string }) => a.name ?? a.tagId;

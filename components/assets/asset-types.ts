// The asset map's browser-side shapes (the API's wire JSON, checked with zod) and presentation: status
// colours and labels. Client-safe.
import { z } from "zod";
import { ASSET_STATUSES, ASSET_STATUS_LABEL, ASSET_CLASSES, isAssetClass, type AssetStatus } from "@/lib/assets/asset-map";

const point = z.tuple([z.number(), z.number()]);

export const floorSchema = z.object({
  id: z.string(),
  name: z.string(),
  wardId: z.string().nullable(),
  rooms: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), polygon: z.array(point), centroid: point, beds: z.array(z.string()) }),
  ),
});
export type FloorPlan = z.infer<typeof floorSchema>;

export const assetSchema = z.object({
  id: z.string(),
  tagId: z.string(),
  class: z.string(),
  name: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  statuses: z.array(z.enum(ASSET_STATUSES)),
  state: z.string().nullable(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  floorId: z.string().nullable(),
  since: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  deviceId: z.string().nullable(),
});
export type AssetItem = z.infer<typeof assetSchema>;
export const assetsAnswerSchema = z.object({ assets: z.array(assetSchema) });

export const nearestAnswerSchema = z.object({
  searchId: z.string(),
  from: z.string(),
  fromFloorId: z.string().nullable(),
  assets: z.array(assetSchema.extend({ distance: z.number(), path: z.array(z.string()) })),
});
export type NearestAnswer = z.infer<typeof nearestAnswerSchema>;

export const trailAnswerSchema = z.object({
  assetId: z.string(),
  trail: z.array(
    z.object({ roomId: z.string(), roomName: z.string().nullable(), floorId: z.string().nullable(), state: z.string(), at: z.string() }),
  ),
});
export type TrailAnswer = z.infer<typeof trailAnswerSchema>;

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

// Asset map events: an asset changed room or state (the location engine, after lib/asset-tracking applied
// it), and a floor plan or gateway placement changed (the location service reloads its layout).
import * as z from "zod/mini";
import { epochMsSchema, isoTimeSchema } from "./time";

const assetLocationFields = {
  assetId: z.string(),
  tagId: z.string(),
  class: z.string(),
  name: z.nullable(z.string()),
  floorId: z.nullable(z.string()),
  wardId: z.nullable(z.string()),
  roomId: z.string(),
  previousRoomId: z.nullable(z.string()),
  state: z.enum(["located", "moving", "missing"]),
  status: z.enum(["in_use", "missing", "service_due", "needs_cleaning", "available"]),
};

/** An asset's room or location state changed; `at` is when (the sightings' clock). */
export const assetLocationEventSchema = z.object({ ...assetLocationFields, at: epochMsSchema });
export type AssetLocationEvent = z.infer<typeof assetLocationEventSchema>;

/** Socket.IO `asset:location` (README, Asset map): the same with `at` as ISO text. */
export const assetLocationPayloadSchema = z.object({ ...assetLocationFields, at: isoTimeSchema });
export type AssetLocationPayload = z.infer<typeof assetLocationPayloadSchema>;

/** A floor plan, a gateway's room, the set of tags or a par level changed. */
export const assetLayoutEventSchema = z.object({ reason: z.enum(["floor", "gateway", "tag", "par"]), id: z.string() });
export type AssetLayoutEvent = z.infer<typeof assetLayoutEventSchema>;

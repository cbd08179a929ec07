// Asset map events: an asset changed room or state (the location engine, after lib/asset-tracking applied
// it), and a floor plan or gateway placement changed (the location service reloads its layout).
import * as s from "./wire-shape";
import { epochMsSchema, isoTimeSchema } from "./time";

const assetLocationFields = {
  assetId: s.string(),
  tagId: s.string(),
  class: s.string(),
  name: s.nullable(s.string()),
  floorId: s.nullable(s.string()),
  wardId: s.nullable(s.string()),
  roomId: s.string(),
  previousRoomId: s.nullable(s.string()),
  state: s.oneOf(["located", "moving", "missing"]),
  status: s.oneOf(["in_use", "missing", "service_due", "needs_cleaning", "available"]),
};

/** An asset's room or location state changed; `at` is when (the sightings' clock). */
export const assetLocationEventSchema = s.object({ ...assetLocationFields, at: epochMsSchema });
export type AssetLocationEvent = s.Infer<typeof assetLocationEventSchema>;

/** Socket.IO `asset:location` (README, Asset map): the same with `at` as ISO text. */
export const assetLocationPayloadSchema = s.object({ ...assetLocationFields, at: isoTimeSchema });
export type AssetLocationPayload = s.Infer<typeof assetLocationPayloadSchema>;

/** A floor plan, a gateway's room, the set of tags or a par level changed. */
export const assetLayoutEventSchema = s.object({ reason: s.oneOf(["floor", "gateway", "tag", "par"]), id: s.string() });
export type AssetLayoutEvent = s.Infer<typeof assetLayoutEventSchema>;

// GET /api/v1/floors (nurses, biomed, admins): the floor plans in the caller's scope,
// {floors: [{id, name, wardId, rooms: [{id, name, type, polygon, centroid, beds}], adjacency}]}.
import { apiRoute } from "@/lib/http/api-route";
import { listVisibleFloors } from "@/lib/asset-tracking/floor-store";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ASSET_ROLES }, async ({ principal }) => {
  const floors = await listVisibleFloors(principal);
  return {
    floors: floors.map((f) => ({
      id: f.id,
      name: f.name,
      siteId: f.siteId,
      wardId: f.wardId,
      updatedAt: f.updatedAt,
      rooms: f.rooms.map((r) => ({ id: r.id, name: r.name, type: r.type, polygon: r.polygon, centroid: r.centroid, beds: r.beds })),
      adjacency: f.adjacency,
    })),
  };
});

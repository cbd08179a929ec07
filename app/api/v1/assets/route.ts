// GET /api/v1/assets?class=&status=&floorId= (nurses, biomed, admins): tracked assets in the caller's scope,
// {assets: [{id, tagId, class, name, status, roomId, roomName, floorId, since, ...}]}.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ASSET_CLASS_KEYS, ASSET_STATUSES } from "@/lib/assets/asset-map";
import { ASSET_ROLES, listAssets } from "@/lib/asset-tracking/asset-queries";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  class: z.enum(ASSET_CLASS_KEYS, { error: `must be one of: ${ASSET_CLASS_KEYS.join(", ")}` }).optional(),
  status: z.enum(ASSET_STATUSES, { error: `must be one of: ${ASSET_STATUSES.join(", ")}` }).optional(),
  floorId: z.string().min(1).max(64).optional(),
});

export const GET = apiRoute({ roles: ASSET_ROLES, query: querySchema }, async ({ principal, query }) => ({
  assets: await listAssets(principal, query),
}));

// GET /api/v1/assets/nearest?class=&near=<bedId or roomId>&status=available (nurses, biomed, admins): the
// nearest assets of a class by walking distance over the rooms' adjacency, {searchId, from, assets:
// [{...asset, distance (m), path (room ids)}]}, nearest first; each search is logged (time to locate).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ASSET_CLASS_KEYS, ASSET_STATUSES } from "@/lib/assets/asset-map";
import { ASSET_ROLES, nearestAssetsFor } from "@/lib/asset-tracking/asset-queries";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  class: z.enum(ASSET_CLASS_KEYS, { error: `must be one of: ${ASSET_CLASS_KEYS.join(", ")}` }),
  near: z.string({ error: "is required: a bed (4E/3) or a room id" }).min(1, "is required: a bed (4E/3) or a room id").max(64),
  status: z.enum(ASSET_STATUSES, { error: `must be one of: ${ASSET_STATUSES.join(", ")}` }).default("available"),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export const GET = apiRoute({ roles: ASSET_ROLES, query: querySchema }, async ({ principal, query }) => nearestAssetsFor(principal, query));

// GET /api/v1/assets/{id}/trail?from=&to= (nurses, biomed, admins): the rooms an asset passed through,
// {assetId, from, to, trail: [{roomId, roomName, floorId, previousRoomId, state, at}]}; default the last 24 h.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { ASSET_ROLES, assetTrail } from "@/lib/asset-tracking/asset-queries";

export const dynamic = "force-dynamic";

const DAY = 24 * 3_600_000;
const time = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with offset" }).optional();

export const GET = apiRoute(
  { roles: ASSET_ROLES, params: z.object({ id: z.string().min(1).max(100) }), query: z.object({ from: time, to: time }) },
  async ({ principal, params, query }) => {
    const to = query.to ? Date.parse(query.to) : Date.now();
    const from = query.from ? Date.parse(query.from) : to - DAY;
    if (from > to) throw new Refusal("invalid", "must be before to", { field: "query.from" });
    if (to - from > 31 * DAY) throw new Refusal("invalid", "the period may be at most 31 days", { field: "query.from" });
    return assetTrail(principal, params.id, { from, to });
  },
);

// POST /api/v1/beds/{id}/cleaned: the bed (id or "WARD/label") awaiting cleaning is cleaned now.
// 404 for an unknown bed, 409 when it is not awaiting cleaning.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { markBedCleaned } from "@/lib/encounters/bed-cleaning";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ roles: ADT_ROLES, params: z.object({ id: z.string().min(1) }) }, async ({ principal, params, meta }) => ({
  bed: await markBedCleaned({ kind: "user", principal, meta }, params.id),
}));

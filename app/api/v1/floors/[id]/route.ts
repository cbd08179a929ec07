// PUT /api/v1/floors/{id} (admins): create or replace a floor plan from a GeoJSON FeatureCollection or
// SVG-derived JSON {rooms, doors} (lib/assets import; every problem named by its field). `?ward=<id or
// code>` ties the floor to a ward (its nurses see it), `?name=` renames it. 200 {floor}.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { PLACE_ID } from "@/lib/assets/asset-map";
import { importAndSaveFloor } from "@/lib/asset-tracking/floor-store";
import { recordAudit } from "@/lib/audit/record-audit";

export const dynamic = "force-dynamic";

const FLOOR_BODY_LIMIT = 1024 * 1024;

export const PUT = apiRoute(
  {
    roles: ["admin"],
    params: z.object({ id: z.string().regex(PLACE_ID, "letters, digits and . _ : - (at most 64)") }),
    query: z.object({ ward: z.string().min(1).max(100).optional(), name: z.string().trim().min(1).max(120).optional() }),
  },
  async ({ req, principal, params, query, meta }) => {
    const text = await req.text();
    if (text.length > FLOOR_BODY_LIMIT) throw new Refusal("too_large", `body is larger than ${FLOOR_BODY_LIMIT} bytes`, { field: "body" });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Refusal("invalid", "is not valid JSON", { field: "body" });
    }
    let wardId: string | null | undefined;
    if (query.ward) {
      const prisma = await getPrisma();
      const ward = await prisma.ward.findFirst({ where: { OR: [{ id: query.ward }, { code: query.ward }] }, select: { id: true } });
      if (!ward) throw new Refusal("invalid", `no ward "${query.ward}"`, { field: "query.ward" });
      wardId = ward.id;
    }
    const floor = await importAndSaveFloor(params.id, body, { name: query.name, wardId });
    await recordAudit([{ actor: principal, meta, action: "floor.save", detail: { floorId: floor.id, rooms: floor.rooms.length } }]);
    return { floor };
  },
);

// Live asset map: a connection subscribes to a floor (`assets:subscribe`, nurses of the floor's ward,
// biomed, admins) and receives every asset change on it as `asset:location`. Sent volatile: markers are a
// display stream (every change is stored); a screen that reconnects reloads the floor's assets.
import "server-only";
import { z } from "zod";
import { eventBus } from "@/lib/bus/event-bus";
import { getPrisma } from "@/lib/db/database";
import { canSeeFloor } from "@/lib/asset-tracking/floor-store";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-queries";
import { PLACE_ID } from "@/lib/assets/asset-map";
import { socketHandler } from "./socket-handler";
import type { AppServer, AppSocket } from "./socket-types";
import { rooms } from "./events";
import { assetLocationPayload } from "./wire-payloads";

const floorIdSchema = z.string({ error: "a floor id is required" }).regex(PLACE_ID, "must be a floor id");

export function registerAssetHandlers(socket: AppSocket): void {
  socket.on(
    "assets:subscribe",
    socketHandler(socket, { roles: ASSET_ROLES, input: floorIdSchema }, async ({ principal, input: floorId }) => {
      const floor = await (await getPrisma()).mapFloor.findUnique({ where: { id: floorId }, select: { wardId: true } });
      if (!floor || !canSeeFloor(principal, floor)) return { ok: false, error: "you may not see this floor" };
      await socket.join(rooms.assets(floorId));
      return { ok: true };
    }),
  );
}

export function forwardAssets(io: AppServer): () => void {
  return eventBus().subscribe("asset:location", (e) => {
    if (e.floorId) io.to(rooms.assets(e.floorId)).volatile.emit("asset:location", assetLocationPayload(e));
  });
}

"use server";
// Server functions of the asset map: the user opened the room of an asset a search found (time to locate).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-roles";
import { recordSearchOpened } from "@/lib/asset-tracking/asset-queries";

const input = z.object({ searchId: z.string().min(1).max(64), roomId: z.string().min(1).max(64) });

export async function recordRoomOpened(raw: unknown) {
  return safeAction({ roles: ASSET_ROLES, input }, ({ principal, input: i }) => recordSearchOpened(principal, i.searchId, i.roomId))(raw);
}

"use server";
// Server functions of the floor plans page (admins): save an imported floor through the same domain
// function as PUT /api/v1/floors/{id} (audited as `floor.save`), and set a floor's par level per class.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { Refusal } from "@/lib/errors/refusal";
import { PLACE_ID, ASSET_CLASS_KEYS } from "@/lib/assets/asset-map";
import { importAndSaveFloor } from "@/lib/asset-tracking/floor-store";
import { setParLevel } from "@/lib/asset-tracking/par-levels";
import { recordAudit } from "@/lib/audit/record-audit";

// Below Next's 1 MB server action body limit (the PUT route takes up to 1 MB).
const FLOOR_TEXT_LIMIT = 900_000;

const floorInput = z.object({
  floorId: z.string().trim().regex(PLACE_ID, "letters, digits and . _ : - (at most 64)"),
  name: z.string().trim().max(120).optional(),
  json: z.string().min(1, "choose or paste a file").max(FLOOR_TEXT_LIMIT, `is longer than ${FLOOR_TEXT_LIMIT} characters`),
});

export async function saveFloorPlan(raw: unknown) {
  return safeAction(
    { roles: ["admin"], input: floorInput, wording: { failed: "Not saved", unavailable: "Not saved" } },
    async ({ principal, input, meta }) => {
      let body: unknown;
      try {
        body = JSON.parse(input.json);
      } catch {
        throw new Refusal("invalid", "the file is not valid JSON", { field: "json" });
      }
      const floor = await importAndSaveFloor(input.floorId, body, { name: input.name || undefined });
      await recordAudit([{ actor: principal, meta, action: "floor.save", detail: { floorId: floor.id, rooms: floor.rooms.length } }]);
      return { id: floor.id, name: floor.name, rooms: floor.rooms.length };
    },
  )(raw);
}

const parInput = z.object({
  floorId: z.string().regex(PLACE_ID, "is not a floor id"),
  class: z.enum(ASSET_CLASS_KEYS as [string, ...string[]], { message: "choose an asset class" }),
  minimum: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(999, "must be at most 999"),
  ),
});

export async function saveParLevel(raw: unknown) {
  return safeAction(
    { roles: ["admin"], input: parInput, wording: { failed: "Not saved", unavailable: "Not saved" } },
    async ({ principal, input, meta }) => {
      const level = await setParLevel(input);
      await recordAudit([{ actor: principal, meta, action: "asset.par_level", detail: level }]);
      return level;
    },
  )(raw);
}

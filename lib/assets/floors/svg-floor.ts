// The SVG-derived JSON import form (what a script pulling <polygon points> out of an architect's SVG
// produces), in metres:
//   {id?, name?, rooms: [{id, name, type, points: [[x, y], …], beds?}],
//    doors: [[roomA, roomB] | {rooms: [roomA, roomB], kind?: "door" | "open", at?, length?}]}
// Points may or may not repeat the first point at the end. Read into a FloorDraft; cross-room checks
// happen in build-floor.
import { z } from "zod";
import type { Point } from "./floor-model";
import { MAX_ROOMS_PER_FLOOR } from "./geojson-floor";
import {
  bedsSchema,
  lengthSchema,
  nameSchema,
  normaliseRing,
  placeIdSchema,
  pointSchema,
  rawRingSchema,
  roomTypeSchema,
  forwardIssues,
  strictObject,
  type DraftLink,
  type FloorDraft,
} from "./floor-schema-parts";

const pointsSchema = rawRingSchema.transform((raw, ctx): Point[] => {
  const r = normaliseRing(raw, false);
  if (!r.ok) {
    ctx.issues.push({ code: "custom", message: r.reason, input: raw });
    return z.NEVER;
  }
  return r.ring;
});

const roomSchema = z.object(
  { id: placeIdSchema, name: nameSchema, type: roomTypeSchema, points: pointsSchema, beds: bedsSchema.optional() },
  { error: "must be an object with id, name, type and points" },
);

const pairSchema = z.tuple([placeIdSchema, placeIdSchema], { error: "must be a pair of room ids [roomA, roomB]" });

const doorObjectSchema = strictObject({
  rooms: pairSchema,
  kind: z.enum(["door", "open"], { error: 'must be "door" or "open"' }).optional(),
  at: pointSchema.optional(),
  length: lengthSchema.optional(),
});

type Door = { rooms: [string, string]; kind?: "door" | "open"; at?: Point; length?: number; written: "pair" | "object" };

/** A door is [roomA, roomB] or {rooms: [roomA, roomB], kind?, at?, length?}. */
const doorSchema = z.unknown().transform((v, ctx): Door => {
  const r = Array.isArray(v) ? pairSchema.safeParse(v) : doorObjectSchema.safeParse(v);
  if (!r.success) {
    if (typeof v !== "object" || v === null)
      ctx.issues.push({ code: "custom", message: "must be [roomA, roomB] or {rooms: [roomA, roomB], kind?, at?, length?}", input: v });
    else forwardIssues(ctx, r.error.issues, v);
    return z.NEVER;
  }
  return Array.isArray(r.data) ? { rooms: r.data, written: "pair" } : { ...r.data, written: "object" };
});

export const svgFloorSchema = z.object({
  id: placeIdSchema.optional(),
  name: nameSchema.optional(),
  rooms: z
    .array(roomSchema, { error: "must be an array of rooms" })
    .min(1, "must hold at least one room")
    .max(MAX_ROOMS_PER_FLOOR, `at most ${MAX_ROOMS_PER_FLOOR} rooms per floor`),
  doors: z.array(doorSchema, { error: "must be an array of [roomA, roomB] pairs" }).max(5000, "at most 5000 doors per floor").optional(),
});

export type SvgFloor = z.infer<typeof svgFloorSchema>;

export function svgToDraft(input: SvgFloor): FloorDraft {
  const rooms = input.rooms.map((r, i) => {
    const field = `rooms[${i}]`;
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      polygon: r.points,
      beds: r.beds ?? [],
      field,
      idField: `${field}.id`,
      bedsField: `${field}.beds`,
    };
  });
  const links = (input.doors ?? []).map((d, i): DraftLink => {
    const base = d.written === "object" ? `doors[${i}].rooms` : `doors[${i}]`;
    const link: DraftLink = { rooms: d.rooms, kind: d.kind ?? "door", fields: [`${base}[0]`, `${base}[1]`] };
    if (d.at) link.at = d.at;
    if (d.length !== undefined) link.length = d.length;
    return link;
  });
  const draft: FloorDraft = { rooms, links };
  if (input.id !== undefined) draft.id = input.id;
  if (input.name !== undefined) draft.name = input.name;
  return draft;
}

// The GeoJSON import form: a FeatureCollection of Polygon features, one per room, in metres:
//   {type: "FeatureCollection", id?, name?, features: [{type: "Feature", geometry: {type: "Polygon",
//    coordinates: [[[x, y], …, [x, y]]]}, properties: {id, name, type, beds?, doors?, adjacent?}}]}
// `doors` lists the rooms this one has a door to (a room id, or {to, at?, length?}); `adjacent` lists rooms
// it opens onto without a door. Read into a FloorDraft; cross-room checks happen in build-floor.
import { z } from "zod";
import type { Point } from "./floor-model";
import {
  bedsSchema,
  lengthSchema,
  nameSchema,
  normaliseRing,
  placeIdSchema,
  pointSchema,
  rawRingSchema,
  RING_REASON,
  roomTypeSchema,
  forwardIssues,
  strictObject,
  type DraftLink,
  type FloorDraft,
} from "./floor-schema-parts";

export const MAX_ROOMS_PER_FLOOR = 500;

const polygonCoordinates = z.array(rawRingSchema, { error: "must be an array of rings" }).min(1, RING_REASON);

/** Only the type is reported for a geometry that is not a Polygon (its coordinates mean something else). */
const geometrySchema = z
  .object({ type: z.unknown(), coordinates: z.unknown() }, { error: "must be a Polygon geometry" })
  .transform((g, ctx): Point[] => {
    if (g.type !== "Polygon") {
      ctx.issues.push({
        code: "custom",
        path: ["type"],
        message: `must be "Polygon" (got ${JSON.stringify(g.type) ?? "nothing"})`,
        input: g.type,
      });
      return z.NEVER;
    }
    const coords = polygonCoordinates.safeParse(g.coordinates);
    if (!coords.success) {
      forwardIssues(ctx, coords.error.issues, g.coordinates, ["coordinates"]);
      return z.NEVER;
    }
    if (coords.data.length > 1) {
      ctx.issues.push({ code: "custom", message: "holes are not supported: give the outer ring only", input: g });
      return z.NEVER;
    }
    const r = normaliseRing(coords.data[0]!, true);
    if (!r.ok) {
      ctx.issues.push({ code: "custom", message: r.reason, input: g });
      return z.NEVER;
    }
    return r.ring;
  });

const doorObjectSchema = strictObject({ to: placeIdSchema, at: pointSchema.optional(), length: lengthSchema.optional() });
type DoorRef = { to: string; at?: Point; length?: number };

/** A door is a room id or {to, at?, length?}. */
const doorRefSchema = z.unknown().transform((v, ctx): DoorRef => {
  const r = typeof v === "string" ? placeIdSchema.safeParse(v) : doorObjectSchema.safeParse(v);
  if (!r.success) {
    const shape = typeof v === "string" || (typeof v === "object" && v !== null && !Array.isArray(v));
    if (!shape) ctx.issues.push({ code: "custom", message: "must be a room id or {to, at?, length?}", input: v });
    else forwardIssues(ctx, r.error.issues, v);
    return z.NEVER;
  }
  return typeof r.data === "string" ? { to: r.data } : r.data;
});

const propertiesSchema = z.object(
  {
    id: placeIdSchema,
    name: nameSchema,
    type: roomTypeSchema,
    beds: bedsSchema.optional(),
    doors: z.array(doorRefSchema, { error: "must be an array of room ids" }).max(64, "at most 64 doors per room").optional(),
    adjacent: z.array(placeIdSchema, { error: "must be an array of room ids" }).max(64, "at most 64 adjacent rooms").optional(),
  },
  { error: "must be an object with id, name and type" },
);

const featureSchema = z.object(
  {
    type: z.literal("Feature", { error: 'must be "Feature"' }),
    geometry: geometrySchema,
    properties: propertiesSchema,
  },
  { error: "must be a GeoJSON Feature" },
);

export const geoJsonFloorSchema = z.object({
  type: z.literal("FeatureCollection", { error: 'must be "FeatureCollection"' }),
  id: placeIdSchema.optional(),
  name: nameSchema.optional(),
  features: z
    .array(featureSchema, { error: "must be an array of Polygon features" })
    .min(1, "must hold at least one room")
    .max(MAX_ROOMS_PER_FLOOR, `at most ${MAX_ROOMS_PER_FLOOR} rooms per floor`),
});

export type GeoJsonFloor = z.infer<typeof geoJsonFloorSchema>;

export function geoJsonToDraft(fc: GeoJsonFloor): FloorDraft {
  const links: DraftLink[] = [];
  const rooms = fc.features.map((f, i) => {
    const field = `features[${i}]`;
    const p = f.properties;
    const self = `${field}.properties.id`;
    (p.doors ?? []).forEach((d, j) => {
      const link: DraftLink = { rooms: [p.id, d.to], kind: "door", fields: [self, `${field}.properties.doors[${j}]`] };
      if (d.at) link.at = d.at;
      if (d.length !== undefined) link.length = d.length;
      links.push(link);
    });
    (p.adjacent ?? []).forEach((other, j) =>
      links.push({ rooms: [p.id, other], kind: "open", fields: [self, `${field}.properties.adjacent[${j}]`] }),
    );
    return {
      id: p.id,
      name: p.name,
      type: p.type,
      polygon: f.geometry,
      beds: p.beds ?? [],
      field,
      idField: self,
      bedsField: `${field}.properties.beds`,
    };
  });
  const draft: FloorDraft = { rooms, links };
  if (fc.id !== undefined) draft.id = fc.id;
  if (fc.name !== undefined) draft.name = fc.name;
  return draft;
}

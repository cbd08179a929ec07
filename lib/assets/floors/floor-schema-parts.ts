// Zod pieces both floor-plan import forms share (ids, names, room types, beds, points, lengths, rings),
// each refusal worded for a person fixing the file, and the draft both forms are read into before the
// cross-room checks (duplicate ids, unknown door rooms) in build-floor.
import { z } from "zod";
import { BED_REF, PLACE_ID, ROOM_TYPES, type Point, type RoomType } from "./floor-model";
import { polygonArea, selfCrossing } from "./geometry";

const required = (what: string) => (iss: { input: unknown }) => (iss.input === undefined ? "is required" : `must be ${what}`);

export const placeIdSchema = z
  .string({ error: required("a string") })
  .regex(PLACE_ID, "use 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");

export const nameSchema = z
  .string({ error: required("a string") })
  .trim()
  .min(1, "must not be empty")
  .max(120, "at most 120 characters");

export const roomTypeSchema = z.enum(ROOM_TYPES, {
  error: (iss) =>
    typeof iss.input === "string"
      ? `unknown room type ${JSON.stringify(iss.input)} (one of: ${ROOM_TYPES.join(", ")})`
      : required(`one of: ${ROOM_TYPES.join(", ")}`)(iss),
});

export const bedsSchema = z
  .array(z.string({ error: "must be a string" }).regex(BED_REF, 'must be a bed reference such as "4E/3"'), {
    error: "must be an array of bed references",
  })
  .max(64, "at most 64 beds in a room");

const coordinate = z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a finite number");

export const pointSchema = z.tuple([coordinate, coordinate], { error: "must be a point [x, y] in metres" });

export const lengthSchema = z
  .number({ error: "must be a number (metres)" })
  .positive("must be more than 0 m")
  .max(10_000, "must be at most 10 km");

/** A ring as written: open or closed, 2D or 3D positions (the height is dropped). */
export const rawRingSchema = z.array(
  z.array(coordinate, { error: "must be a position [x, y]" }).min(2, "must be a position [x, y]").max(3, "must be a position [x, y]"),
  {
    error: required("an array of positions"),
  },
);

/** An object that refuses fields it does not know, naming them. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => JSON.stringify(k)).join(", ")}`
        : undefined,
  });
}

/** Passes a nested parse's problems on from inside a transform, under `prefix` below the current field. */
export function forwardIssues(
  ctx: z.core.$RefinementCtx<unknown>,
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: PropertyKey[] = [],
): void {
  for (const issue of issues) ctx.issues.push({ code: "custom", message: issue.message, path: [...prefix, ...issue.path], input });
}

export const RING_REASON = "polygon must be closed and have at least 3 points";

/**
 * Normalises a ring to an open ring of distinct consecutive points, or says what is wrong with it.
 * `closed`: the ring must repeat its first point at the end (GeoJSON); otherwise it may or may not.
 */
export function normaliseRing(
  raw: readonly (readonly number[])[],
  closed: boolean,
): { ok: true; ring: Point[] } | { ok: false; reason: string } {
  const first = raw[0];
  const last = raw[raw.length - 1];
  const isClosed = first !== undefined && last !== undefined && raw.length > 1 && first[0] === last[0] && first[1] === last[1];
  if (closed && !isClosed) return { ok: false, reason: RING_REASON };
  const ring: Point[] = [];
  for (const p of isClosed ? raw.slice(0, -1) : raw) {
    const prev = ring[ring.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) continue;
    ring.push([p[0]!, p[1]!]);
  }
  if (ring.length >= 2 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]) ring.pop();
  if (ring.length < 3) return { ok: false, reason: RING_REASON };
  const crossing = selfCrossing(ring);
  if (crossing) return { ok: false, reason: `polygon edges ${crossing[0] + 1} and ${crossing[1] + 1} cross each other` };
  if (polygonArea(ring) < 0.01) return { ok: false, reason: "polygon has no area (its points lie on one line)" };
  return { ok: true, ring };
}

/** A room read from either form, with the field names its problems are reported under. */
export type DraftRoom = {
  id: string;
  name: string;
  type: RoomType;
  polygon: Point[];
  beds: string[];
  /** e.g. `features[3]` or `rooms[3]`. */
  field: string;
  idField: string;
  bedsField: string;
};

export type DraftLink = {
  rooms: [string, string];
  kind: "door" | "open";
  at?: Point;
  length?: number;
  /** The field naming each end, for "unknown room" refusals. */
  fields: [string, string];
};

export type FloorDraft = { id?: string; name?: string; rooms: DraftRoom[]; links: DraftLink[] };

// The one floor model both import forms (GeoJSON, SVG-derived JSON) normalise to, and the room vocabulary.
// Coordinates are metres in the floor's own frame, x to the right and y down (as in SVG), so a polygon
// renders as-is in an SVG whose viewBox is the floor's bounds.

export const ROOM_TYPES = [
  "patient_room",
  "corridor",
  "dirty_utility",
  "clean_utility",
  "store",
  "or",
  "nurse_station",
  "exit",
  "other",
] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

export function isRoomType(t: string): t is RoomType {
  return (ROOM_TYPES as readonly string[]).includes(t);
}

/** A floor or room id: usable as a URL path segment and in a query string. */
export const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** A bed reference as the registry and CLI write it, e.g. "4E/3". */
export const BED_REF = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/;

export type Point = readonly [number, number];

export type Room = {
  id: string;
  name: string;
  type: RoomType;
  /** Open ring (the first point is not repeated at the end), at least 3 points. */
  polygon: Point[];
  /** Bed references in this room, e.g. "4E/3". */
  beds: string[];
  /** Where the room's marker goes: the area centroid, or a point inside when the room is concave. */
  centroid: Point;
};

/**
 * A walkable connection between two rooms. `door`: declared door; `open`: declared opening without a door
 * (e.g. corridor segments, an open nurse station); `shared_edge`: found by the importer because the polygons
 * share a wall segment (only when asked for).
 */
export type RoomLink = {
  rooms: [string, string];
  kind: "door" | "open" | "shared_edge";
  /** Where the opening is: declared, or the middle of the wall the two rooms share. */
  at?: Point;
  /** Declared walking distance between the two rooms' centroids (m); wins over the geometry. */
  length?: number;
};

export type Floor = {
  id: string;
  name: string;
  rooms: Room[];
  adjacency: RoomLink[];
};

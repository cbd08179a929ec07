// Turns a FloorDraft (either import form, already checked field by field) into the Floor model: the checks
// across rooms (duplicate room ids, a bed in two rooms, doors to unknown rooms or to the room itself,
// the same door declared twice with different lengths), adjacency (declared doors and openings, plus
// rooms sharing a wall when asked), door positions and marker points. Refusals name the field; a door
// between rooms that share no wall, or a room nobody can walk to, is a warning.
import type { FieldIssue, Invalid } from "@/lib/assets/field-issues";
import { invalid } from "@/lib/assets/field-issues";
import type { Floor, Room, RoomLink } from "./floor-model";
import type { FloorDraft } from "./floor-schema-parts";
import { markerPoint, sharedWall } from "./geometry";

export type SharedEdgeMode = "off" | "corridors" | "all";

export type FloorImportOptions = {
  /** Overrides the id in the file. */
  id?: string;
  /** Overrides the name in the file. */
  name?: string;
  /**
   * Also link rooms whose polygons share a wall: "corridors" links corridor segments to each other (open
   * plan), "all" links every pair (rooms sharing a wall without a door would wrongly become walkable).
   * Default "off": only declared doors and openings.
   */
  sharedEdges?: SharedEdgeMode;
};

export type FloorImport = { ok: true; floor: Floor; warnings: FieldIssue[] } | Invalid;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function buildFloor(draft: FloorDraft, opts: FloorImportOptions = {}): FloorImport {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const id = opts.id ?? draft.id;
  const name = opts.name ?? draft.name ?? id;
  if (id === undefined || name === undefined) issues.push({ field: "id", reason: "is required (in the file or given when importing)" });

  const roomField = new Map<string, string>();
  const bedRoom = new Map<string, string>();
  for (const room of draft.rooms) {
    const seen = roomField.get(room.id);
    if (seen !== undefined) issues.push({ field: room.idField, reason: `duplicate room id "${room.id}" (also at ${seen})` });
    else roomField.set(room.id, room.field);
    room.beds.forEach((bed, j) => {
      const other = bedRoom.get(bed);
      if (other !== undefined) issues.push({ field: `${room.bedsField}[${j}]`, reason: `bed "${bed}" is already in room "${other}"` });
      else bedRoom.set(bed, room.id);
    });
  }

  const links = new Map<string, RoomLink & { field: string }>();
  for (const link of draft.links) {
    const [a, b] = link.rooms;
    let ok = true;
    link.rooms.forEach((r, k) => {
      if (!roomField.has(r)) {
        issues.push({ field: link.fields[k]!, reason: `unknown room "${r}"` });
        ok = false;
      }
    });
    if (ok && a === b) {
      issues.push({ field: link.fields[1], reason: `a room cannot have a door to itself ("${a}")` });
      ok = false;
    }
    if (!ok) continue;
    const key = pairKey(a, b);
    const prev = links.get(key);
    if (!prev) {
      const l: RoomLink & { field: string } = { rooms: [a, b], kind: link.kind, field: link.fields[1] };
      if (link.at) l.at = link.at;
      if (link.length !== undefined) l.length = link.length;
      links.set(key, l);
      continue;
    }
    // The same door written on both rooms (GeoJSON) is one door.
    if (link.length !== undefined && prev.length !== undefined && Math.abs(link.length - prev.length) > 0.01) {
      issues.push({
        field: link.fields[1],
        reason: `length ${link.length} m differs from ${prev.length} m declared for the same door at ${prev.field}`,
      });
    }
    if (link.kind === "door") prev.kind = "door";
    if (prev.at === undefined && link.at) prev.at = link.at;
    if (prev.length === undefined && link.length !== undefined) prev.length = link.length;
  }
  if (issues.length) return invalid(issues);

  const rooms: Room[] = draft.rooms.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    polygon: r.polygon,
    beds: r.beds,
    centroid: markerPoint(r.polygon),
  }));
  const byId = new Map(rooms.map((r) => [r.id, r]));

  for (const link of links.values()) {
    if (link.at !== undefined || link.length !== undefined) continue;
    const wall = sharedWall(byId.get(link.rooms[0])!.polygon, byId.get(link.rooms[1])!.polygon);
    if (wall) link.at = wall.midpoint;
    else
      warnings.push({
        field: link.field,
        reason: `rooms "${link.rooms[0]}" and "${link.rooms[1]}" share no wall; give the door's "at" or "length" (walking distance goes straight between their centres)`,
      });
  }

  const mode = opts.sharedEdges ?? "off";
  if (mode !== "off") {
    for (let i = 0; i < rooms.length; i++) {
      for (let j = i + 1; j < rooms.length; j++) {
        const a = rooms[i]!;
        const b = rooms[j]!;
        if (mode === "corridors" && (a.type !== "corridor" || b.type !== "corridor")) continue;
        if (links.has(pairKey(a.id, b.id))) continue;
        const wall = sharedWall(a.polygon, b.polygon);
        if (wall) links.set(pairKey(a.id, b.id), { rooms: [a.id, b.id], kind: "shared_edge", at: wall.midpoint, field: "" });
      }
    }
  }

  const linked = new Set<string>();
  for (const l of links.values()) l.rooms.forEach((r) => linked.add(r));
  if (rooms.length > 1) {
    for (const r of draft.rooms)
      if (!linked.has(r.id))
        warnings.push({ field: r.field, reason: `room "${r.id}" has no door to any other room (walking distance cannot reach it)` });
  }

  const adjacency = [...links.values()].map(({ field: _field, ...link }) => link);
  return { ok: true, floor: { id: id!, name: name!, rooms, adjacency }, warnings };
}

// The walking graph of one or more floors. Nodes are each room's centre and each door; a walker goes from a
// room's centre to one of its doors, from door to door straight across a room (so passing along a corridor
// costs the stretch between two doors, not a detour to the corridor's middle), and from a door to the
// centre of the room beyond. A link with a declared length (a stairwell, a lift, a long ramp) is one edge of
// that length between the two centres. Built once per floor-plan change; queried by walk.ts.
import type { Floor, Point, RoomType } from "@/lib/assets/floors/floor-model";
import { distance } from "@/lib/assets/floors/geometry";

export type GraphRoom = { id: string; name: string; type: RoomType; floorId: string; centroid: Point; index: number };

/** A walkable connection between rooms of different floors (stairs, lift): its length is required. */
export type CrossFloorLink = { rooms: [string, string]; length: number };

export type RoomGraph = {
  rooms: ReadonlyMap<string, GraphRoom>;
  /** Room ids by node index (node i < rooms.size is room i's centre; the rest are doors). */
  roomIds: readonly string[];
  /** Which room each bed reference is in. */
  bedRoom: ReadonlyMap<string, string>;
  nodeCount: number;
  /** Edges of node n are offsets[n] … offsets[n+1]-1 in target, weight, room. */
  offsets: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** The room a walker is in after taking the edge. */
  room: Int32Array;
};

export class FloorGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FloorGraphError";
  }
}

type Edge = { from: number; to: number; w: number; room: number };

export function buildRoomGraph(floors: readonly Floor[], crossLinks: readonly CrossFloorLink[] = []): RoomGraph {
  const rooms = new Map<string, GraphRoom>();
  const roomIds: string[] = [];
  const bedRoom = new Map<string, string>();
  for (const floor of floors) {
    for (const r of floor.rooms) {
      if (rooms.has(r.id))
        throw new FloorGraphError(`room id "${r.id}" appears on two floors (${rooms.get(r.id)!.floorId} and ${floor.id})`);
      rooms.set(r.id, { id: r.id, name: r.name, type: r.type, floorId: floor.id, centroid: r.centroid, index: roomIds.length });
      roomIds.push(r.id);
      for (const bed of r.beds) bedRoom.set(bed, r.id);
    }
  }
  const indexOf = (id: string) => {
    const r = rooms.get(id);
    if (!r) throw new FloorGraphError(`link to unknown room "${id}"`);
    return r.index;
  };

  const edges: Edge[] = [];
  const both = (a: number, b: number, w: number, roomA: number, roomB: number) => {
    edges.push({ from: a, to: b, w, room: roomB }, { from: b, to: a, w, room: roomA });
  };
  const doorsOf: { node: number; at: Point }[][] = roomIds.map(() => []);
  const doorPoints: Point[] = [];
  const direct = (a: number, b: number, length: number) => both(a, b, length, a, b);

  for (const floor of floors) {
    for (const link of floor.adjacency) {
      const a = indexOf(link.rooms[0]);
      const b = indexOf(link.rooms[1]);
      const ca = rooms.get(link.rooms[0])!.centroid;
      const cb = rooms.get(link.rooms[1])!.centroid;
      if (link.length !== undefined) {
        direct(a, b, link.length);
        continue;
      }
      const at: Point = link.at ?? [(ca[0] + cb[0]) / 2, (ca[1] + cb[1]) / 2];
      const node = roomIds.length + doorPoints.length;
      doorPoints.push(at);
      // centre(a) → door: still in a; door → centre(b): in b (and back).
      both(a, node, distance(ca, at), a, a);
      both(node, b, distance(at, cb), b, b);
      doorsOf[a]!.push({ node, at });
      doorsOf[b]!.push({ node, at });
    }
  }
  for (const link of crossLinks) {
    if (!(link.length > 0)) throw new FloorGraphError(`link ${link.rooms.join("–")} needs a length in metres`);
    direct(indexOf(link.rooms[0]), indexOf(link.rooms[1]), link.length);
  }
  doorsOf.forEach((doors, r) => {
    for (let i = 0; i < doors.length; i++) {
      for (let j = i + 1; j < doors.length; j++) both(doors[i]!.node, doors[j]!.node, distance(doors[i]!.at, doors[j]!.at), r, r);
    }
  });

  const nodeCount = roomIds.length + doorPoints.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (const e of edges) offsets[e.from + 1]!++;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, nodeCount);
  const target = new Int32Array(edges.length);
  const weight = new Float64Array(edges.length);
  const room = new Int32Array(edges.length);
  for (const e of edges) {
    const k = fill[e.from]!++;
    target[k] = e.to;
    weight[k] = e.w;
    room[k] = e.room;
  }
  return { rooms, roomIds, bedRoom, nodeCount, offsets, target, weight, room };
}

/** The room a place reference names: a room id, or a bed reference (its room). Null when it is neither. */
export function roomOfPlace(graph: RoomGraph, place: string): string | null {
  if (graph.rooms.has(place)) return place;
  return graph.bedRoom.get(place) ?? null;
}

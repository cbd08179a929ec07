// Walking distance from one place (a room, or a bed → its room) to every room: Dijkstra over the room
// graph with a binary heap, then the distance and the rooms passed through to each.
import { roomOfPlace, type RoomGraph } from "./room-graph";

export class UnknownPlaceError extends Error {
  constructor(readonly place: string) {
    super(`no room or bed "${place}" on the floor plans`);
    this.name = "UnknownPlaceError";
  }
}

export type Walk = {
  /** The room the walk starts from. */
  from: string;
  /** Metres to the room's centre; Infinity when no door leads there (or the room is unknown). */
  distanceTo(roomId: string): number;
  /** Rooms passed through, from the start to the room inclusive; null when unreachable. */
  pathTo(roomId: string): string[] | null;
};

/** Throws UnknownPlaceError when `place` is neither a room id nor a bed on the graph's floors. */
export function walkFrom(graph: RoomGraph, place: string): Walk {
  const from = roomOfPlace(graph, place);
  if (from === null) throw new UnknownPlaceError(place);
  const source = graph.rooms.get(from)!.index;
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  /** The edge by which each node was reached best (-1: the source or not reached). */
  const via = new Int32Array(graph.nodeCount).fill(-1);
  const heap = new MinHeap(graph.nodeCount);
  dist[source] = 0;
  heap.push(source, 0);
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    if (d > dist[u]!) continue;
    for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
      const v = graph.target[k]!;
      const nd = d + graph.weight[k]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        via[v] = k;
        heap.push(v, nd);
      }
    }
  }
  // The node an edge leaves from, for walking paths backwards.
  const edgeFrom = new Int32Array(graph.target.length);
  for (let n = 0; n < graph.nodeCount; n++) for (let k = graph.offsets[n]!; k < graph.offsets[n + 1]!; k++) edgeFrom[k] = n;

  return {
    from,
    distanceTo(roomId) {
      const r = graph.rooms.get(roomId);
      return r ? dist[r.index]! : Infinity;
    },
    pathTo(roomId) {
      const r = graph.rooms.get(roomId);
      if (!r || dist[r.index] === Infinity) return null;
      const rooms: number[] = [];
      for (let n = r.index; via[n] !== -1; n = edgeFrom[via[n]!]!) rooms.push(graph.room[via[n]!]!);
      rooms.push(source);
      rooms.reverse();
      const path: string[] = [];
      for (const i of rooms) if (path[path.length - 1] !== graph.roomIds[i]) path.push(graph.roomIds[i]!);
      return path;
    },
  };
}

/** A binary min-heap of (node, key) with duplicates allowed (stale entries are skipped by the caller). */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(4, capacity));
    this.keys = new Float64Array(Math.max(4, capacity));
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }

  private grow(): void {
    const nodes = new Int32Array(this.nodes.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    nodes.set(this.nodes);
    keys.set(this.keys);
    this.nodes = nodes;
    this.keys = keys;
  }
}

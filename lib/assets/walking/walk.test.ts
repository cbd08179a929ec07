// Walking distance over the room graph: door-to-door along corridors, declared lengths, beds, floors, and
// Dijkstra checked against Floyd–Warshall on random graphs.
import { describe, expect, it } from "vitest";
import type { Floor, Point, RoomType } from "@/lib/assets/floors/floor-model";
import { importFloor } from "@/lib/assets/floors/import-floor";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { buildRoomGraph, FloorGraphError, type RoomGraph } from "./room-graph";
import { UnknownPlaceError, walkFrom } from "./walk";

const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** A corridor (y 4–6) with rooms A, B, C (6 m wide, 4 m deep) on its north side and D on its south side. */
function corridorFloor(
  extra: { rooms?: { id: string; type?: RoomType; points: Point[]; beds?: string[] }[]; doors?: unknown[] } = {},
): Floor {
  const rooms = [
    { id: "COR", type: "corridor", points: rect(0, 4, 30, 6) },
    { id: "A", points: rect(0, 0, 6, 4), beds: ["W/1", "W/2"] },
    { id: "B", points: rect(6, 0, 12, 4) },
    { id: "C", points: rect(24, 0, 30, 4) },
    { id: "D", points: rect(0, 6, 6, 10) },
    ...(extra.rooms ?? []),
  ].map((r) => ({ name: r.id, type: "patient_room", ...r }));
  const r = importFloor({
    id: "W",
    name: "Ward",
    rooms,
    doors: [["A", "COR"], ["B", "COR"], ["C", "COR"], ["D", "COR"], ...(extra.doors ?? [])],
  });
  if (!r.ok) throw new Error(r.error);
  return r.floor;
}

describe("walking distance", () => {
  it("goes centre → door → along the corridor → door → centre", () => {
    const walk = walkFrom(buildRoomGraph([corridorFloor()]), "A");
    expect(walk.from).toBe("A");
    expect(walk.distanceTo("A")).toBe(0);
    expect(walk.pathTo("A")).toEqual(["A"]);
    // (3,2)→(3,4) 2 m, (3,4)→(9,4) 6 m, (9,4)→(9,2) 2 m.
    expect(walk.distanceTo("B")).toBeCloseTo(10, 9);
    expect(walk.pathTo("B")).toEqual(["A", "COR", "B"]);
    // Across the corridor: 2 + 2 (the doors face each other) + 2.
    expect(walk.distanceTo("D")).toBeCloseTo(6, 9);
    // The far end: 2 + 24 + 2, not via the corridor's middle.
    expect(walk.distanceTo("C")).toBeCloseTo(28, 9);
    // To the corridor itself: its centre (15, 5) from the door (3, 4).
    expect(walk.distanceTo("COR")).toBeCloseTo(2 + Math.hypot(12, 1), 9);
  });

  it("starts from a bed's room and refuses an unknown place", () => {
    const graph = buildRoomGraph([corridorFloor()]);
    expect(walkFrom(graph, "W/2").from).toBe("A");
    expect(() => walkFrom(graph, "W/9")).toThrow(UnknownPlaceError);
    expect(() => walkFrom(graph, "W/9")).toThrow('no room or bed "W/9" on the floor plans');
  });

  it("uses a declared length instead of the geometry", () => {
    const floor = corridorFloor({
      rooms: [{ id: "E", type: "store", points: rect(12, 0, 18, 4) }],
      doors: [{ rooms: ["E", "COR"], length: 40 }],
    });
    const walk = walkFrom(buildRoomGraph([floor]), "E");
    expect(walk.distanceTo("COR")).toBe(40);
    expect(walk.distanceTo("A")).toBeCloseTo(40 + Math.hypot(12, 1) + 2, 9);
    expect(walk.pathTo("A")).toEqual(["E", "COR", "A"]);
  });

  it("cannot reach a room without doors, and knows nothing of unknown rooms", () => {
    const floor = corridorFloor({ rooms: [{ id: "ISLAND", type: "other", points: rect(40, 40, 44, 44) }] });
    const walk = walkFrom(buildRoomGraph([floor]), "A");
    expect(walk.distanceTo("ISLAND")).toBe(Infinity);
    expect(walk.pathTo("ISLAND")).toBeNull();
    expect(walk.distanceTo("NOPE")).toBe(Infinity);
    expect(walk.pathTo("NOPE")).toBeNull();
  });

  it("crosses floors only through a declared link, and refuses a room id on two floors", () => {
    const one = corridorFloor();
    const r = importFloor({
      id: "W2",
      rooms: [
        { id: "X", name: "X", type: "corridor", points: rect(0, 0, 10, 2) },
        { id: "Y", name: "Y", type: "store", points: rect(0, 2, 4, 6) },
      ],
      doors: [["X", "Y"]],
    });
    if (!r.ok) throw new Error(r.error);
    expect(walkFrom(buildRoomGraph([one, r.floor]), "A").distanceTo("Y")).toBe(Infinity);
    const walk = walkFrom(buildRoomGraph([one, r.floor], [{ rooms: ["COR", "X"], length: 25 }]), "A");
    expect(walk.pathTo("Y")).toEqual(["A", "COR", "X", "Y"]);
    // A to the corridor centre, the stair, then X centre (5,1) → door (2,2) → Y centre (2,4).
    expect(walk.distanceTo("Y")).toBeCloseTo(2 + Math.hypot(12, 1) + 25 + Math.hypot(3, 1) + 2, 9);
    expect(() => buildRoomGraph([one, one])).toThrow(FloorGraphError);
    expect(() => buildRoomGraph([one], [{ rooms: ["A", "B"], length: 0 }])).toThrow(/needs a length/);
  });

  it("reaches every room of the demo floors, two neighbouring rooms nearer than the far end", () => {
    const graph = buildRoomGraph(demoFloors());
    for (const from of ["4E-R01", "ICU-B1"]) {
      const walk = walkFrom(graph, from);
      const floor = graph.rooms.get(from)!.floorId;
      for (const room of graph.rooms.values())
        if (room.floorId === floor) expect(walk.distanceTo(room.id), `${from}→${room.id}`).toBeLessThan(80);
    }
    const walk = walkFrom(graph, "4E/1");
    expect(walk.distanceTo("4E-R02")).toBeLessThan(walk.distanceTo("4E-R03"));
    expect(walk.distanceTo("4E-R03")).toBeLessThan(walk.distanceTo("4E-R06"));
    expect(walk.pathTo("4E-R06")).toEqual(["4E-R01", "4E-CORR-W", "4E-CORR-E", "4E-R06"]);
  });

  it("agrees with Floyd–Warshall on random graphs", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const n = 3 + Math.floor(rand() * 12);
      const rooms = Array.from({ length: n }, (_, i) => ({
        id: `R${i}`,
        name: `R${i}`,
        type: "other",
        points: rect(i * 5, 0, i * 5 + 4, 4),
      }));
      const doors: unknown[] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) if (rand() < 0.3) doors.push({ rooms: [`R${i}`, `R${j}`], at: [rand() * 50, rand() * 10] });
      const r = importFloor({ id: "F", rooms, doors });
      if (!r.ok) throw new Error(r.error);
      const graph = buildRoomGraph([r.floor]);
      const d = floydWarshall(graph);
      for (let s = 0; s < n; s++) {
        const walk = walkFrom(graph, `R${s}`);
        for (let t = 0; t < n; t++) expect(walk.distanceTo(`R${t}`)).toBeCloseTo(d[s]![t]!, 6);
      }
    }
  });
});

function floydWarshall(g: RoomGraph): number[][] {
  const n = g.nodeCount;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (let u = 0; u < n; u++)
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) d[u]![g.target[k]!] = Math.min(d[u]![g.target[k]!]!, g.weight[k]!);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return d;
}

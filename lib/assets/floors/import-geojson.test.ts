// Importing a GeoJSON floor plan: the normalised model, and a refusal naming the field for each kind of mistake.
import { describe, expect, it } from "vitest";
import { importFloor, importFloorJson } from "./import-floor";

type Json = Record<string, unknown>;

const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function feature(props: Json, coordinates: unknown = [ring(0, 0, 4, 4)], type = "Polygon"): Json {
  return { type: "Feature", properties: props, geometry: { type, coordinates } };
}

function collection(features: Json[], extra: Json = {}): Json {
  return { type: "FeatureCollection", id: "F1", name: "Floor one", features, ...extra };
}

/** A corridor with two rooms off it, each listing its door. */
function small(): Json[] {
  return [
    feature({ id: "C", name: "Corridor", type: "corridor" }, [ring(0, 4, 12, 6)]),
    feature({ id: "A", name: "Room A", type: "patient_room", beds: ["W/1", "W/2"], doors: ["C"] }, [ring(0, 0, 6, 4)]),
    feature({ id: "B", name: "Room B", type: "patient_room", beds: ["W/3"], doors: [{ to: "C", at: [7, 4] }] }, [ring(6, 0, 12, 4)]),
  ];
}

function refusal(input: unknown): string {
  const r = importFloor(input);
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

describe("GeoJSON floor import", () => {
  it("normalises to the floor model: open rings, beds, centroids, doors placed on the shared wall", () => {
    const r = importFloor(collection(small()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.floor.id).toBe("F1");
    expect(r.floor.name).toBe("Floor one");
    expect(r.floor.rooms.find((x) => x.id === "A")).toEqual({
      id: "A",
      name: "Room A",
      type: "patient_room",
      polygon: [
        [0, 0],
        [6, 0],
        [6, 4],
        [0, 4],
      ],
      beds: ["W/1", "W/2"],
      centroid: [3, 2],
    });
    expect(r.floor.rooms.find((x) => x.id === "C")!.beds).toEqual([]);
    expect(r.floor.adjacency).toEqual([
      { rooms: ["A", "C"], kind: "door", at: [3, 4] },
      { rooms: ["B", "C"], kind: "door", at: [7, 4] },
    ]);
  });

  it("a door written on both rooms is one door; adjacent rooms are open links", () => {
    const f = small();
    (f[0]!.properties as Json).doors = ["A"];
    (f[0]!.properties as Json).adjacent = ["B"];
    const r = importFloor(collection(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.floor.adjacency.map((l) => [...l.rooms].sort().join("-") + ":" + l.kind).sort()).toEqual(["A-C:door", "B-C:door"]);
  });

  it("keeps a declared door length and drops a height coordinate", () => {
    const f = small();
    f[1] = feature({ id: "A", name: "Room A", type: "patient_room", doors: [{ to: "C", length: 9.5 }] }, [
      [
        [0, 0, 3],
        [6, 0, 3],
        [6, 4, 3],
        [0, 4, 3],
        [0, 0, 3],
      ],
    ]);
    const r = importFloor(collection(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.floor.adjacency[0]).toEqual({ rooms: ["A", "C"], kind: "door", length: 9.5 });
    expect(r.floor.rooms[1]!.polygon[0]).toEqual([0, 0]);
  });

  it("refuses a ring that is not closed or too short, with the feature's geometry named", () => {
    const open = small();
    open[1] = feature({ id: "A", name: "Room A", type: "patient_room" }, [
      [
        [0, 0],
        [6, 0],
        [6, 4],
        [0, 4],
      ],
    ]);
    expect(refusal(collection(open))).toBe("features[1].geometry: polygon must be closed and have at least 3 points");
    const short = small();
    short[2] = feature({ id: "B", name: "B", type: "store" }, [
      [
        [0, 0],
        [6, 0],
        [0, 0],
      ],
    ]);
    expect(refusal(collection(short))).toBe("features[2].geometry: polygon must be closed and have at least 3 points");
    const empty = small();
    empty[0] = feature({ id: "C", name: "C", type: "corridor" }, []);
    expect(refusal(collection(empty))).toBe("features[0].geometry.coordinates: polygon must be closed and have at least 3 points");
  });

  it("refuses holes, flat and self-crossing polygons", () => {
    const f = small();
    f[0] = feature({ id: "C", name: "C", type: "corridor" }, [ring(0, 4, 12, 6), ring(1, 4.5, 2, 5)]);
    f[1] = feature({ id: "A", name: "A", type: "store" }, [
      [
        [0, 0],
        [3, 0],
        [6, 0],
        [0, 0],
      ],
    ]);
    f[2] = feature({ id: "B", name: "B", type: "store" }, [
      [
        [0, 0],
        [4, 4],
        [4, 0],
        [0, 4],
        [0, 0],
      ],
    ]);
    const r = importFloor(collection(f));
    expect(r.ok ? [] : r.issues).toEqual([
      { field: "features[0].geometry", reason: "holes are not supported: give the outer ring only" },
      { field: "features[1].geometry", reason: "polygon has no area (its points lie on one line)" },
      { field: "features[2].geometry", reason: "polygon edges 1 and 3 cross each other" },
    ]);
  });

  it("names the property for a wrong geometry type, an unknown room type, a missing name, a bad id", () => {
    const f = small();
    f[0] = feature({ id: "C", name: "C", type: "corridor" }, [0, 0], "Point");
    f[1] = feature({ id: "A", name: "A", type: "kitchen" });
    f[2] = feature({ id: "B b", type: "store" });
    const r = importFloor(collection(f));
    expect(r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'features[0].geometry.type: must be "Polygon" (got "Point")',
      'features[1].properties.type: unknown room type "kitchen" (one of: patient_room, corridor, dirty_utility, clean_utility, store, or, nurse_station, exit, other)',
      "features[2].properties.id: use 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
      "features[2].properties.name: is required",
    ]);
  });

  it("refuses duplicate room ids and a bed in two rooms", () => {
    const f = small();
    f[2] = feature({ id: "A", name: "Again", type: "patient_room", beds: ["W/2"] }, [ring(6, 0, 12, 4)]);
    const r = importFloor(collection(f));
    expect(r.ok ? [] : r.issues).toEqual([
      { field: "features[2].properties.id", reason: 'duplicate room id "A" (also at features[1])' },
      { field: "features[2].properties.beds[0]", reason: 'bed "W/2" is already in room "A"' },
    ]);
  });

  it("refuses doors to unknown rooms, to the room itself, badly written, or declared twice with different lengths", () => {
    const f = small();
    (f[1]!.properties as Json).doors = ["C", "Z", "A", { to: "C", length: 3 }];
    (f[0]!.properties as Json).doors = [{ to: "A", length: 4 }, { to: "bad id" }, 7];
    const r = importFloor(collection(f));
    expect(r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      "features[0].properties.doors[1].to: use 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
      "features[0].properties.doors[2]: must be a room id or {to, at?, length?}",
    ]);
    (f[0]!.properties as Json).doors = [{ to: "A", length: 4 }];
    const again = importFloor(collection(f));
    expect(again.ok ? [] : again.issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'features[1].properties.doors[1]: unknown room "Z"',
      'features[1].properties.doors[2]: a room cannot have a door to itself ("A")',
      "features[1].properties.doors[3]: length 3 m differs from 4 m declared for the same door at features[0].properties.doors[0]",
    ]);
  });

  it("needs a floor id from the file or the caller; the caller's id and name win", () => {
    expect(refusal(collection(small(), { id: undefined, name: undefined }))).toBe("id: is required (in the file or given when importing)");
    const r = importFloor(collection(small()), { id: "4E", name: "Ward 4E" });
    expect(r.ok && [r.floor.id, r.floor.name]).toEqual(["4E", "Ward 4E"]);
  });

  it("warns about a door between rooms that share no wall and a room nobody can walk to", () => {
    const f = small();
    f.push(feature({ id: "D", name: "Far", type: "store", doors: ["C"] }, [ring(20, 20, 22, 22)]));
    f.push(feature({ id: "E", name: "Island", type: "other" }, [ring(30, 30, 32, 32)]));
    const r = importFloor(collection(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map((w) => w.field)).toEqual(["features[3].properties.doors[0]", "features[4]"]);
    expect(r.warnings[0]!.reason).toMatch(/share no wall/);
    expect(r.warnings[1]!.reason).toMatch(/"E" has no door/);
  });

  it("links corridor segments that share a wall when asked, and every neighbour with 'all'", () => {
    const f = [
      feature({ id: "C1", name: "C1", type: "corridor" }, [ring(0, 4, 10, 6)]),
      feature({ id: "C2", name: "C2", type: "corridor" }, [ring(10, 4, 20, 6)]),
      feature({ id: "A", name: "A", type: "patient_room", doors: ["C1"] }, [ring(0, 0, 6, 4)]),
      feature({ id: "B", name: "B", type: "patient_room", doors: ["C1"] }, [ring(6, 0, 12, 4)]),
    ];
    const pairs = (mode: "off" | "corridors" | "all") => {
      const r = importFloor(collection(f), { sharedEdges: mode });
      if (!r.ok) throw new Error(r.error);
      return r.floor.adjacency.filter((l) => l.kind === "shared_edge").map((l) => [...l.rooms].sort().join("-"));
    };
    expect(pairs("off")).toEqual([]);
    expect(pairs("corridors")).toEqual(["C1-C2"]);
    expect(pairs("all").sort()).toEqual(["A-B", "B-C2", "C1-C2"]);
  });

  it("says what is wrong with a body that is neither form, not JSON, or has no features", () => {
    expect(refusal([1, 2])).toBe("body: must be a GeoJSON FeatureCollection or SVG-derived JSON {rooms, doors}");
    expect(refusal({ type: "FeatureCollection", features: [] })).toBe("features: must hold at least one room");
    const bad = importFloorJson("{nope");
    expect(bad.ok ? "" : bad.error).toMatch(/^body: is not valid JSON/);
  });

  it("summarises many problems on one line and lists them all", () => {
    const features = Array.from({ length: 8 }, (_, i) => feature({ id: `R${i}`, name: "R", type: "nope" }));
    const r = importFloor(collection(features));
    if (r.ok) throw new Error("expected a refusal");
    expect(r.issues).toHaveLength(8);
    expect(r.error).toMatch(/^features\[0\]\.properties\.type: unknown room type "nope".*; and 3 more$/);
  });
});

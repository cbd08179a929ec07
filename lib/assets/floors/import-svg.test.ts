// Importing an SVG-derived JSON floor plan: same model as GeoJSON, refusals named by field.
import { describe, expect, it } from "vitest";
import { importFloor } from "./import-floor";

type Json = Record<string, unknown>;

function plan(extra: Json = {}): Json {
  return {
    id: "ICU",
    name: "Intensive Care",
    rooms: [
      {
        id: "C",
        name: "Corridor",
        type: "corridor",
        points: [
          [0, 5],
          [10, 5],
          [10, 9],
          [0, 9],
        ],
      },
      // Closed (first point repeated) is accepted as well as open.
      {
        id: "B1",
        name: "Bay 1",
        type: "patient_room",
        points: [
          [0, 0],
          [5, 0],
          [5, 5],
          [0, 5],
          [0, 0],
        ],
        beds: ["ICU/1"],
      },
      {
        id: "B2",
        name: "Bay 2",
        type: "patient_room",
        points: [
          [5, 0],
          [10, 0],
          [10, 5],
          [5, 5],
        ],
        beds: ["ICU/2"],
      },
    ],
    doors: [["B1", "C"], { rooms: ["B2", "C"], at: [9, 5] }],
    ...extra,
  };
}

function issues(input: unknown): string[] {
  const r = importFloor(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`);
}

describe("SVG-derived JSON floor import", () => {
  it("normalises to the same floor model", () => {
    const r = importFloor(plan());
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.floor.rooms.map((x) => [x.id, x.polygon.length, x.centroid])).toEqual([
      ["C", 4, [5, 7]],
      ["B1", 4, [2.5, 2.5]],
      ["B2", 4, [7.5, 2.5]],
    ]);
    expect(r.floor.adjacency).toEqual([
      { rooms: ["B1", "C"], kind: "door", at: [2.5, 5] },
      { rooms: ["B2", "C"], kind: "door", at: [9, 5] },
    ]);
  });

  it("accepts open links and declared lengths", () => {
    const r = importFloor(
      plan({
        doors: [
          { rooms: ["B1", "C"], kind: "open" },
          { rooms: ["B2", "C"], length: 12 },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.floor.adjacency).toEqual([
      { rooms: ["B1", "C"], kind: "open", at: [2.5, 5] },
      { rooms: ["B2", "C"], kind: "door", length: 12 },
    ]);
  });

  it("names the room's points for a polygon with fewer than 3 points or crossing edges", () => {
    const p = plan();
    const rooms = p.rooms as Json[];
    rooms[1] = {
      ...rooms[1],
      points: [
        [0, 0],
        [5, 0],
      ],
    };
    rooms[2] = {
      ...rooms[2],
      points: [
        [5, 0],
        [10, 5],
        [10, 0],
        [5, 5],
      ],
    };
    expect(issues(p)).toEqual([
      "rooms[1].points: polygon must be closed and have at least 3 points",
      "rooms[2].points: polygon edges 1 and 3 cross each other",
    ]);
  });

  it("names the door and the end that is wrong", () => {
    expect(issues(plan({ doors: [["B1", "C"], ["B2", "X"], { rooms: ["Y", "C"] }, ["C", "C"]] }))).toEqual([
      'doors[1][1]: unknown room "X"',
      'doors[2].rooms[0]: unknown room "Y"',
      'doors[3][1]: a room cannot have a door to itself ("C")',
    ]);
    expect(
      issues(
        plan({
          doors: [
            ["B1"],
            "B1-C",
            { rooms: ["B1", "C"], kind: "window" },
            { rooms: ["B1", "C"], width: 2 },
            { rooms: ["B1", "C"], length: -1 },
          ],
        }),
      ),
    ).toEqual([
      "doors[0]: must be a pair of room ids [roomA, roomB]",
      "doors[1]: must be [roomA, roomB] or {rooms: [roomA, roomB], kind?, at?, length?}",
      'doors[2].kind: must be "door" or "open"',
      'doors[3]: unknown field "width"',
      "doors[4].length: must be more than 0 m",
    ]);
  });

  it("names room fields: missing points, unknown type, duplicate ids and beds", () => {
    const p = plan();
    const rooms = p.rooms as Json[];
    rooms.push({
      id: "B1",
      name: "Dup",
      type: "patient_room",
      points: [
        [20, 0],
        [25, 0],
        [25, 5],
      ],
      beds: ["ICU/2"],
    });
    expect(issues(p)).toEqual([
      'rooms[3].id: duplicate room id "B1" (also at rooms[1])',
      'rooms[3].beds[0]: bed "ICU/2" is already in room "B2"',
    ]);
    expect(issues({ rooms: [{ id: "A", name: "A", type: "ward" }] })).toEqual([
      'rooms[0].type: unknown room type "ward" (one of: patient_room, corridor, dirty_utility, clean_utility, store, or, nurse_station, exit, other)',
      "rooms[0].points: is required",
    ]);
    expect(issues({ rooms: "none" })).toEqual(["rooms: must be an array of rooms"]);
  });
});

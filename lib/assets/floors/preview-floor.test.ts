// The floor import preview: parsed rooms for a good file; every problem named by its feature or room
// (index and name) and the field inside it.
import { describe, expect, it } from "vitest";
import { locateIssue, previewFloorJson } from "./preview-floor";

const square = (x: number, y: number) => [
  [x, y],
  [x + 5, y],
  [x + 5, y + 5],
  [x, y + 5],
];

const svgPlan = {
  name: "Ward 9",
  rooms: [
    { id: "R1", name: "Room 1", type: "patient_room", points: square(0, 0), beds: ["9/1"] },
    { id: "C", name: "Corridor", type: "corridor", points: square(5, 0) },
  ],
  doors: [["R1", "C"]],
};

describe("floor import preview", () => {
  it("gives the parsed rooms with names and types under the chosen id and name", () => {
    const p = previewFloorJson(JSON.stringify(svgPlan), "W9", "Ward nine");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.floor).toMatchObject({ id: "W9", name: "Ward nine" });
    expect(p.floor.rooms.map((r) => [r.id, r.name, r.type])).toEqual([
      ["R1", "Room 1", "patient_room"],
      ["C", "Corridor", "corridor"],
    ]);
  });

  it("names the room and the field of each problem in SVG-derived JSON", () => {
    const bad = { ...svgPlan, rooms: [svgPlan.rooms[0], { id: "X", name: "Store", type: "garage", points: [[0, 0]] }] };
    const p = previewFloorJson(JSON.stringify(bad), "W9");
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const fields = p.issues.map((i) => `${i.where} | ${i.field}`);
    expect(fields).toEqual(expect.arrayContaining([`room 1 "Store" | type`, `room 1 "Store" | points`]));
  });

  it("names the GeoJSON feature by its properties' name", () => {
    const geo = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { id: "R1", name: "Bay A", type: "patient_room" },
          geometry: { type: "Point", coordinates: [0, 0] },
        },
      ],
    };
    const p = previewFloorJson(JSON.stringify(geo), "W9");
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues[0]).toMatchObject({ where: `feature 0 "Bay A"` });
    expect(p.issues[0]!.field).toMatch(/^geometry/);
  });

  it("reports a file that is not JSON, or neither form, as the file", () => {
    const notJson = previewFloorJson("{rooms:", "W9");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.issues[0]).toMatchObject({ where: "file", field: "body" });
    const neither = previewFloorJson("[1,2]", "W9");
    expect(neither.ok).toBe(false);
    if (!neither.ok) expect(neither.issues[0]?.reason).toMatch(/GeoJSON FeatureCollection/);
  });

  it("maps a path without an item to the floor, and an item without a name to its index", () => {
    expect(locateIssue({ field: "doors[2]", reason: "unknown room" }, { doors: [] })).toEqual({
      where: "door 2",
      field: "(the whole item)",
      reason: "unknown room",
    });
    expect(locateIssue({ field: "name", reason: "too long" }, {})).toEqual({ where: "floor", field: "name", reason: "too long" });
  });
});

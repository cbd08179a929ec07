import { describe, expect, it } from "vitest";
import { clusterMarkers, floorViewBox } from "./cluster-markers";

const rooms = [
  { id: "A", centroid: [2, 2] as const },
  { id: "B", centroid: [10, 2] as const },
];

describe("floor markers", () => {
  it("draws a few assets of a room as dots around its centre, many as one cluster with the worst status", () => {
    const few = clusterMarkers(rooms, [
      { id: "p1", roomId: "A", status: "available" },
      { id: "p2", roomId: "A", status: "in_use" },
      { id: "x", roomId: null, status: "missing" },
    ]);
    expect(few).toEqual([
      expect.objectContaining({ kind: "asset", assetId: "p1", x: 2 - 0.45, y: 2 }),
      expect.objectContaining({ kind: "asset", assetId: "p2", x: 2 + 0.45, y: 2 }),
    ]);
    const many = clusterMarkers(
      rooms,
      Array.from({ length: 9 }, (_, i) => ({
        id: `w${i}`,
        roomId: "B",
        status: i === 4 ? ("needs_cleaning" as const) : ("available" as const),
      })),
    );
    expect(many).toEqual([{ kind: "cluster", key: "c:B", roomId: "B", count: 9, worst: "needs_cleaning", x: 10, y: 2 }]);
  });

  it("frames the floor with a margin", () => {
    expect(
      floorViewBox([
        {
          polygon: [
            [0, 0],
            [10, 0],
            [10, 5],
          ],
        },
      ]),
    ).toBe("-1 -1 12 7");
    expect(floorViewBox([])).toBe("0 0 10 10");
  });
});

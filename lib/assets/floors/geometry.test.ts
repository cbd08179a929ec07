import { describe, expect, it } from "vitest";
import type { Point } from "./floor-model";
import { areaCentroid, boundsOf, markerPoint, pointInPolygon, polygonArea, selfCrossing, sharedWall } from "./geometry";

const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

describe("floor geometry", () => {
  it("area and centroid of a rectangle, either orientation", () => {
    expect(polygonArea(rect(0, 0, 6, 4))).toBe(24);
    expect(areaCentroid(rect(0, 0, 6, 4))).toEqual([3, 2]);
    expect(areaCentroid([...rect(0, 0, 6, 4)].reverse())).toEqual([3, 2]);
  });

  it("the centroid of an L is weighted by area, not by vertices", () => {
    // 10×2 bar plus a 2×8 leg: area 36.
    const l: Point[] = [
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 10],
      [0, 10],
    ];
    expect(polygonArea(l)).toBe(36);
    const [cx, cy] = areaCentroid(l);
    expect(cx).toBeCloseTo((20 * 5 + 16 * 1) / 36, 9);
    expect(cy).toBeCloseTo((20 * 1 + 16 * 6) / 36, 9);
  });

  it("a marker point lies inside a concave room whose centroid falls outside", () => {
    // A thin L-shaped corridor: the centroid sits in the empty corner.
    const l: Point[] = [
      [0, 0],
      [20, 0],
      [20, 2],
      [2, 2],
      [2, 20],
      [0, 20],
    ];
    expect(pointInPolygon(areaCentroid(l), l)).toBe(false);
    const m = markerPoint(l);
    expect(pointInPolygon(m, l)).toBe(true);
    // Convex rooms keep their centroid.
    expect(markerPoint(rect(4, 0, 10, 6))).toEqual([7, 3]);
  });

  it("finds crossing edges of a bow tie and none in a simple polygon", () => {
    expect(
      selfCrossing([
        [0, 0],
        [4, 4],
        [4, 0],
        [0, 4],
      ]),
    ).toEqual([0, 2]);
    expect(selfCrossing(rect(0, 0, 4, 4))).toBeNull();
    // A spike folding back onto an earlier edge touches it.
    expect(
      selfCrossing([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0],
        [0, 4],
      ]),
    ).not.toBeNull();
  });

  it("finds the wall two rooms share, even when one wall spans several rooms", () => {
    const corridor = rect(0, 6, 23, 8.4);
    const room = rect(10, 0, 16, 6);
    expect(sharedWall(room, corridor)).toEqual({ length: 6, midpoint: [13, 6] });
    expect(sharedWall(corridor, room)).toEqual({ length: 6, midpoint: [13, 6] });
    // Rooms meeting only at a corner or standing apart share nothing.
    expect(sharedWall(rect(0, 0, 4, 4), rect(4, 4, 8, 8))).toBeNull();
    expect(sharedWall(rect(0, 0, 4, 4), rect(5, 0, 8, 4))).toBeNull();
    // Drawn 3 cm apart: still one wall.
    expect(sharedWall(rect(0, 0, 4, 4), rect(4.03, 1, 8, 3))?.length).toBeCloseTo(2, 9);
  });

  it("bounds cover every polygon", () => {
    expect(boundsOf([rect(0, 0, 4, 4), rect(10, -2, 12, 3)])).toEqual({ minX: 0, minY: -2, maxX: 12, maxY: 4 });
  });
});

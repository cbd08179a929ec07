// "Nearest available infusion pump to bed 4E/13" on the demo 4E floor, by walking distance.
import { describe, expect, it } from "vitest";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { buildRoomGraph } from "./room-graph";
import { nearestAssets, nearestFromWalk, type PlacedAsset } from "./nearest-assets";
import { UnknownPlaceError, walkFrom } from "./walk";

const graph = buildRoomGraph(demoFloors());

// Bed 4E/13 is in room 7 (south side, west end).
const assets: PlacedAsset[] = [
  { id: "pump-far", class: "infusion_pump", status: "available", roomId: "4E-R12" },
  { id: "pump-two-rooms", class: "infusion_pump", status: "available", roomId: "4E-R09" },
  { id: "pump-store", class: "infusion_pump", status: "available", roomId: "4E-STORE" },
  { id: "pump-in-use", class: "infusion_pump", status: "in_use", roomId: "4E-R07" },
  { id: "pump-dirty", class: "infusion_pump", status: "needs_cleaning", roomId: "4E-DIRTY" },
  { id: "pump-lost", class: "infusion_pump", status: "missing", roomId: null },
  { id: "pump-icu", class: "infusion_pump", status: "available", roomId: "ICU-STORE" },
  { id: "chair-1", class: "wheelchair", status: "available", roomId: "4E-R08" },
];

describe("nearest assets by walking distance", () => {
  it("finds the nearest available pump two rooms away, with the distance and the way there", () => {
    const found = nearestAssets(graph, "4E/13", assets, { class: "infusion_pump", status: "available" });
    expect(found.map((f) => f.asset.id)).toEqual(["pump-two-rooms", "pump-store", "pump-far"]);
    const first = found[0]!;
    expect(first.roomId).toBe("4E-R09");
    expect(first.path).toEqual(["4E-R07", "4E-CORR-W", "4E-R09"]);
    // Room 7 centre (7, 11.4) → door (7, 8.4) → door (19, 8.4) → room 9 centre (19, 11.4).
    expect(first.distance).toBeCloseTo(3 + 12 + 3, 9);
    expect(found[1]!.path).toEqual(["4E-R07", "4E-CORR-W", "4E-CORR-E", "4E-STORE"]);
    expect(found.every((f, i) => i === 0 || f.distance >= found[i - 1]!.distance)).toBe(true);
  });

  it("leaves out assets with no known room and those on a floor no walk reaches", () => {
    const ids = nearestAssets(graph, "4E-R07", assets, { class: "infusion_pump" }).map((f) => f.asset.id);
    expect(ids).toContain("pump-in-use");
    expect(ids).toContain("pump-dirty");
    expect(ids).not.toContain("pump-lost");
    expect(ids).not.toContain("pump-icu");
  });

  it("filters by several statuses, limits, and breaks distance ties by id", () => {
    const twins: PlacedAsset[] = [
      { id: "b", class: "wheelchair", status: "available", roomId: "4E-R08" },
      { id: "a", class: "wheelchair", status: "needs_cleaning", roomId: "4E-R08" },
      { id: "c", class: "wheelchair", status: "in_use", roomId: "4E-R08" },
    ];
    expect(nearestAssets(graph, "4E-R07", twins, { status: ["available", "needs_cleaning"] }).map((f) => f.asset.id)).toEqual(["a", "b"]);
    expect(nearestAssets(graph, "4E-R07", twins, { limit: 1 }).map((f) => f.asset.id)).toEqual(["a"]);
    expect(nearestAssets(graph, "4E-R07", twins, { class: "defibrillator" })).toEqual([]);
  });

  it("reuses one walk for several searches and refuses an unknown place", () => {
    const walk = walkFrom(graph, "ICU/3");
    expect(nearestFromWalk(walk, assets, { class: "infusion_pump", status: "available" }).map((f) => [f.asset.id, f.path])).toEqual([
      ["pump-icu", ["ICU-B3", "ICU-CORR", "ICU-NURSE", "ICU-STORE"]],
    ]);
    expect(() => nearestAssets(graph, "5W/1", assets)).toThrow(UnknownPlaceError);
  });
});

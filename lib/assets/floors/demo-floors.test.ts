// The shipped demo floors import cleanly and match the demo hospital (4E: 24 beds in 12 rooms; ICU: 8 bays).
import { describe, expect, it } from "vitest";
import { DEMO_FLOOR_SOURCES, demoFloors } from "./demo-floors";
import { importFloor } from "./import-floor";
import { pointInPolygon, polygonArea } from "./geometry";
import type { Floor } from "./floor-model";

const byId = (floors: Floor[], id: string) => floors.find((f) => f.id === id)!;

describe("demo floors", () => {
  it("import without problems or warnings, one in each form", () => {
    for (const { file, body } of DEMO_FLOOR_SOURCES) {
      const r = importFloor(body);
      expect(r.ok ? r.warnings : r.error, file).toEqual([]);
    }
    expect((DEMO_FLOOR_SOURCES[0]!.body as { type: string }).type).toBe("FeatureCollection");
    expect(DEMO_FLOOR_SOURCES[1]!.body).toHaveProperty("rooms");
  });

  it("4E: a corridor, 12 patient rooms holding beds 4E/1–24, and the service rooms", () => {
    const f = byId(demoFloors(), "4E");
    const patientRooms = f.rooms.filter((r) => r.type === "patient_room");
    expect(patientRooms).toHaveLength(12);
    expect(patientRooms.flatMap((r) => r.beds).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `4E/${i + 1}`).sort());
    for (const type of ["corridor", "dirty_utility", "clean_utility", "store", "nurse_station", "exit"]) {
      expect(
        f.rooms.some((r) => r.type === type),
        type,
      ).toBe(true);
    }
  });

  it("ICU: 8 single bays holding beds ICU/1–8", () => {
    const f = byId(demoFloors(), "ICU");
    const bays = f.rooms.filter((r) => r.type === "patient_room");
    expect(bays).toHaveLength(8);
    expect(bays.map((r) => r.beds)).toEqual(expect.arrayContaining(Array.from({ length: 8 }, (_, i) => [`ICU/${i + 1}`])));
  });

  it("has realistic sizes in metres, rooms that do not overlap, and every door placed", () => {
    for (const f of demoFloors()) {
      for (const r of f.rooms) {
        const area = polygonArea(r.polygon);
        expect(area, r.id).toBeGreaterThan(8);
        expect(area, r.id).toBeLessThan(120);
        if (r.type === "patient_room") expect(area / Math.max(1, r.beds.length), r.id).toBeGreaterThanOrEqual(16);
        for (const other of f.rooms)
          if (other !== r) expect(pointInPolygon(r.centroid, other.polygon), `${r.id} in ${other.id}`).toBe(false);
      }
      for (const link of f.adjacency) expect(link.at, link.rooms.join("-")).toBeDefined();
    }
  });
});

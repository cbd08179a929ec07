import { describe, expect, it } from "vitest";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { LocationEngine } from "@/lib/assets/asset-map";
import { seededRandom } from "@/lib/assets/location/testing/synthetic-sightings";
import { gatewayReports, tagRoomAt, type DemoTag } from "./asset-movement";

const rooms = demoFloors().flatMap((f) => f.rooms.map((r) => ({ id: r.id, type: r.type, floorId: f.id, centroid: r.centroid })));
const byId = new Map(rooms.map((r) => [r.id, r]));
const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 3, 8);

describe("demo asset movement", () => {
  it("keeps each tag on its floor, in spells of at least 20 minutes, never in the exit except the wanderer", () => {
    const tag: DemoTag = { tagId: "t", class: "infusion_pump", floorId: "4E", seed: 5 };
    let changes = 0;
    let prev = tagRoomAt(tag, rooms, T0);
    for (let t = T0; t < T0 + 24 * 60 * MIN; t += MIN) {
      const r = tagRoomAt(tag, rooms, t);
      expect(byId.get(r)!.floorId).toBe("4E");
      expect(byId.get(r)!.type).not.toBe("exit");
      if (r !== prev) changes++;
      prev = r;
    }
    expect(changes).toBeGreaterThan(5);
    expect(changes).toBeLessThanOrEqual(72);
  });

  it("walks the wanderer through the 4E exit once an hour, and the location engine places it there", () => {
    const wanderer: DemoTag = { tagId: "wc", class: "wheelchair", floorId: "4E", seed: 2, wanderer: true };
    const hour = T0 - (T0 % (60 * MIN));
    expect(tagRoomAt(wanderer, rooms, hour + 46 * MIN)).toBe("4E-EXIT");
    expect(tagRoomAt(wanderer, rooms, hour + 10 * MIN)).not.toBe("4E-EXIT");
    const gateways = ["4E-CORR-W", "4E-CORR-E", "4E-STORE", "4E-EXIT", "4E-R02"].map((roomId) => ({ id: `gw-${roomId}`, roomId }));
    const engine = new LocationEngine(new Map(gateways.map((g) => [g.id, g.roomId])));
    const rand = seededRandom(9);
    const seen: string[] = [];
    for (let t = hour + 30 * MIN; t < hour + 60 * MIN; t += 2000) {
      for (const [gatewayId, list] of gatewayReports(gateways, byId, [wanderer], (x) => tagRoomAt(x, rooms, t), rand))
        for (const s of list) for (const c of engine.ingest([{ tagId: s.tag, gatewayId, rssi: s.rssi, ts: t }])) seen.push(c.roomId);
    }
    expect(seen).toContain("4E-EXIT");
  });
});

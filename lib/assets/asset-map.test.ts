// The pure core end to end through its public surface: a gateway body in, the pump located on the demo
// 4E floor, its status worked out, and a nurse at bed 4E/13 finding it as the nearest available pump.
import { describe, expect, it } from "vitest";
import { demoFloors } from "./floors/demo-floors";
import {
  assetStatus,
  buildRoomGraph,
  DEFAULT_ZONE_RULES,
  evaluateZoneRules,
  LocationEngine,
  nearestAssets,
  parseSightingsBody,
  toEngineSightings,
  type LocationChange,
  type PlacedAsset,
} from "./asset-map";

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const iso = (t: number) => new Date(t).toISOString();

describe("asset map core, end to end", () => {
  it("locates a pump from gateway bodies and finds it as the nearest available pump", () => {
    const floors = demoFloors();
    const graph = buildRoomGraph(floors);
    const gatewayRooms = { "gw-4e-r09": "4E-R09", "gw-4e-r08": "4E-R08", "gw-4e-exit": "4E-EXIT" };
    const engine = new LocationEngine(gatewayRooms);
    const changes: LocationChange[] = [];
    // Twelve seconds of 1 Hz batches from two gateways: room 9 hears pump-0004's tag loudly, room 8 faintly.
    for (let i = 0; i < 12; i++) {
      for (const [gw, rssi] of [
        ["gw-4e-r09", -58],
        ["gw-4e-r08", -79],
      ] as const) {
        const body = parseSightingsBody({
          seq: i,
          ts: iso(T0 + i * 1000),
          sightings: [
            { tag: "tag-pump-0004", rssi },
            { tag: "tag-unregistered", rssi: -90 },
          ],
        });
        if (!body.ok) throw new Error(body.error);
        engine.ingest(toEngineSightings(gw, body.batches), changes);
      }
    }
    expect(changes.filter((c) => c.tagId === "tag-pump-0004")).toEqual([
      { tagId: "tag-pump-0004", roomId: "4E-R09", previousRoomId: null, state: "located", previousState: null, at: T0 },
    ]);

    const located = engine.locationOf("tag-pump-0004")!;
    const status = assetStatus(
      { attachedToPatient: false, running: false, soiledAt: null, cleanedAt: null, serviceDueAt: null, locationState: located.state },
      T0 + 12_000,
    );
    const assets: PlacedAsset[] = [
      { id: "pump-0004", class: "infusion_pump", status: status.status, roomId: located.roomId },
      { id: "pump-0001", class: "infusion_pump", status: "in_use", roomId: "4E-R02" },
    ];
    const [nearest] = nearestAssets(graph, "4E/13", assets, { class: "infusion_pump", status: "available" });
    expect(nearest).toMatchObject({ asset: { id: "pump-0004" }, roomId: "4E-R09", path: ["4E-R07", "4E-CORR-W", "4E-R09"] });

    // Wheeled out through the stairwell exit: an equipment alert once.
    const exit = floors[0]!.rooms.find((r) => r.id === "4E-EXIT")!;
    const room9 = floors[0]!.rooms.find((r) => r.id === "4E-R09")!;
    expect(
      evaluateZoneRules(
        DEFAULT_ZONE_RULES,
        { id: "pump-0004", class: "infusion_pump" },
        { ...room9, floorId: "4E" },
        { ...exit, floorId: "4E" },
        T0,
      ),
    ).toHaveLength(1);
  });
});

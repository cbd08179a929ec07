// The location engine on synthetic BLE streams (seeded: the same every run): smoothing through noise,
// no flapping on a boundary, a walk across three rooms, determinism however the stream is batched.
import { describe, expect, it } from "vitest";
import { LocationEngine } from "./location-engine";
import type { LocationChange, Sighting } from "./location-types";
import { syntheticSightings, verticalWalls, walkingPath, type SyntheticGateway } from "./testing/synthetic-sightings";

// Three 6 m rooms in a row (walls at x = 6 and 12), a gateway on the ceiling in the middle of each.
const gateways: SyntheticGateway[] = [
  { id: "gw-a", at: [3, 2] },
  { id: "gw-b", at: [9, 2] },
  { id: "gw-c", at: [15, 2] },
];
const rooms = { "gw-a": "A", "gw-b": "B", "gw-c": "C" };
const walls = verticalWalls([6, 12]);
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

const roomChanges = (changes: LocationChange[]) => changes.filter((c) => c.roomId !== c.previousRoomId);
const summary = (changes: LocationChange[]) => changes.map((c) => `${c.roomId}:${c.state}`);

/** How often the loudest raw sighting per advertisement switches gateway: what the engine smooths away. */
function naiveSwitches(sightings: Sighting[]): number {
  const loudest = new Map<number, Sighting>();
  for (const s of sightings) if ((loudest.get(s.ts)?.rssi ?? -Infinity) < s.rssi) loudest.set(s.ts, s);
  let switches = 0;
  let last = "";
  for (const s of loudest.values()) {
    if (last && s.gatewayId !== last) switches++;
    last = s.gatewayId;
  }
  return switches;
}

describe("location engine on sighting streams", () => {
  it("places a tag in the right room despite noise, reflections and lost packets", () => {
    // 1 m inside room B from the wall with A, σ 6 dB noise, 30 % loss, 5 % reflections 15 dB too loud.
    const corrected: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const stream = syntheticSightings(gateways, {
        tagId: "pump-1",
        seed,
        start: T0,
        durationMs: 30 * 60_000,
        noiseDb: 6,
        lossRate: 0.3,
        spikeRate: 0.05,
        position: () => [7, 2],
        walls,
      });
      expect(naiveSwitches(stream)).toBeGreaterThan(100);
      const engine = new LocationEngine(rooms);
      const changes = engine.ingest(stream);
      expect(engine.locationOf("pump-1")).toMatchObject({ roomId: "B", state: "located" });
      if (changes.length === 1) {
        expect(changes).toEqual([{ tagId: "pump-1", roomId: "B", previousRoomId: null, state: "located", previousState: null, at: T0 }]);
      } else {
        // A first fix misled by the first few packets is put right within seconds, once.
        expect(summary(changes)).toEqual(["A:located", "B:moving", "B:located"]);
        expect(changes[1]!.at - T0).toBeLessThan(15_000);
        corrected.push(seed);
      }
    }
    expect(corrected.length).toBeLessThanOrEqual(1);
  });

  it("does not flap for a tag parked exactly on the boundary between two rooms", () => {
    // Same distance to two gateways, no wall between: the raw loudest gateway switches ~1,900 times an hour.
    let flips = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const stream = syntheticSightings(gateways, {
        tagId: "chair-1",
        seed,
        start: T0,
        durationMs: 60 * 60_000,
        noiseDb: 5,
        position: () => [6, 2],
      });
      expect(naiveSwitches(stream)).toBeGreaterThan(1000);
      const changes = new LocationEngine(rooms).ingest(stream);
      expect(["A", "B"]).toContain(changes[0]!.roomId);
      flips += roomChanges(changes).length - 1;
    }
    expect(flips).toBe(0);
  });

  it("a walk across three rooms gives exactly those changes, each soon after the wall is crossed", () => {
    // Two minutes in A, walk to B (5 s), two minutes in B, walk to C, two minutes in C.
    const path = walkingPath(T0, [
      { at: [3, 2], stayMs: 120_000 },
      { at: [9, 2], stayMs: 120_000 },
      { at: [15, 2], stayMs: 120_000 },
    ]);
    const crossB = T0 + 120_000 + 2_500;
    const crossC = T0 + 245_000 + 2_500;
    for (const seed of [1, 2, 3, 4]) {
      const stream = syntheticSightings(gateways, { tagId: "bed-9", seed, start: T0, durationMs: 400_000, position: path, walls });
      const changes = new LocationEngine(rooms).ingest(stream);
      expect(summary(changes)).toEqual(["A:located", "B:moving", "B:located", "C:moving", "C:located"]);
      expect(changes.map((c) => c.previousRoomId)).toEqual([null, "A", "B", "B", "C"]);
      expect(changes.map((c) => c.previousState)).toEqual([null, "located", "moving", "located", "moving"]);
      const [, toB, settledB, toC, settledC] = changes;
      expect(toB!.at - crossB).toBeGreaterThanOrEqual(-2_000);
      expect(toB!.at - crossB).toBeLessThan(10_000);
      expect(toC!.at - crossC).toBeGreaterThanOrEqual(-2_000);
      expect(toC!.at - crossC).toBeLessThan(10_000);
      expect(settledB!.at).toBe(toB!.at + 30_000);
      expect(settledC!.at).toBe(toC!.at + 30_000);
    }
  });

  it("a tag carried straight through a room is moving the whole way", () => {
    // Stays in A, walks through B to C without stopping (8 s in B): moving B, moving C, then settles in C.
    const path = walkingPath(T0, [
      { at: [3, 2], stayMs: 60_000 },
      { at: [9, 2], stayMs: 8_000 },
      { at: [15, 2], stayMs: 120_000 },
    ]);
    const changes = new LocationEngine(rooms).ingest(
      syntheticSightings(gateways, { tagId: "t", seed: 5, start: T0, durationMs: 200_000, position: path, walls, noiseDb: 3 }),
    );
    expect(summary(changes)).toEqual(["A:located", "B:moving", "C:moving", "C:located"]);
  });

  it("is deterministic: the same stream, batched differently, gives the same changes", () => {
    const path = walkingPath(T0, [
      { at: [3, 2], stayMs: 90_000 },
      { at: [15, 2], stayMs: 90_000 },
    ]);
    const stream = syntheticSightings(gateways, { tagId: "t", seed: 9, start: T0, durationMs: 200_000, position: path, walls });
    const once = new LocationEngine(rooms).ingest(stream);
    const engine = new LocationEngine(rooms);
    const inBatches: LocationChange[] = [];
    for (let i = 0; i < stream.length; i += 37) engine.ingest(stream.slice(i, i + 37), inBatches);
    expect(inBatches).toEqual(once);
    expect(new LocationEngine(rooms).ingest(stream)).toEqual(once);
  });

  it("follows many tags at once, each on its own", () => {
    const engine = new LocationEngine(rooms);
    const streams = [
      syntheticSightings(gateways, { tagId: "x", seed: 1, start: T0, durationMs: 60_000, position: () => [3, 2], walls }),
      syntheticSightings(gateways, { tagId: "y", seed: 2, start: T0, durationMs: 60_000, position: () => [15, 2], walls }),
    ];
    // Interleaved by time, as gateways deliver them.
    const merged = streams.flat().sort((p, q) => p.ts - q.ts);
    engine.ingest(merged);
    expect(engine.locationOf("x")?.roomId).toBe("A");
    expect(engine.locationOf("y")?.roomId).toBe("C");
    expect([...engine.locations()].map((l) => l.tagId).sort()).toEqual(["x", "y"]);
  });
});

// The location engine's states and edges on hand-written sightings: missing and back, settling, unknown
// and moved gateways, stray reflections, late or broken sightings, bounded memory, restore.
import { describe, expect, it } from "vitest";
import { LocationEngine } from "./location-engine";
import { DEFAULT_LOCATION_OPTIONS, type LocationChange, type Sighting } from "./location-types";

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const S = 1000;
const MIN = 60 * S;
const rooms = { "gw-a": "A", "gw-b": "B", "gw-c": "C" };

/** One sighting per second per gateway, each at its level (dB), from `from` for `seconds`. */
function steady(tagId: string, from: number, seconds: number, levels: Record<string, number>): Sighting[] {
  const out: Sighting[] = [];
  for (let i = 0; i < seconds; i++)
    for (const [gatewayId, rssi] of Object.entries(levels)) out.push({ tagId, gatewayId, rssi, ts: from + i * S });
  return out;
}

const brief = (c: LocationChange[]) =>
  c.map((x) => `${x.previousRoomId ?? "-"}>${x.roomId}:${x.previousState ?? "-"}>${x.state}@${(x.at - T0) / S}`);

describe("location engine states", () => {
  it("waits for a first fix, then marks a silent tag missing at last heard + 5 min, once", () => {
    const engine = new LocationEngine(rooms);
    expect(engine.ingest(steady("t", T0, 5, { "gw-a": -50, "gw-b": -75 }))).toEqual([]);
    expect(engine.locationOf("t")).toBeNull();
    expect(brief(engine.ingest(steady("t", T0 + 5 * S, 5, { "gw-a": -50, "gw-b": -75 })))).toEqual(["->A:->located@0"]);
    const lastHeard = T0 + 9 * S;
    expect(engine.tick(lastHeard + 5 * MIN - 1)).toEqual([]);
    expect(engine.tick(lastHeard + 5 * MIN + 20 * S)).toEqual([
      { tagId: "t", roomId: "A", previousRoomId: "A", state: "missing", previousState: "located", at: lastHeard + 5 * MIN },
    ]);
    expect(engine.tick(lastHeard + 10 * MIN)).toEqual([]);
    expect(engine.locationOf("t")).toMatchObject({ roomId: "A", state: "missing", since: lastHeard + 5 * MIN, lastSeenAt: lastHeard });
  });

  it("a missing tag heard again is located: in its old room, or in the room it turned up in", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0, 10, { "gw-a": -50 }));
    engine.ingest(steady("u", T0, 10, { "gw-a": -50 }));
    engine.tick(T0 + 20 * MIN);
    const back = T0 + 30 * MIN;
    expect(brief(engine.ingest(steady("t", back, 8, { "gw-a": -52 })))).toEqual(["A>A:missing>located@1800"]);
    expect(brief(engine.ingest(steady("u", back, 8, { "gw-c": -52, "gw-a": -80 })))).toEqual(["A>C:missing>located@1800"]);
  });

  it("a moving tag that goes quiet settles on tick, settleMs after it moved", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0, 20, { "gw-a": -50, "gw-b": -75 }));
    const moved = engine.ingest(steady("t", T0 + 20 * S, 20, { "gw-a": -75, "gw-b": -50 }));
    expect(brief(moved)).toHaveLength(1);
    expect(moved[0]).toMatchObject({ roomId: "B", state: "moving" });
    expect(engine.tick(moved[0]!.at + 29 * S)).toEqual([]);
    expect(engine.tick(moved[0]!.at + 31 * S)).toEqual([
      { tagId: "t", roomId: "B", previousRoomId: "B", state: "located", previousState: "moving", at: moved[0]!.at + 30 * S },
    ]);
  });

  it("ignores sightings from gateways placed in no room, and counts them", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0, 10, { "gw-a": -60 }));
    engine.ingest(steady("t", T0 + 10 * S, 60, { "gw-a": -60, "gw-unknown": -30 }));
    expect(engine.ingest(steady("ghost", T0, 60, { "gw-unknown": -30 }))).toEqual([]);
    expect(engine.locationOf("t")?.roomId).toBe("A");
    expect(engine.locationOf("ghost")).toBeNull();
    expect(engine.stats()).toEqual({ sightings: 10 + 120 + 60, unknownGateway: 120, dropped: 0, tags: 1 });
  });

  it("follows a gateway moved to another room, and stops using one taken off the map", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0, 10, { "gw-a": -50, "gw-b": -70 }));
    engine.setGatewayRooms({ "gw-a": "C", "gw-b": "B" });
    const moved = engine.ingest(steady("t", T0 + 10 * S, 15, { "gw-a": -50, "gw-b": -70 }));
    expect(moved.map((c) => [c.previousRoomId, c.roomId])).toEqual([["A", "C"]]);
    engine.setGatewayRooms(new Map([["gw-b", "B"]]));
    expect(engine.ingest(steady("t", T0 + 25 * S, 15, { "gw-a": -50, "gw-b": -70 })).map((c) => c.roomId)).toEqual(["B"]);
  });

  it("a single stray reflection does not start a move; another room must be louder by the margin for dwellMs", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0, 10, { "gw-a": -60, "gw-b": -80 }));
    const stray: Sighting[] = [
      ...steady("t", T0 + 10 * S, 30, { "gw-a": -60, "gw-b": -80 }),
      { tagId: "t", gatewayId: "gw-c", rssi: -30, ts: T0 + 12 * S },
    ];
    stray.sort((p, q) => p.ts - q.ts);
    expect(engine.ingest(stray)).toEqual([]);
    // B louder by 10 dB for 5 s, then quiet again: too short.
    expect(engine.ingest(steady("t", T0 + 40 * S, 5, { "gw-a": -60, "gw-b": -50 }))).toEqual([]);
    expect(engine.ingest(steady("t", T0 + 45 * S, 30, { "gw-a": -60, "gw-b": -80 }))).toEqual([]);
    // B louder by only 6 dB (under the 8 dB margin) for a minute: stays.
    expect(engine.ingest(steady("t", T0 + 75 * S, 60, { "gw-a": -60, "gw-b": -54 }))).toEqual([]);
    // B louder by 10 dB for good: moves once B's median has turned and stayed ahead for dwellMs.
    const moved = engine.ingest(steady("t", T0 + 135 * S, 30, { "gw-a": -60, "gw-b": -50 }));
    expect(brief(moved)).toEqual(["A>B:located>moving@139"]);
  });

  it("drops sightings older than the window and broken numbers", () => {
    const engine = new LocationEngine(rooms);
    engine.ingest(steady("t", T0 + MIN, 10, { "gw-a": -50 }));
    expect(engine.ingest(steady("t", T0, 10, { "gw-b": -30 }))).toEqual([]);
    engine.ingest([
      { tagId: "t", gatewayId: "gw-b", rssi: Number.NaN, ts: T0 + MIN },
      { tagId: "t", gatewayId: "gw-b", rssi: -40, ts: Number.POSITIVE_INFINITY },
    ]);
    expect(engine.stats().dropped).toBe(12);
    expect(engine.evidence("t").map((e) => e.gatewayId)).toEqual(["gw-a"]);
  });

  it("keeps at most maxGatewaysPerTag gateways per tag, and still places it", () => {
    const many: Record<string, string> = {};
    for (let g = 0; g < 30; g++) many[`gw-${g}`] = `R${g}`;
    const engine = new LocationEngine(many);
    const levels: Record<string, number> = {};
    for (let g = 0; g < 30; g++) levels[`gw-${g}`] = g === 17 ? -45 : -80 - (g % 7);
    engine.ingest(steady("t", T0, 20, levels));
    const evidence = engine.evidence("t");
    expect(evidence.length).toBeLessThanOrEqual(DEFAULT_LOCATION_OPTIONS.maxGatewaysPerTag);
    expect(evidence[0]).toMatchObject({ gatewayId: "gw-17", roomId: "R17", rssi: -45 });
    expect(engine.locationOf("t")?.roomId).toBe("R17");
  });

  it("resumes restored tags, forgets tags on request and tags never placed", () => {
    const engine = new LocationEngine(rooms);
    engine.restore([
      { tagId: "old", roomId: "B", state: "located", since: T0 - 60 * MIN, lastSeenAt: T0 - 10 * MIN },
      { tagId: "fresh", roomId: "A", state: "moving", since: T0 - 10 * S, lastSeenAt: T0 - S },
    ]);
    expect(engine.locationOf("old")).toEqual({
      tagId: "old",
      roomId: "B",
      state: "located",
      since: T0 - 60 * MIN,
      lastSeenAt: T0 - 10 * MIN,
    });
    engine.ingest([{ tagId: "once", gatewayId: "gw-a", rssi: -50, ts: T0 - 9 * MIN }]);
    expect(brief(engine.tick(T0))).toEqual(["B>B:located>missing@-300"]);
    expect(engine.stats().tags).toBe(2);
    expect(engine.forget("fresh")).toBe(true);
    expect(engine.forget("fresh")).toBe(false);
  });

  it("refuses nonsense options", () => {
    expect(() => new LocationEngine(rooms, { samplesPerGateway: 0 })).toThrow(/samplesPerGateway/);
    expect(() => new LocationEngine(rooms, { minSamples: 9, samplesPerGateway: 8 })).toThrow(/minSamples/);
    expect(() => new LocationEngine(rooms, { dwellMs: -1 })).toThrow(/dwellMs/);
  });
});

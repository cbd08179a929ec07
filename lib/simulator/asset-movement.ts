// The demo asset tags' day (pure and seeded): each tag dwells in a room of its floor (minutes to an hour or
// two), then is wheeled to another; pumps and beds spend long spells in patient rooms, pass through the dirty
// utility room and back to the store; one wheelchair wanders off through the exit every hour. A tag's room
// at any time, and what each gateway hears of it (log-distance path loss from the gateway's room to the
// tag's, Gaussian noise, lost packets), are functions of the wall clock, so a restart carries on the same day.
import { seededRandom, gaussian } from "@/lib/assets/location/testing/synthetic-sightings";

export type DemoRoom = { id: string; type: string; floorId: string; centroid: readonly [number, number] };
export type DemoTag = { tagId: string; class: string; floorId: string; seed: number; wanderer?: boolean };
export type DemoGateway = { id: string; roomId: string };

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Where a tag is at `t` (a room of its floor). Piecewise constant, in 20-minute to 2-hour spells. */
export function tagRoomAt(tag: DemoTag, rooms: readonly DemoRoom[], t: number): string {
  const mine = rooms.filter((r) => r.floorId === tag.floorId && r.type !== "exit");
  if (tag.wanderer) {
    // Every hour: 40 min in the corridor store area, 5 min in the corridor, 5 min through the exit, back.
    const m = Math.floor((t % HOUR) / MIN);
    const exit = rooms.find((r) => r.floorId === tag.floorId && r.type === "exit");
    const corridor = mine.find((r) => r.type === "corridor") ?? mine[0]!;
    const home = mine.find((r) => r.type === "store") ?? corridor;
    if (m >= 45 && m < 50 && exit) return exit.id;
    if (m >= 40 && m < 55) return corridor.id;
    return home.id;
  }
  const spell = 20 * MIN + ((tag.seed * 7919) % 100) * MIN; // 20 min to 2 h, per tag
  const n = Math.floor((t + tag.seed * 104_729) / spell);
  const rand = seededRandom(tag.seed * 31 + n);
  const weights = mine.map((r) => weightOf(tag.class, r.type));
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < mine.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return mine[i]!.id;
  }
  return mine[mine.length - 1]!.id;
}

function weightOf(cls: string, roomType: string): number {
  if (roomType === "patient_room") return cls === "defibrillator" ? 0.3 : 1;
  if (roomType === "store") return cls === "defibrillator" ? 6 : 3;
  if (roomType === "dirty_utility") return cls === "wheelchair" ? 0.5 : 1.5;
  if (roomType === "clean_utility") return 1;
  if (roomType === "corridor") return cls === "wheelchair" ? 3 : 0.5;
  if (roomType === "nurse_station") return cls === "defibrillator" ? 4 : 0.3;
  return 0.2;
}

/** RSSI at 1 m −45 dBm, exponent 2.5, one wall per 6 m between room centres. */
export function meanRssiBetween(a: readonly [number, number], b: readonly [number, number], sameRoom: boolean): number {
  const d = Math.max(1.5, Math.hypot(a[0] - b[0], a[1] - b[1]));
  return -47 - 25 * Math.log10(d) - (sameRoom ? 0 : 6 + 6 * Math.floor(d / 6));
}

/**
 * One report per gateway at `t`: the tags it hears this time (RSSI ≥ −100 dBm after noise, 15 % of packets lost).
 * `roomOf` gives each tag's room now (tagRoomAt, or a test's script).
 */
export function gatewayReports(
  gateways: readonly DemoGateway[],
  rooms: ReadonlyMap<string, DemoRoom>,
  tags: readonly DemoTag[],
  roomOf: (tag: DemoTag) => string,
  rand: () => number,
): Map<string, { tag: string; rssi: number }[]> {
  const out = new Map<string, { tag: string; rssi: number }[]>(gateways.map((g) => [g.id, []]));
  for (const tag of tags) {
    const at = rooms.get(roomOf(tag));
    if (!at) continue;
    for (const g of gateways) {
      const gr = rooms.get(g.roomId);
      if (!gr || gr.floorId !== at.floorId || rand() < 0.15) continue;
      const rssi = Math.round(meanRssiBetween(at.centroid, gr.centroid, gr.id === at.id) + 4 * gaussian(rand));
      if (rssi >= -100) out.get(g.id)!.push({ tag: tag.tagId, rssi: Math.min(0, rssi) });
    }
  }
  return out;
}

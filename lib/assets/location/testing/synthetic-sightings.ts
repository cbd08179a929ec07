// Synthetic BLE sighting streams for tests and the engine loop: a tag advertising every intervalMs along a
// path, each gateway hearing it (or losing the packet) with a log-distance path loss, a loss per wall
// between them, and Gaussian noise; all from a seeded generator, so a stream is the same on every run.
import type { Sighting } from "../location-types";

export type Position = readonly [number, number];
export type SyntheticGateway = { id: string; at: Position };

/** mulberry32: a small, fast, seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** RSSI at 1 m −45 dBm, exponent 2.5 (indoors), 6 dB per wall. */
export function meanRssi(distanceM: number, walls: number): number {
  return -45 - 25 * Math.log10(Math.max(distanceM, 1)) - 6 * walls;
}

export type StreamOptions = {
  tagId: string;
  seed: number;
  start: number;
  durationMs: number;
  intervalMs?: number;
  /** Standard deviation of the RSSI noise (dB). */
  noiseDb?: number;
  /** Share of advertisements a gateway misses. */
  lossRate?: number;
  /** Share of sightings that are a reflection this many dB too loud. */
  spikeRate?: number;
  spikeDb?: number;
  /** Weaker than this is not heard. */
  sensitivityDbm?: number;
  position: (t: number) => Position;
  /** Walls between two points (default none). */
  walls?: (a: Position, b: Position) => number;
};

/** The sightings of one tag, in time order, gateways in the order given at each advertisement. */
export function syntheticSightings(gateways: readonly SyntheticGateway[], o: StreamOptions): Sighting[] {
  const rand = seededRandom(o.seed);
  const out: Sighting[] = [];
  const interval = o.intervalMs ?? 1000;
  for (let t = o.start; t < o.start + o.durationMs; t += interval) {
    const p = o.position(t);
    for (const g of gateways) {
      if (rand() < (o.lossRate ?? 0.2)) continue;
      const d = Math.hypot(p[0] - g.at[0], p[1] - g.at[1]);
      let rssi = meanRssi(d, o.walls ? o.walls(p, g.at) : 0) + gaussian(rand) * (o.noiseDb ?? 4);
      if (rand() < (o.spikeRate ?? 0)) rssi += o.spikeDb ?? 15;
      if (rssi < (o.sensitivityDbm ?? -100)) continue;
      out.push({ tagId: o.tagId, gatewayId: g.id, rssi: Math.min(0, Math.round(rssi)), ts: t });
    }
  }
  return out;
}

/** Walls at the given x positions: how many lie strictly between the two points. */
export function verticalWalls(xs: readonly number[]): (a: Position, b: Position) => number {
  return (a, b) => {
    const lo = Math.min(a[0], b[0]);
    const hi = Math.max(a[0], b[0]);
    let n = 0;
    for (const x of xs) if (x > lo && x < hi) n++;
    return n;
  };
}

/** Moves through the waypoints: stays at each for its `stayMs`, then walks to the next at `speed` m/s. */
export function walkingPath(start: number, stops: readonly { at: Position; stayMs: number }[], speed = 1.2): (t: number) => Position {
  const legs: { t0: number; t1: number; from: Position; to: Position }[] = [];
  let t = start;
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i]!;
    legs.push({ t0: t, t1: t + s.stayMs, from: s.at, to: s.at });
    t += s.stayMs;
    const next = stops[i + 1];
    if (next) {
      const walk = (Math.hypot(next.at[0] - s.at[0], next.at[1] - s.at[1]) / speed) * 1000;
      legs.push({ t0: t, t1: t + walk, from: s.at, to: next.at });
      t += walk;
    }
  }
  return (time) => {
    const leg = legs.find((l) => time < l.t1) ?? legs[legs.length - 1]!;
    const f = leg.t1 === leg.t0 ? 1 : Math.min(1, Math.max(0, (time - leg.t0) / (leg.t1 - leg.t0)));
    return [leg.from[0] + (leg.to[0] - leg.from[0]) * f, leg.from[1] + (leg.to[1] - leg.from[1]) * f];
  };
}

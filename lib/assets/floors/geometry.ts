// Plane geometry for floor plans: area, centroid, a marker point inside the room, self-crossing edges,
// the wall two rooms share (where their door is assumed to be), bounds. Polygons are open rings in metres.
import type { Point } from "./floor-model";

/** Lengths shorter than this (m) are treated as zero: survey noise, not geometry. */
export const EPSILON_M = 0.01;

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function signedArea(poly: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i]!;
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

export function polygonArea(poly: readonly Point[]): number {
  return Math.abs(signedArea(poly));
}

/** The area centroid (the vertex average when the area is zero). */
export function areaCentroid(poly: readonly Point[]): Point {
  const a = signedArea(poly);
  if (Math.abs(a) < EPSILON_M * EPSILON_M) {
    const n = poly.length || 1;
    return [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i]!;
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    const cross = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** Ray casting; points on the boundary may go either way. */
export function pointInPolygon(pt: Point, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Where a room's marker goes: the centroid when it lies inside the room; for a concave room (an L-shaped
 * corridor) whose centroid falls outside, the middle of the widest inside stretch of the horizontal line
 * through the centroid.
 */
export function markerPoint(poly: readonly Point[]): Point {
  const c = areaCentroid(poly);
  if (pointInPolygon(c, poly)) return c;
  const xs: number[] = [];
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i]!;
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    if (y1 > c[1] !== y2 > c[1]) xs.push(x1 + ((c[1] - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let best: Point = c;
  let widest = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1]! - xs[i]!;
    if (width > widest) {
      widest = width;
      best = [(xs[i]! + xs[i + 1]!) / 2, c[1]];
    }
  }
  return best;
}

function orientation(a: Point, b: Point, c: Point): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(v) < EPSILON_M * EPSILON_M ? 0 : Math.sign(v);
}

function onSegment(a: Point, b: Point, p: Point): boolean {
  return (
    Math.min(a[0], b[0]) - EPSILON_M <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + EPSILON_M &&
    Math.min(a[1], b[1]) - EPSILON_M <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + EPSILON_M
  );
}

export function segmentsTouch(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** The first pair of non-neighbouring edges that cross or touch (edge i runs from point i to point i+1), or null. */
export function selfCrossing(poly: readonly Point[]): [number, number] | null {
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsTouch(poly[i]!, poly[(i + 1) % n]!, poly[j]!, poly[(j + 1) % n]!)) return [i, j];
    }
  }
  return null;
}

export type SharedWall = { length: number; midpoint: Point };

/**
 * The wall segments two polygons share: edges lying on one line (within `toleranceM`) and overlapping.
 * Returns the total shared length and the middle of the longest shared stretch, or null when they share
 * less than `minLengthM`.
 */
export function sharedWall(a: readonly Point[], b: readonly Point[], toleranceM = 0.05, minLengthM = 0.5): SharedWall | null {
  let total = 0;
  let longest = 0;
  let midpoint: Point = [0, 0];
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = a[(i + 1) % a.length]!;
    const len = distance(p, q);
    if (len < EPSILON_M) continue;
    const ux = (q[0] - p[0]) / len;
    const uy = (q[1] - p[1]) / len;
    for (let j = 0; j < b.length; j++) {
      const r = b[j]!;
      const s = b[(j + 1) % b.length]!;
      // Both ends of b's edge must lie on a's line.
      const dr = Math.abs((r[0] - p[0]) * uy - (r[1] - p[1]) * ux);
      const ds = Math.abs((s[0] - p[0]) * uy - (s[1] - p[1]) * ux);
      if (dr > toleranceM || ds > toleranceM) continue;
      const tr = (r[0] - p[0]) * ux + (r[1] - p[1]) * uy;
      const ts = (s[0] - p[0]) * ux + (s[1] - p[1]) * uy;
      const from = Math.max(0, Math.min(tr, ts));
      const to = Math.min(len, Math.max(tr, ts));
      const overlap = to - from;
      if (overlap <= EPSILON_M) continue;
      total += overlap;
      if (overlap > longest) {
        longest = overlap;
        const t = (from + to) / 2;
        midpoint = [p[0] + ux * t, p[1] + uy * t];
      }
    }
  }
  return total >= minLengthM ? { length: total, midpoint } : null;
}

export type Bounds = { minX: number; minY: number; maxX: number; maxY: number };

export function boundsOf(polys: readonly (readonly Point[])[]): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const poly of polys) {
    for (const [x, y] of poly) {
      if (x < b.minX) b.minX = x;
      if (y < b.minY) b.minY = y;
      if (x > b.maxX) b.maxX = x;
      if (y > b.maxY) b.maxY = y;
    }
  }
  return b;
}

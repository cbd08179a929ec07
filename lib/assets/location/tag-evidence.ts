// Per-tag evidence for the location engine, in fixed memory: for up to K gateways, the last N RSSI samples
// with their times, in two typed arrays allocated once per tag. Adding a sample and scoring a gateway
// (median of its samples inside the window) allocate nothing.

/** Where the tag stands in the engine; numbers keep the hot path free of string compares. */
export const Phase = {
  /** Heard, not yet placed. */
  Acquiring: 0,
  Located: 1,
  Moving: 2,
  Missing: 3,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export class TagTrack {
  /** [lastHeard × K][rssi × K·N][sample time × K·N] */
  readonly f: Float64Array;
  /** [gateway index × K (-1 free)][next write × K][samples held × K] */
  readonly i: Int32Array;
  phase: Phase = Phase.Acquiring as Phase;
  /** Room index, -1 before the first fix. */
  room = -1;
  /** A room beating the current one by the margin, and since when (-1: none). */
  candidate = -1;
  candidateSince = 0;
  lastSeen = -Infinity;
  /** When evidence for a (re)fix started; NaN when not acquiring. */
  acquireSince: number;
  /** `at` of the last room change, and of the last change emitted. */
  changedAt = 0;
  lastEventAt = -Infinity;

  constructor(
    readonly tagId: string,
    k: number,
    n: number,
    firstSeen: number,
  ) {
    this.f = new Float64Array(k * (1 + 2 * n));
    this.i = new Int32Array(k * 3).fill(-1, 0, k).fill(0, k);
    this.acquireSince = firstSeen;
  }
}

export class EvidenceLayout {
  private readonly scratch: Float64Array;

  constructor(
    readonly k: number,
    readonly n: number,
  ) {
    this.scratch = new Float64Array(n);
  }

  /**
   * Records one sample from gateway `g`. A gateway new to the tag takes a free slot, else the slot of a
   * gateway not heard since `staleBefore`, else the slot of the quietest gateway if this one is louder;
   * otherwise the sample is not kept (returns false): a tag keeps its K loudest gateways.
   */
  add(t: TagTrack, g: number, rssi: number, ts: number, staleBefore: number): boolean {
    const { k, n } = this;
    let slot = -1;
    let free = -1;
    let stalest = -1;
    let quietest = -1;
    let quietestRssi = Infinity;
    for (let s = 0; s < k; s++) {
      const gs = t.i[s]!;
      if (gs === g) {
        slot = s;
        break;
      }
      if (gs === -1) {
        if (free === -1) free = s;
        continue;
      }
      if (stalest === -1 || t.f[s]! < t.f[stalest]!) stalest = s;
      const last = t.f[k + s * n + ((t.i[k + s]! + n - 1) % n)]!;
      if (last < quietestRssi) {
        quietestRssi = last;
        quietest = s;
      }
    }
    if (slot === -1) {
      if (free !== -1) slot = free;
      else if (t.f[stalest]! < staleBefore) slot = stalest;
      else if (rssi > quietestRssi) slot = quietest;
      else return false;
    }
    if (t.i[slot] !== g) {
      t.i[slot] = g;
      t.i[k + slot] = 0;
      t.i[2 * k + slot] = 0;
      t.f[slot] = -Infinity;
    }
    const head = t.i[k + slot]!;
    t.f[k + slot * n + head] = rssi;
    t.f[k + k * n + slot * n + head] = ts;
    t.i[k + slot] = (head + 1) % n;
    if (t.i[2 * k + slot]! < n) t.i[2 * k + slot]!++;
    if (ts > t.f[slot]!) t.f[slot] = ts;
    return true;
  }

  gatewayAt(t: TagTrack, slot: number): number {
    return t.i[slot]!;
  }

  lastHeard(t: TagTrack, slot: number): number {
    return t.f[slot]!;
  }

  /** Samples of the slot at or after `from`. */
  samplesSince(t: TagTrack, slot: number, from: number): number {
    const { k, n } = this;
    const held = t.i[2 * k + slot]!;
    let c = 0;
    for (let j = 0; j < held; j++) if (t.f[k + k * n + slot * n + j]! >= from) c++;
    return c;
  }

  /**
   * The median RSSI of the slot's samples at or after `from` (the lower middle of an even count: the
   * cautious choice), or NaN with fewer than `min` samples.
   */
  median(t: TagTrack, slot: number, from: number, min: number): number {
    const { k, n, scratch } = this;
    const held = t.i[2 * k + slot]!;
    let c = 0;
    for (let j = 0; j < held; j++) {
      if (t.f[k + k * n + slot * n + j]! < from) continue;
      // Insertion into the sorted scratch.
      const v = t.f[k + slot * n + j]!;
      let p = c++;
      while (p > 0 && scratch[p - 1]! > v) {
        scratch[p] = scratch[p - 1]!;
        p--;
      }
      scratch[p] = v;
    }
    if (c < min || c === 0) return NaN;
    return scratch[(c - 1) >> 1]!;
  }

  clear(t: TagTrack): void {
    t.i.fill(-1, 0, this.k).fill(0, this.k);
  }
}

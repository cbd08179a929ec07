// Planning a device's backfill: on its first run a simulated pump or fridge logger uploads its recent past
// (as a real logger uploads what it stored while it had no network) before it reports live. The frames go
// out as arrays with their own past `ts`, in chunks small enough for the body limit and paced so the
// per-device rate limit (INGEST_RATE_PER_SEC, INGEST_RATE_BURST: a token bucket counting frames) never
// refuses one. Pure: the runner (lib/simulator/run-equipment) sends what this plans.
import type { EquipmentValues } from "./equipment-source";

export type BackfillFrame = { seq: number; ts: string; values: EquipmentValues };
/** A body to publish `atMs` after the backfill starts (or later, after the previous one is acknowledged). */
export type BackfillChunk = { atMs: number; frames: BackfillFrame[] };
export type BackfillPlan = { chunks: BackfillChunk[]; nextSeq: number; frameCount: number };

export type BackfillOptions = {
  /** Wall time the backfill reaches up to (exclusive): the live readings start here. */
  endMs: number;
  /** How far back it reaches. */
  spanMs: number;
  /** One reading per step. */
  stepMs: number;
  /** Seq of the first frame; every planned frame consumes one, in time order. */
  startSeq: number;
  /** The reading at a wall time, or null for none (a logger outage); called in increasing time order. */
  sample: (wallMs: number) => EquipmentValues | null;
  /** The receiver's per-device token bucket: refill per second and capacity, in frames. */
  ratePerSec: number;
  burst: number;
  /** Largest body (bytes of JSON) and most frames per body the receiver accepts. */
  maxBodyBytes: number;
  maxFramesPerBody: number;
};

/**
 * Share of the rate limiter's refill and capacity a backfill may plan on: the rest is headroom for the
 * device's live frames, clock differences and a broker that takes a moment to acknowledge.
 */
const RATE_SHARE = 0.8;
const BURST_SHARE = 0.5;

/** Reading times of the backfill: every step back from endMs, oldest first, none at or after endMs. */
export function backfillTimes(endMs: number, spanMs: number, stepMs: number): number[] {
  if (!(stepMs > 0)) throw new RangeError(`stepMs must be > 0 (got ${stepMs})`);
  const n = Math.floor(Math.max(0, spanMs) / stepMs);
  const out: number[] = [];
  for (let i = n; i >= 1; i--) out.push(endMs - i * stepMs);
  return out;
}

export function planBackfill(o: BackfillOptions): BackfillPlan {
  const frames: BackfillFrame[] = [];
  let seq = o.startSeq;
  for (const t of backfillTimes(o.endMs, o.spanMs, o.stepMs)) {
    const values = o.sample(t);
    if (values === null) continue; // nothing recorded then: no frame, no seq
    frames.push({ seq: seq++, ts: new Date(t).toISOString(), values });
  }
  return { chunks: paceFrames(frames, o), nextSeq: seq, frameCount: frames.length };
}

export type PacingLimits = Pick<BackfillOptions, "ratePerSec" | "burst" | "maxBodyBytes" | "maxFramesPerBody">;

/**
 * Frames already made (in the order to send) split into bodies within the body limits and paced under the
 * per-device rate limit; shared by the planned backfills and by devices whose past is a list of events
 * (lib/simulator/run-home).
 */
export function paceFrames(frames: readonly BackfillFrame[], o: PacingLimits): BackfillChunk[] {
  if (!(o.ratePerSec > 0) || !(o.burst >= 1)) throw new RangeError("ratePerSec must be > 0 and burst >= 1");
  const rate = o.ratePerSec * RATE_SHARE;
  const capacity = Math.max(1, Math.floor(o.burst * BURST_SHARE));
  const maxFrames = Math.max(1, Math.min(o.maxFramesPerBody, capacity));

  // Split by frame count and by the body's JSON size.
  const bodies: BackfillFrame[][] = [];
  let current: BackfillFrame[] = [];
  let bytes = 2; // "[" and "]"
  for (const f of frames) {
    const size = JSON.stringify(f).length + 1;
    if (size + 2 > o.maxBodyBytes) throw new RangeError(`a frame of ${size} bytes does not fit a body of ${o.maxBodyBytes}`);
    if (current.length > 0 && (current.length >= maxFrames || bytes + size > o.maxBodyBytes)) {
      bodies.push(current);
      current = [];
      bytes = 2;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) bodies.push(current);

  // A token bucket at the planned share: start full, send each body once it holds enough tokens.
  const chunks: BackfillChunk[] = [];
  let tokens = capacity;
  let at = 0;
  for (const body of bodies) {
    const wait = tokens >= body.length ? 0 : ((body.length - tokens) / rate) * 1000;
    at += Math.ceil(wait);
    tokens = Math.min(capacity, tokens + (wait * rate) / 1000) - body.length;
    chunks.push({ atMs: at, frames: body });
  }
  return chunks;
}

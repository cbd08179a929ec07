// Per-device rate limit on frames: a token bucket per key that refills at `ratePerSec` up to `burst`.
// A body larger than the burst passes only from a full bucket and leaves it in debt, so a device
// uploading a backlog in one body is never refused forever. Idle buckets are forgotten, so memory
// follows the devices currently sending. Pure apart from the clock, which tests inject.

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

type Bucket = { tokens: number; at: number };

const PRUNE_EVERY_MS = 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastPrune: number;

  constructor(private readonly opts: { ratePerSec: number; burst: number; now?: () => number }) {
    this.lastPrune = this.now();
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : performance.now();
  }

  /** Takes `cost` tokens for `key` if they are there; otherwise says how long until they will be. */
  take(key: string, cost = 1): RateDecision {
    const now = this.now();
    const { ratePerSec, burst } = this.opts;
    if (now - this.lastPrune > PRUNE_EVERY_MS) this.prune(now);
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: burst, at: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * ratePerSec);
      b.at = now;
    }
    const needed = Math.min(cost, burst);
    if (b.tokens >= needed) {
      b.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((needed - b.tokens) / ratePerSec) * 1000) };
  }

  /** Gives back tokens taken for a body that was refused for another reason. */
  refund(key: string, cost: number): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.opts.burst, b.tokens + cost);
  }

  get ratePerSec(): number {
    return this.opts.ratePerSec;
  }

  get burst(): number {
    return this.opts.burst;
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    this.lastPrune = now;
    const { ratePerSec, burst } = this.opts;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * ratePerSec >= burst) this.buckets.delete(key);
    }
  }
}

import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("per-device token bucket", () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };

  it("allows a burst, then the sustained rate, and says when to retry", () => {
    const c = clock();
    const rl = new RateLimiter({ ratePerSec: 20, burst: 40, now: c.now });
    for (let i = 0; i < 40; i++) expect(rl.take("dev")).toEqual({ ok: true });
    expect(rl.take("dev")).toEqual({ ok: false, retryAfterMs: 50 });
    c.advance(50);
    expect(rl.take("dev")).toEqual({ ok: true });
    expect(rl.take("dev").ok).toBe(false);
    c.advance(1000);
    for (let i = 0; i < 20; i++) expect(rl.take("dev").ok).toBe(true);
    expect(rl.take("dev").ok).toBe(false);
  });

  it("keeps devices apart", () => {
    const rl = new RateLimiter({ ratePerSec: 1, burst: 1, now: clock().now });
    expect(rl.take("a").ok).toBe(true);
    expect(rl.take("a").ok).toBe(false);
    expect(rl.take("b").ok).toBe(true);
  });

  it("lets a backlog larger than the burst through from a full bucket, then charges for it", () => {
    const c = clock();
    const rl = new RateLimiter({ ratePerSec: 10, burst: 100, now: c.now });
    expect(rl.take("dev", 500).ok).toBe(true);
    expect(rl.take("dev", 1)).toEqual({ ok: false, retryAfterMs: 40_100 });
    c.advance(50_000);
    expect(rl.take("dev", 500).ok).toBe(true);
  });

  it("forgets idle devices", () => {
    const c = clock();
    const rl = new RateLimiter({ ratePerSec: 10, burst: 10, now: c.now });
    rl.take("a");
    rl.take("b", 10);
    c.advance(61_000);
    rl.take("c");
    expect(rl.size).toBe(1);
  });
});

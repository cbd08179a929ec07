import { describe, expect, it } from "vitest";
import { backfillTimes, planBackfill, type BackfillOptions } from "./equipment-backfill";

const MIN = 60_000;
const END = Date.parse("2026-11-23T18:00:00.000Z");

function options(over: Partial<BackfillOptions> = {}): BackfillOptions {
  return {
    endMs: END,
    spanMs: 6 * 60 * MIN,
    stepMs: MIN,
    startSeq: 1,
    sample: (t) => ({ device_temp: 30 + (t % 7), vibration: 0.12, power: 8.5, battery: 100 }),
    ratePerSec: 20,
    burst: 200,
    maxBodyBytes: 256 * 1024,
    maxFramesPerBody: 1000,
    ...over,
  };
}

/** Replays the plan against the receiver's real token bucket (refill ratePerSec, capacity burst, starting full). */
function refusedChunks(plan: ReturnType<typeof planBackfill>, ratePerSec: number, burst: number): number[] {
  let tokens = burst;
  let last = 0;
  const refused: number[] = [];
  plan.chunks.forEach((c, i) => {
    tokens = Math.min(burst, tokens + ((c.atMs - last) / 1000) * ratePerSec);
    last = c.atMs;
    if (tokens < c.frames.length) refused.push(i);
    else tokens -= c.frames.length;
  });
  return refused;
}

describe("backfillTimes", () => {
  it("steps back from the end, oldest first, never reaching the end itself", () => {
    expect(backfillTimes(END, 3 * MIN, MIN)).toEqual([END - 3 * MIN, END - 2 * MIN, END - MIN]);
    expect(backfillTimes(END, 150_000, MIN)).toEqual([END - 2 * MIN, END - MIN]);
    expect(backfillTimes(END, 0, MIN)).toEqual([]);
    expect(() => backfillTimes(END, MIN, 0)).toThrow(RangeError);
  });
});

describe("planBackfill", () => {
  it("plans 6 h of minute readings with consecutive seqs and past timestamps, paced under the per-device rate limit", () => {
    const plan = planBackfill(options({ startSeq: 41 }));
    const frames = plan.chunks.flatMap((c) => c.frames);
    expect(plan.frameCount).toBe(360);
    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => 41 + i));
    expect(plan.nextSeq).toBe(401);
    expect(frames[0]?.ts).toBe("2026-11-23T12:00:00.000Z");
    expect(frames.at(-1)?.ts).toBe("2026-11-23T17:59:00.000Z");
    // at most half the burst per body, the first at once, later ones spaced by the refill at 80 % of the rate
    expect(plan.chunks.map((c) => c.frames.length)).toEqual([100, 100, 100, 60]);
    expect(plan.chunks.map((c) => c.atMs)).toEqual([0, 6250, 12_500, 16_250]);
    expect(refusedChunks(plan, 20, 200)).toEqual([]);
  });

  it("stays under the limit for other rates and bursts, and for bodies limited by size", () => {
    for (const [ratePerSec, burst] of [
      [1, 10],
      [5, 7],
      [100, 1000],
      [0.5, 1],
    ] as const) {
      const plan = planBackfill(options({ ratePerSec, burst, spanMs: 60 * MIN }));
      expect(plan.frameCount).toBe(60);
      expect(refusedChunks(plan, ratePerSec, burst), `${ratePerSec}/s, burst ${burst}`).toEqual([]);
    }
    const small = planBackfill(options({ maxBodyBytes: 1000 }));
    for (const c of small.chunks) expect(JSON.stringify(c.frames).length).toBeLessThanOrEqual(1000);
    expect(small.chunks.flatMap((c) => c.frames)).toHaveLength(360);
    expect(planBackfill(options({ maxFramesPerBody: 7, spanMs: 20 * MIN })).chunks.map((c) => c.frames.length)).toEqual([7, 7, 6]);
    expect(() => planBackfill(options({ maxBodyBytes: 20 }))).toThrow(/does not fit/);
  });

  it("leaves out readings the logger did not record, without spending a seq on them", () => {
    const outage = (t: number) => t >= END - 40 * MIN && t < END - 10 * MIN;
    const plan = planBackfill(options({ spanMs: 60 * MIN, stepMs: 5 * MIN, sample: (t) => (outage(t) ? null : { env_temp: 4.6 }) }));
    const frames = plan.chunks.flatMap((c) => c.frames);
    expect(frames.map((f) => f.ts.slice(11, 16))).toEqual(["17:00", "17:05", "17:10", "17:15", "17:50", "17:55"]);
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.chunks).toHaveLength(1); // a logger's 5-minute past fits one body
  });

  it("plans nothing for an empty span", () => {
    expect(planBackfill(options({ spanMs: 0, startSeq: 9 }))).toEqual({ chunks: [], nextSeq: 9, frameCount: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { DeliveryQueue } from "./delivery-queue";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("DeliveryQueue", () => {
  it("runs at most `concurrency` tasks at once and all of them in the end", async () => {
    const q = new DeliveryQueue({ concurrency: 2, maxQueued: 100, timeoutMs: 1_000 });
    let running = 0;
    let peak = 0;
    let done = 0;
    for (let i = 0; i < 7; i++) {
      q.enqueue({
        run: async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(10);
          running--;
          done++;
        },
      });
    }
    await q.drain();
    expect(peak).toBe(2);
    expect(done).toBe(7);
  });

  it("refuses a task beyond maxQueued at once, through onDrop, without waiting", async () => {
    const q = new DeliveryQueue({ concurrency: 1, maxQueued: 1, timeoutMs: 1_000 });
    const dropped: string[] = [];
    const slow = { run: () => sleep(30) };
    expect(q.enqueue(slow)).toBe(true); // running
    expect(q.enqueue(slow)).toBe(true); // waiting
    expect(q.enqueue({ run: () => sleep(1), onDrop: (r) => dropped.push(r) })).toBe(false);
    expect(dropped).toEqual(["the notification queue is full"]);
    await q.drain();
  });

  it("times a hanging task out (aborting it) and a failing one never stops the next", async () => {
    const q = new DeliveryQueue({ concurrency: 1, maxQueued: 10, timeoutMs: 50 });
    const dropped: string[] = [];
    let aborted = false;
    let after = false;
    q.enqueue({
      run: (signal) =>
        new Promise<void>(() => {
          signal.addEventListener("abort", () => (aborted = true));
        }),
      onDrop: (r) => dropped.push(r),
    });
    q.enqueue({ run: () => Promise.reject(new Error("smtp down")) });
    q.enqueue({ run: async () => void (after = true) });
    await q.drain();
    expect(dropped).toEqual(["no answer within 50 ms"]);
    expect(aborted).toBe(true);
    expect(after).toBe(true);
  });
});

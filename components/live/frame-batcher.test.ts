import { describe, expect, it } from "vitest";
import { createFrameBatcher, throttleScheduler, type FrameScheduler } from "./frame-batcher";

function manualScheduler() {
  const queued: (() => void)[] = [];
  let cancelled = 0;
  const scheduler: FrameScheduler = {
    schedule(fn) {
      queued.push(fn);
      return () => {
        cancelled++;
        queued.splice(queued.indexOf(fn), 1);
      };
    },
  };
  return { scheduler, frame: () => queued.splice(0).forEach((fn) => fn()), queued, cancelled: () => cancelled };
}

describe("frame batcher", () => {
  it("applies everything that arrived before a frame in one flush, and asks for one frame per batch", () => {
    const s = manualScheduler();
    const flushed: number[][] = [];
    const b = createFrameBatcher<number>(s.scheduler, (batch) => flushed.push(batch));
    b.push(1);
    b.push(2);
    b.push(3);
    expect(s.queued).toHaveLength(1);
    expect(flushed).toEqual([]);
    s.frame();
    expect(flushed).toEqual([[1, 2, 3]]);
    b.push(4);
    expect(s.queued).toHaveLength(1);
    s.frame();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it("asks for no frame while idle, and drops what is pending when disposed", () => {
    const s = manualScheduler();
    const flushed: number[][] = [];
    const b = createFrameBatcher<number>(s.scheduler, (batch) => flushed.push(batch));
    s.frame();
    expect(flushed).toEqual([]);
    b.push(1);
    b.dispose();
    expect(s.cancelled()).toBe(1);
    s.frame();
    expect(flushed).toEqual([]);
  });
});

describe("throttled frame scheduler", () => {
  it("flushes at most once per interval, on a frame, with every item that arrived meanwhile", () => {
    const frames = manualScheduler();
    let clock = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const advance = (ms: number) => {
      clock += ms;
      for (const t of timers.filter((x) => x.at <= clock)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    };
    let interval = 5_000;
    const scheduler = throttleScheduler(
      frames.scheduler,
      () => interval,
      () => clock,
      (fn, ms) => {
        const t = { at: clock + ms, fn };
        timers.push(t);
        return () => timers.splice(timers.indexOf(t), 1);
      },
    );
    const flushed: number[][] = [];
    const b = createFrameBatcher<number>(scheduler, (batch) => flushed.push(batch));
    b.push(1);
    frames.frame();
    expect(flushed).toEqual([[1]]);
    for (let i = 2; i <= 5; i++) {
      advance(1_000);
      b.push(i);
      frames.frame();
    }
    expect(flushed).toEqual([[1]]);
    advance(999);
    expect(frames.queued).toHaveLength(0);
    advance(1);
    expect(frames.queued).toHaveLength(1);
    frames.frame();
    expect(flushed).toEqual([[1], [2, 3, 4, 5]]);
    interval = 0;
    b.push(6);
    frames.frame();
    expect(flushed.at(-1)).toEqual([6]);
    b.push(7);
    advance(1);
    b.dispose();
    frames.frame();
    expect(flushed).toHaveLength(3);
  });
});

import { describe, expect, it } from "vitest";
import { createFrameBatcher, type FrameScheduler } from "./frame-batcher";

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

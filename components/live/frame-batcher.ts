// Live events are applied to the screen once per animation frame, all that arrived since the last one
// together: a 64-bed ward updating every second costs about one render per frame that has news, and an
// event is on screen by the next frame (never behind a fixed timer). A hidden tab gets no frames, so
// there the batch is flushed by a timer instead and nothing piles up. Pure: the scheduler is given.
export type FrameScheduler = {
  /** Runs `fn` before the next paint (requestAnimationFrame), or after `hiddenDelayMs` when hidden. */
  schedule(fn: () => void): () => void;
};

export function createFrameBatcher<T>(scheduler: FrameScheduler, flush: (batch: T[]) => void) {
  let pending: T[] = [];
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel = null;
    const batch = pending;
    pending = [];
    if (batch.length) flush(batch);
  };
  return {
    push(item: T) {
      pending.push(item);
      if (cancel === null) cancel = scheduler.schedule(run);
    },
    /** Drops what is pending (the component is going away). */
    dispose() {
      cancel?.();
      cancel = null;
      pending = [];
    },
  };
}

export const HIDDEN_FLUSH_MS = 250;

/** The browser's scheduler: the next animation frame while visible, a short timer while hidden. */
export const browserFrameScheduler: FrameScheduler = {
  schedule(fn) {
    if (typeof document !== "undefined" && document.visibilityState === "hidden") {
      const t = setTimeout(fn, HIDDEN_FLUSH_MS);
      return () => clearTimeout(t);
    }
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  },
};

/**
 * A scheduler that runs at most once per `minIntervalMs()` (read at each scheduling, so it may change),
 * still on `base`'s next frame: work pushed sooner than that after the last run waits for the rest of
 * the interval, then for a frame. For screens whose drawing gains nothing from every frame (a trend
 * where one pixel stands for many seconds). `now` and `delay` are given for tests.
 */
export function throttleScheduler(
  base: FrameScheduler,
  minIntervalMs: () => number,
  now: () => number = () => Date.now(),
  delay: (fn: () => void, ms: number) => () => void = (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
): FrameScheduler {
  let lastRun = -Infinity;
  return {
    schedule(fn) {
      let cancel: () => void = () => {};
      const onFrame = () => {
        lastRun = now();
        fn();
      };
      const wait = lastRun + minIntervalMs() - now();
      if (wait <= 0) cancel = base.schedule(onFrame);
      else
        cancel = delay(() => {
          cancel = base.schedule(onFrame);
        }, wait);
      return () => cancel();
    },
  };
}

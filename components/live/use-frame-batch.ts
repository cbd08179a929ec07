"use client";
// A component's live events, applied once per animation frame (frame-batcher.ts), or at most once per
// `minIntervalMs` (still on a frame) when given: nothing is dropped, the batch only grows meanwhile.
import { useCallback, useEffect, useRef } from "react";
import { browserFrameScheduler, createFrameBatcher, throttleScheduler } from "./frame-batcher";

export function useFrameBatch<T>(flush: (batch: T[]) => void, minIntervalMs = 0): (item: T) => void {
  const latest = useRef(flush);
  const interval = useRef(minIntervalMs);
  useEffect(() => {
    latest.current = flush;
    interval.current = minIntervalMs;
  });
  const batcher = useRef<ReturnType<typeof createFrameBatcher<T>> | null>(null);
  useEffect(() => () => batcher.current?.dispose(), []);
  return useCallback((item: T) => {
    batcher.current ??= createFrameBatcher<T>(
      throttleScheduler(browserFrameScheduler, () => interval.current),
      (batch) => latest.current(batch),
    );
    batcher.current.push(item);
  }, []);
}

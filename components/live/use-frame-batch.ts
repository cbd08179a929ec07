"use client";
// A component's live events, applied once per animation frame (frame-batcher.ts).
import { useCallback, useEffect, useRef } from "react";
import { browserFrameScheduler, createFrameBatcher } from "./frame-batcher";

export function useFrameBatch<T>(flush: (batch: T[]) => void): (item: T) => void {
  const latest = useRef(flush);
  useEffect(() => {
    latest.current = flush;
  });
  const batcher = useRef<ReturnType<typeof createFrameBatcher<T>> | null>(null);
  useEffect(() => () => batcher.current?.dispose(), []);
  return useCallback((item: T) => {
    batcher.current ??= createFrameBatcher<T>(browserFrameScheduler, (batch) => latest.current(batch));
    batcher.current.push(item);
  }, []);
}

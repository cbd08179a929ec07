"use client";
// One 1 Hz clock per tab, read with useSyncExternalStore so every data age on screen ticks together.
// A component can select a coarse value from it (e.g. "stale"/"fresh") and re-render only when that
// value changes. The clock can be calibrated against the server's time: a workstation whose clock is
// minutes off would otherwise show stale readings as fresh.
import { useCallback, useSyncExternalStore } from "react";

const TICK_MS = 1_000;
/** Offsets smaller than this are network and render latency, not a wrong clock. */
const MIN_SKEW_MS = 5_000;

let offsetMs = 0;
let now = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now() + offsetMs;
  for (const l of listeners) l();
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  if (timer === null) {
    now = Date.now() + offsetMs;
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function getSnapshot() {
  if (now === 0) now = Date.now() + offsetMs;
  return now;
}

/** Server render: no clock (0); callers treat 0 as "unknown" until hydrated. */
const getServerSnapshot = () => 0;

/** Aligns the clock with a server timestamp (ISO) that was generated moments ago. */
export function calibrateClock(serverIso: string) {
  const server = Date.parse(serverIso);
  if (!Number.isFinite(server)) return;
  const skew = server - Date.now();
  const next = Math.abs(skew) > MIN_SKEW_MS ? skew : 0;
  if (next === offsetMs) return;
  offsetMs = next;
  tick();
}

/** Current time (epoch ms, calibrated), updated every second; 0 during server render. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** A value derived from the clock; the component re-renders only when the derived value changes. */
export function useClock<T extends string | number | boolean | null>(select: (now: number) => T): T {
  const selected = useCallback(() => select(getSnapshot()), [select]);
  return useSyncExternalStore(subscribe, selected, () => select(0));
}

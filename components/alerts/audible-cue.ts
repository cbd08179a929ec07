"use client";
// The optional audible cue (Web Audio API). Off by default; the choice is kept in localStorage and read
// through a tiny store so every toggle and the one player in the tab agree. What plays and when comes
// from audible-pattern.ts (pure): never for acknowledged or silenced alerts.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useNow } from "@/components/live/use-now";
import { CUE_PATTERNS, INITIAL_CUE_MEMORY, stepCue, type CueAlert } from "./audible-pattern";
import type { AlertPriority } from "@/lib/events";

const KEY = "iomt.alerts.sound";
const VOLUME = 0.2;
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function readEnabled(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

/** Whether the audible cue is on (false on the server and until hydrated). */
export function useSoundEnabled(): boolean {
  return useSyncExternalStore(subscribe, readEnabled, () => false);
}

export function setSoundEnabled(on: boolean) {
  try {
    window.localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // Storage unavailable: the choice lasts for this page only (the store below still updates).
  }
  // Called from a click: the browser lets audio start now.
  if (on) unlockAudio();
  listeners.forEach((l) => l());
}

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return null;
  context = new window.AudioContext();
  return context;
}

/** Browsers start audio only after a user gesture; call from one. */
export function unlockAudio() {
  const c = audio();
  if (c && c.state === "suspended") void c.resume();
}

export function playPattern(priority: AlertPriority) {
  const c = audio();
  if (!c) return;
  if (c.state === "suspended") void c.resume();
  const start = c.currentTime + 0.05;
  for (const tone of CUE_PATTERNS[priority].tones) {
    const at = start + tone.atMs / 1000;
    const end = at + tone.durationMs / 1000;
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = "sine";
    osc.frequency.value = tone.hz;
    // Short ramps: no clicks at the edges of a pulse.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.015);
    gain.gain.setValueAtTime(VOLUME, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(c.destination);
    osc.start(at);
    osc.stop(end + 0.01);
  }
}

/** Plays the cue for `alerts` while the sound is on. Mount in one component per tab (the nav count). */
export function useAudibleCue(alerts: readonly CueAlert[]) {
  const enabled = useSoundEnabled();
  const now = useNow();
  const memory = useRef(INITIAL_CUE_MEMORY);
  useEffect(() => {
    if (!enabled) {
      memory.current = INITIAL_CUE_MEMORY;
      return;
    }
    if (now === 0) return;
    const step = stepCue(memory.current, alerts, now);
    memory.current = step.memory;
    if (step.play) playPattern(step.play);
  }, [enabled, now, alerts]);
  useEffect(() => {
    if (!enabled) return;
    const unlock = () => unlockAudio();
    window.addEventListener("pointerdown", unlock);
    window.addEventListener("keydown", unlock);
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, [enabled]);
}

"use client";
// The audible cue (Web Audio API). On unless this workstation turned it off (sound-preference.ts, kept in
// localStorage); read through tiny stores so every toggle and the one player in the tab agree. Browsers
// hold audio until a click or key press: until then the state is "blocked" and the control says so.
// What plays and when comes from audible-pattern.ts (pure): never for acknowledged or silenced alerts.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useNow } from "@/components/live/use-now";
import { CUE_PATTERNS, INITIAL_CUE_MEMORY, stepCue, type CueAlert } from "./audible-pattern";
import { createSoundPreferenceStore, SOUND_KEY, soundState, type SoundState } from "./sound-preference";
import type { AlertPriority } from "@/lib/events";

const VOLUME = 0.2;

const preference = createSoundPreferenceStore(() => (typeof window === "undefined" ? null : window.localStorage));

function subscribePreference(onChange: () => void) {
  const off = preference.subscribe(onChange);
  const fromOtherTab = (e: StorageEvent) => {
    if (e.key === SOUND_KEY || e.key === null) preference.notify();
  };
  window.addEventListener("storage", fromOtherTab);
  return () => {
    off();
    window.removeEventListener("storage", fromOtherTab);
  };
}

/** Whether the audible cue is wanted on this workstation (on during the server render). */
export function useSoundEnabled(): boolean {
  return useSyncExternalStore(subscribePreference, preference.get, () => true);
}

export function setSoundEnabled(on: boolean) {
  preference.set(on);
  // Called from a click: the browser lets audio start now.
  if (on) unlockAudio();
}

let context: AudioContext | null = null;
const audioListeners = new Set<() => void>();

function audio(): AudioContext | null {
  if (context) return context;
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return null;
  context = new window.AudioContext();
  context.addEventListener("statechange", () => audioListeners.forEach((l) => l()));
  audioListeners.forEach((l) => l());
  return context;
}

function subscribeAudio(onChange: () => void) {
  audioListeners.add(onChange);
  return () => audioListeners.delete(onChange);
}

const audioStateNow = (): AudioContextState | null => context?.state ?? null;

/** Runs `fn` when the main thread is next idle (within a second at most); returns its cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(fn, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const t = setTimeout(fn, 200);
  return () => clearTimeout(t);
}

/** "on", "off", or "blocked" (wanted, but the browser holds audio until the user clicks or types). */
export function useSoundState(): SoundState {
  const enabled = useSoundEnabled();
  const running = useSyncExternalStore(subscribeAudio, audioStateNow, () => null);
  // With the sound wanted, find out whether the browser lets this tab play (a new context starts
  // "suspended" when it does not). Creating the context costs ~15 ms of the main thread, so it waits for
  // idle time rather than lengthening the page's hydration (an alarm that must sound creates it at once).
  useEffect(() => {
    if (enabled) return whenIdle(() => void audio());
  }, [enabled]);
  return soundState(enabled, running);
}

/** Browsers start audio only after a user gesture; call from one. */
export function unlockAudio() {
  const c = audio();
  if (c && c.state === "suspended") void c.resume();
}

export function playPattern(priority: AlertPriority) {
  const c = audio();
  if (!c) return;
  if (c.state !== "running") {
    // Held by the browser (no click yet): tones scheduled now would all sound at once on unlock.
    void c.resume().catch(() => undefined);
    return;
  }
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

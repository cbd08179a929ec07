// Whether this workstation wants the audible alarm cue (pure, storage injected). Kept in localStorage,
// so it belongs to the browser at the nurses' station, not to whoever signs in; on unless someone here
// turned it off (an alarm system should not start silent). Browsers still hold audio until the first
// click or key press on the page: that is the "blocked" state, shown as "Click to enable sound".

export const SOUND_KEY = "iomt.alerts.sound";

/** What the control shows: the preference, and whether the browser lets the tab play it yet. */
export type SoundState = "on" | "off" | "blocked";

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

/** Anything but an explicit "off" is on: a first visit, a cleared or unreadable store. */
export function parseSoundPreference(raw: string | null): boolean {
  return raw !== "off";
}

/**
 * The state to show. `audio`: the tab's AudioContext state ("running", "suspended" until a user gesture,
 * "closed"), or null before one exists (nothing known yet: shown as on) or where Web Audio is missing.
 */
export function soundState(enabled: boolean, audio: AudioContextState | null): SoundState {
  if (!enabled) return "off";
  return audio === null || audio === "running" ? "on" : "blocked";
}

export type SoundPreferenceStore = {
  get(): boolean;
  set(on: boolean): void;
  subscribe(onChange: () => void): () => void;
  /** Another tab changed the key (the "storage" event): tell this tab's subscribers. */
  notify(): void;
};

/** `storage` null or throwing (private mode, policy): the choice lasts for this page only. */
export function createSoundPreferenceStore(storage: () => KeyValueStore | null): SoundPreferenceStore {
  const listeners = new Set<() => void>();
  let memory: boolean | null = null;
  const read = (): boolean => {
    if (memory !== null) return memory;
    try {
      return parseSoundPreference(storage()?.getItem(SOUND_KEY) ?? null);
    } catch {
      return true;
    }
  };
  return {
    get: read,
    set(on) {
      try {
        const s = storage();
        if (!s) throw new Error("no storage");
        s.setItem(SOUND_KEY, on ? "on" : "off");
        memory = null;
      } catch {
        memory = on;
      }
      listeners.forEach((l) => l());
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    notify() {
      listeners.forEach((l) => l());
    },
  };
}

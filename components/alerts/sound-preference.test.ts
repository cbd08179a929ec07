import { describe, expect, it, vi } from "vitest";
import { createSoundPreferenceStore, parseSoundPreference, SOUND_KEY, soundState } from "./sound-preference";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe("parseSoundPreference", () => {
  it("is on unless this workstation turned it off", () => {
    expect(parseSoundPreference(null)).toBe(true);
    expect(parseSoundPreference("on")).toBe(true);
    expect(parseSoundPreference("garbage")).toBe(true);
    expect(parseSoundPreference("off")).toBe(false);
  });
});

describe("soundState", () => {
  it("shows off, on, or blocked until the browser lets audio start", () => {
    expect(soundState(false, "running")).toBe("off");
    expect(soundState(true, "running")).toBe("on");
    expect(soundState(true, "suspended")).toBe("blocked");
    expect(soundState(true, null)).toBe("on");
  });
});

describe("createSoundPreferenceStore", () => {
  it("remembers the choice in storage (a reload reads it back) and tells subscribers", () => {
    const storage = memoryStorage();
    const store = createSoundPreferenceStore(() => storage);
    const seen = vi.fn();
    const off = store.subscribe(seen);
    expect(store.get()).toBe(true);
    store.set(false);
    expect(storage.data.get(SOUND_KEY)).toBe("off");
    expect(seen).toHaveBeenCalledTimes(1);
    expect(createSoundPreferenceStore(() => storage).get()).toBe(false); // the next page load
    off();
    store.set(true);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(createSoundPreferenceStore(() => storage).get()).toBe(true);
  });

  it("keeps the choice for the page when storage is unavailable", () => {
    const store = createSoundPreferenceStore(() => {
      throw new Error("SecurityError");
    });
    expect(store.get()).toBe(true);
    store.set(false);
    expect(store.get()).toBe(false);
    const noStorage = createSoundPreferenceStore(() => null);
    noStorage.set(false);
    expect(noStorage.get()).toBe(false);
  });
});

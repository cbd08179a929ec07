"use client";
// The audible-cue switch, always in words: "Sound on", "Sound off" (stands out in the header, so a muted
// station is seen), or "Click to enable sound" while the browser holds audio until a user gesture. The
// choice belongs to this workstation (remembered in this browser). Shown in the nav next to the alert
// count and on the alert queue; both read the same setting.
import { setSoundEnabled, unlockAudio, useSoundState } from "./audible-cue";
import type { SoundState } from "./sound-preference";

const LABEL: Record<SoundState, string> = { on: "Sound on", off: "Sound off", blocked: "Click to enable sound" };
const TITLE: Record<SoundState, string> = {
  on: "Audible alarm cue on at this workstation. Click to turn it off.",
  off: "Audible alarm cue OFF at this workstation: alarms make no sound. Click to turn it on.",
  blocked: "The alarm sound is on, but the browser plays nothing until you click or press a key on this page.",
};
const STYLE: Record<SoundState, string> = {
  on: "border-line-strong text-ink-muted hover:text-ink",
  off: "border-ink bg-panel-raised font-semibold text-ink",
  blocked: "border-accent bg-accent font-semibold text-canvas",
};

export function SoundToggle() {
  const state = useSoundState();
  const onClick = () => {
    if (state === "blocked") unlockAudio();
    else setSoundEnabled(state === "off");
  };
  return (
    <button
      type="button"
      aria-pressed={state !== "off"}
      onClick={onClick}
      title={TITLE[state]}
      data-testid="sound-toggle"
      data-state={state}
      className={`flex items-center gap-1 rounded border px-2 py-0.5 text-sm whitespace-nowrap ${STYLE[state]}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" stroke="none" />
        {state === "off" ? <path d="M11 6l4 4M15 6l-4 4" /> : <path d="M11 5.5c1 .8 1 4.2 0 5M12.8 4c2 1.6 2 6.4 0 8" />}
      </svg>
      {LABEL[state]}
    </button>
  );
}

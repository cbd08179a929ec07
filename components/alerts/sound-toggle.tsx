"use client";
// The audible-cue switch (off by default, remembered in this browser). Shown in the nav next to the
// alert count and on the alert queue; both read the same setting.
import { setSoundEnabled, useSoundEnabled } from "./audible-cue";

export function SoundToggle({ compact = false }: { compact?: boolean }) {
  const on = useSoundEnabled();
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => setSoundEnabled(!on)}
      title={on ? "Audible alarm cue on (this browser). Click to turn off." : "Audible alarm cue off. Click to turn on for this browser."}
      className={`flex items-center gap-1 rounded border px-2 py-0.5 text-sm ${on ? "border-accent text-ink" : "border-line-strong text-ink-muted hover:text-ink"}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" stroke="none" />
        {on ? <path d="M11 5.5c1 .8 1 4.2 0 5M12.8 4c2 1.6 2 6.4 0 8" /> : <path d="M11 6l4 4M15 6l-4 4" />}
      </svg>
      <span className={compact ? "sr-only" : undefined}>Sound {on ? "on" : "off"}</span>
    </button>
  );
}

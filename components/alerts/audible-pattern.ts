// The optional audible cue, decided purely: tone patterns per priority (after IEC 60601-1-8: high a
// 10-pulse burst, medium 3 pulses, low 2 pulses, technical 1 low pulse) and when to play. Only active,
// unacknowledged, not silenced alerts sound; the highest priority plays at once when a new alert
// starts sounding (or a silence ends) and then repeats at its interval (low and technical do not repeat).
import { PRIORITY_PRESENTATION, isSilenced } from "@/lib/alerts/alert-policy";
import type { AlertPriority, AlertView } from "@/lib/events";

export type Tone = { atMs: number; durationMs: number; hz: number };
export type CuePattern = { tones: readonly Tone[]; repeatMs: number | null };

function pulses(hz: number, durationMs: number, starts: readonly number[]): Tone[] {
  return starts.map((atMs) => ({ atMs, durationMs, hz }));
}

export const CUE_PATTERNS: Readonly<Record<AlertPriority, CuePattern>> = {
  // 3 + 2, pause, 3 + 2: the IEC high-priority burst.
  high: { tones: pulses(880, 120, [0, 200, 400, 800, 1000, 2000, 2200, 2400, 2800, 3000]), repeatMs: 10_000 },
  medium: { tones: pulses(660, 200, [0, 320, 640]), repeatMs: 20_000 },
  low: { tones: pulses(523, 250, [0, 400]), repeatMs: null },
  technical: { tones: pulses(440, 300, [0]), repeatMs: null },
};

export type CueAlert = Pick<AlertView, "id" | "priority" | "state" | "silencedUntil">;
export type CueMemory = { lastAt: number; lastPriority: AlertPriority | null; sounding: ReadonlySet<string> };
export const INITIAL_CUE_MEMORY: CueMemory = { lastAt: -Infinity, lastPriority: null, sounding: new Set() };

export function soundingAlerts<T extends CueAlert>(alerts: Iterable<T>, now: number): T[] {
  return [...alerts].filter((a) => a.state === "active" && !isSilenced(a, now));
}

/** One step of the cue at `now`: which pattern to play now (if any) and the memory for the next step. */
export function stepCue(memory: CueMemory, alerts: Iterable<CueAlert>, now: number): { play: AlertPriority | null; memory: CueMemory } {
  const sounding = soundingAlerts(alerts, now);
  const ids = new Set(sounding.map((a) => a.id));
  if (sounding.length === 0) return { play: null, memory: { ...memory, sounding: ids } };
  const top = sounding.reduce(
    (t, a) => (PRIORITY_PRESENTATION[a.priority].rank < PRIORITY_PRESENTATION[t].rank ? a.priority : t),
    sounding[0]!.priority,
  );
  const fresh = sounding.some((a) => !memory.sounding.has(a.id));
  const repeat = CUE_PATTERNS[top].repeatMs;
  const due = repeat !== null && now - memory.lastAt >= repeat;
  const play = fresh || due ? top : null;
  return { play, memory: play ? { lastAt: now, lastPriority: play, sounding: ids } : { ...memory, sounding: ids } };
}

/** Length of a pattern in ms (for scheduling and tests). */
export function patternLength(p: CuePattern): number {
  return p.tones.reduce((end, t) => Math.max(end, t.atMs + t.durationMs), 0);
}

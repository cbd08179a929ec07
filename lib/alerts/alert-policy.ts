// Client-safe alert policy shared by server and browser: the IEC 60601-1-8 presentation of each
// priority, the queue order, whether an alert is open or its audible cue paused, the longest silence, and
// how long an alert waits for an acknowledgement before it escalates (ward and home).
// The shapes themselves (AlertView and its vocabulary) are in lib/events.
import type { AlertPriority, AlertView } from "@/lib/events";

/** IEC 60601-1-8: high = red, fast flashing; medium = yellow, slow flashing; low = cyan, steady; technical (INOP) = cyan. */
export const PRIORITY_PRESENTATION: Readonly<
  Record<AlertPriority, { label: string; color: "red" | "yellow" | "cyan"; flashing: "fast" | "slow" | "none"; rank: number }>
> = {
  high: { label: "High", color: "red", flashing: "fast", rank: 0 },
  medium: { label: "Medium", color: "yellow", flashing: "slow", rank: 1 },
  low: { label: "Low", color: "cyan", flashing: "none", rank: 2 },
  technical: { label: "Technical (INOP)", color: "cyan", flashing: "none", rank: 3 },
};

/** Silence is "audio paused" for at most this long (the API, the actions and the queue's choices). */
export const MAX_SILENCE_MINUTES = 30;

/** Queue order: high priority first, then the oldest. */
export function compareAlerts(a: Pick<AlertView, "priority" | "raisedAt">, b: Pick<AlertView, "priority" | "raisedAt">): number {
  const byPriority = PRIORITY_PRESENTATION[a.priority].rank - PRIORITY_PRESENTATION[b.priority].rank;
  return byPriority !== 0 ? byPriority : Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
}

/**
 * Whether an alarm stays (latched) after its condition clears until someone acknowledges it. Physiological
 * and equipment alarms latch, so a brief episode is never missed. A monitor's own technical conditions
 * (offline, battery low, implausible signal) do not (IEC 60601-1-8 lets technical alarms be non-latching):
 * once the device is back, an "offline" banner would only tell the ward something untrue.
 */
export function latches(rule: string): boolean {
  return !(rule === "tech.offline" || rule === "tech.battery" || rule.startsWith("tech.artifact."));
}

export function isOpen(a: Pick<AlertView, "state">): boolean {
  return a.state !== "resolved";
}

/** Whether the audible cue is paused at `nowMs`. */
export function isSilenced(a: Pick<AlertView, "silencedUntil">, nowMs: number): boolean {
  return a.silencedUntil !== null && Date.parse(a.silencedUntil) > nowMs;
}

/**
 * A patient at home (an alert on a patient with no ward): not acknowledged within 15 minutes, it goes up to
 * the care team (issue 15: an urgent low < 54 mg/dL the patient does not acknowledge). At home the patient
 * is the first responder, so the ward's minute-scale steps would reach the care team before the patient
 * could act.
 */
export const HOME_ESCALATION_MS = 15 * 60_000;

/** How long an alert waits for an acknowledgement at each level: the home policy, else the ward's per priority. */
export function escalationDelayMs(
  a: { patientId: string | null; wardId: string | null; priority: AlertPriority },
  wardMsByPriority: Record<AlertPriority, number>,
): number {
  return a.patientId !== null && a.wardId === null ? HOME_ESCALATION_MS : wardMsByPriority[a.priority];
}

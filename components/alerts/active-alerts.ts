// The navigation's live count: a light "mark" per alert (no patient data), kept with the same rules as
// the queue, and how many are open in the sense of the nav: active = raised and not yet acknowledged.
// Pure and client-safe.
import { PRIORITY_PRESENTATION } from "@/lib/alerts/alert-policy";
import type { AlertPriority, AlertView } from "@/lib/events";

export type AlertMark = Pick<AlertView, "id" | "priority" | "state" | "raisedAt" | "escalationLevel" | "wardId" | "silencedUntil">;

/** At most this many active alerts feed the nav count. */
export const NAV_ALERT_LIMIT = 1000;

export function toMark(a: AlertMark): AlertMark {
  return {
    id: a.id,
    priority: a.priority,
    state: a.state,
    raisedAt: a.raisedAt,
    escalationLevel: a.escalationLevel,
    wardId: a.wardId,
    silencedUntil: a.silencedUntil,
  };
}

export type ActiveSummary = { count: number; top: AlertPriority | null };

/** Number of active (unacknowledged) alerts and the highest priority among them. */
export function summariseActive(marks: Iterable<Pick<AlertMark, "state" | "priority">>): ActiveSummary {
  let count = 0;
  let top: AlertPriority | null = null;
  for (const m of marks) {
    if (m.state !== "active") continue;
    count++;
    if (top === null || PRIORITY_PRESENTATION[m.priority].rank < PRIORITY_PRESENTATION[top].rank) top = m.priority;
  }
  return { count, top };
}

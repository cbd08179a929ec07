// Pure model of the patient's alarm history: newest first, live changes merged into the cached list,
// the escalation level in words, and each step of an alert's trail as one readable line. Unit-tested.
import type { AlertEventView, AlertView } from "@/lib/events";
import { HOME_LEVELS, WARD_LEVELS } from "@/components/alerts/presentation";

const dateTime = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "23 Nov, 18:04:05" in the browser's zone and locale. */
export function formatAt(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Newest raised first (the queue sorts by priority; a history reads back in time). */
export function newestFirst(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || b.id.localeCompare(a.id));
}

/** The cached list with `alert` added or replaced (live "alert:raised" / "alert:updated"); undefined stays undefined. */
export function upsertAlert(list: readonly AlertView[] | undefined, alert: AlertView): AlertView[] | undefined {
  if (!list) return undefined;
  const i = list.findIndex((a) => a.id === alert.id);
  if (i === -1) return [alert, ...list];
  const next = [...list];
  next[i] = alert;
  return next;
}

/** Who an alert has reached: level 0 at raise, then the escalation steps (lib/alerts escalation); a home
 *  patient's alert reaches the patient and the care team. */
export function escalationLabel(level: number, alert?: Pick<AlertView, "patientId" | "wardId">): string {
  const labels: readonly string[] = alert && alert.patientId !== null && alert.wardId === null ? HOME_LEVELS : WARD_LEVELS;
  return labels[level] ?? `Level ${level}`;
}

/** State in words, with a latched alarm (condition gone, not yet acknowledged) called out. */
export function stateLabel(a: Pick<AlertView, "state" | "conditionActive">): string {
  if (a.state === "resolved") return "Resolved";
  const base = a.state === "acknowledged" ? "Acknowledged" : "Active";
  return a.conditionActive ? base : `${base} · condition cleared`;
}

function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v : null;
}

function names(v: unknown): string {
  if (!Array.isArray(v)) return "";
  const list = v.flatMap((p: unknown) => (p && typeof p === "object" && "name" in p && typeof p.name === "string" ? [p.name] : []));
  return list.length ? list.join(", ") : "";
}

function levelOf(detail: Record<string, unknown> | null): number | null {
  const level = detail?.level;
  return typeof level === "number" ? level : null;
}

/** One trail step as a sentence, e.g. "Escalated to Charge nurse: Ann Lee" or "Resolved by Dr Roe: transferred". */
export function describeEvent(e: AlertEventView, alert?: Pick<AlertView, "patientId" | "wardId">): string {
  const d = e.detail;
  const actor = e.actor?.name ?? null;
  const recipient = e.recipient?.name ?? "a recipient";
  const reason = text(d?.reason);
  const level = levelOf(d);
  switch (e.type) {
    case "raised":
      return `Raised${text(d?.message) ? `: ${text(d?.message)}` : ""}`;
    case "condition_cleared":
      return "Condition cleared";
    case "condition_returned":
      return `Condition returned${text(d?.message) ? `: ${text(d?.message)}` : ""}`;
    case "acknowledged":
      return `Acknowledged${actor ? ` by ${actor}` : ""}`;
    case "resolved":
      return `Resolved ${actor ? `by ${actor}` : "automatically"}${reason ? `: ${reason}` : ""}`;
    case "silenced": {
      const minutes = typeof d?.minutes === "number" ? ` for ${d.minutes} min` : "";
      return `Audio silenced${minutes}${actor ? ` by ${actor}` : ""}${reason ? `: ${reason}` : ""}`;
    }
    case "notified": {
      const who = names(d?.recipients);
      return `Notified${level === null ? "" : ` ${escalationLabel(level, alert)}`}: ${who || "nobody on duty"}`;
    }
    case "escalated": {
      const who = names(d?.recipients);
      const how = d?.automatic === true ? " (unacknowledged)" : actor ? ` by ${actor}` : "";
      return `Escalated to ${level === null ? "next level" : escalationLabel(level, alert)}${how}${who ? `: ${who}` : d?.nobodyOnDuty === true ? ": nobody on duty" : ""}${reason ? ` (${reason})` : ""}`;
    }
    case "delivered":
      return d?.channel === "push"
        ? `Push sent to ${recipient}`
        : d?.channel === "email"
          ? `E-mail sent to ${recipient}`
          : `Delivered to ${recipient}`;
    case "not_delivered": {
      const why = reason ? ` (${reason})` : "";
      if (d?.channel === "push") return `Push failed for ${recipient}${why}`;
      return d?.channel === "email" ? `E-mail failed for ${recipient}${why}` : `Not delivered to ${recipient}`;
    }
    case "read":
      return `Read by ${recipient}`;
  }
}

// How an alert looks: IEC 60601-1-8 colour and flashing class per priority and state, short labels,
// the value with its unit, escalation level names, and the "latched" and "silenced" wording. Pure.
import { PRIORITY_PRESENTATION, isSilenced } from "@/lib/alerts/alert-policy";
import type { AlertPriority, AlertView } from "@/lib/events";
import { formatMetric, isMetricKey, METRICS } from "@/lib/domain/metrics";

export const PRIORITY_SHORT: Record<AlertPriority, string> = { high: "HIGH", medium: "MED", low: "LOW", technical: "INOP" };

/**
 * The indicator class (app/globals.css): active alarms flash as IEC wants (high fast red, medium slow
 * yellow; low and INOP steady cyan); an acknowledged one keeps its colour but stops flashing; a
 * resolved one has no alarm colour.
 */
export function alarmClass(priority: AlertPriority, state: AlertView["state"]): string {
  if (state === "resolved") return "alarm-none";
  const base = priority === "technical" ? "alarm-inop" : `alarm-${priority}`;
  return state === "acknowledged" ? `${base} alarm-steady` : base;
}

/** Whether the indicator flashes (for tests and data attributes). */
export function flashes(priority: AlertPriority, state: AlertView["state"]): boolean {
  return state === "active" && PRIORITY_PRESENTATION[priority].flashing !== "none";
}

/** Solid chip class in the priority's colour. */
export function badgeClass(priority: AlertPriority): string {
  return PRIORITY_PRESENTATION[priority].color === "red"
    ? "badge-high"
    : PRIORITY_PRESENTATION[priority].color === "yellow"
      ? "badge-medium"
      : "badge-inop";
}

/** Text in the priority's colour (keeps the colour visible during the dark phase of a flash). */
export function priorityTextClass(priority: AlertPriority): string {
  const c = PRIORITY_PRESENTATION[priority].color;
  return c === "red" ? "text-alarm-high" : c === "yellow" ? "text-alarm-medium" : "text-alarm-low";
}

export function priorityTitle(priority: AlertPriority): string {
  const p = PRIORITY_PRESENTATION[priority];
  return `${p.label} priority (${p.color}${p.flashing === "none" ? ", steady" : `, ${p.flashing} flashing`})`;
}

/** "SpO₂ 84 %", "NEWS2 8", or the bare number for rules without a metric. */
export function formatAlertValue(rule: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (rule === "env.excursion") return `${METRICS.env_temp.label} ${formatMetric("env_temp", value)} ${METRICS.env_temp.display}`;
  const metric = rule.split(".")[0] ?? "";
  if (!isMetricKey(metric)) return String(Math.round(value * 100) / 100);
  const def = METRICS[metric];
  return `${def.label} ${formatMetric(metric, value)}${def.display ? ` ${def.display}` : ""}`;
}

/** A ward patient's alert: the ward's nurses, the charge nurse(s), the physician on call. */
export const WARD_LEVELS = ["Ward nurses", "Charge nurse", "Physician on call"] as const;
/** An alert on no patient (equipment) goes to biomed, then administrators (lib/alerts/alert-recipients). */
const EQUIPMENT_LEVELS = ["Biomedical engineering", "Administrators", "Administrators"] as const;
/** A home patient's alert (a patient on no ward) goes to the patient and the care team, then the care team. */
export const HOME_LEVELS = ["Patient and care team", "Care team", "Care team"] as const;

/** Who the alert reaches at `level`: by its audience when the alert is given (ward patient, home patient, equipment). */
export function escalationLabel(level: number, alert?: { patientId: string | null; wardId?: string | null }): string {
  const levels = !alert ? WARD_LEVELS : alert.patientId === null ? EQUIPMENT_LEVELS : alert.wardId === null ? HOME_LEVELS : WARD_LEVELS;
  return levels[Math.min(Math.max(Math.round(level), 0), levels.length - 1)]!;
}

/**
 * "14:05" (the browser's local time), or "14:05, 23 Nov" when not on the day of `now`; "" while `now`
 * is 0 (server render: the server's time zone is not the user's, so nothing is rendered until hydrated).
 */
export function formatClock(iso: string, now: number): string {
  if (now === 0) return "";
  const d = new Date(iso);
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return new Date(now).toDateString() === d.toDateString()
    ? time
    : `${time}, ${d.toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`;
}

/** "Silenced until 14:20 (reason)" while the audio pause lasts; null otherwise. */
export function silenceText(a: Pick<AlertView, "silencedUntil" | "silenceReason">, now: number): string | null {
  if (!a.silencedUntil || !isSilenced(a, now)) return null;
  return `Silenced until ${formatClock(a.silencedUntil, now)}${a.silenceReason ? ` (${a.silenceReason})` : ""}`;
}

/** Latched: the condition cleared but nobody has acknowledged yet. */
export function isLatched(a: Pick<AlertView, "conditionActive" | "state">): boolean {
  return !a.conditionActive && a.state === "active";
}

/**
 * How a queue row reads at a glance, beyond colour: an unacknowledged alarm has a bar in its priority
 * colour and full-strength text; an acknowledged one is quieter (dimmed, dashed chip) and says "ACK";
 * a resolved one has no alarm colour at all.
 */
export function rowTone(state: AlertView["state"]): { className: string; marker: string | null } {
  if (state === "active") return { className: "alert-row-unacked", marker: null };
  if (state === "acknowledged") return { className: "alert-row-acked", marker: "✓ ACK" };
  return { className: "text-ink-muted", marker: null };
}

/** The row bar's colour (a CSS variable) for an unacknowledged alarm. */
export function rowBarColor(priority: AlertPriority): string {
  const c = PRIORITY_PRESENTATION[priority].color;
  return c === "red" ? "var(--color-alarm-high)" : c === "yellow" ? "var(--color-alarm-medium)" : "var(--color-alarm-low)";
}

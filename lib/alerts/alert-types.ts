// Alert shapes shared by server and browser (API answers, socket payloads, server actions), the IEC
// 60601-1-8 presentation of each priority, and the queue order. Client-safe: no server imports.

export const ALERT_PRIORITIES = ["high", "medium", "low", "technical"] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const ALERT_STATES = ["active", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** List filter: one state, "open" (active or acknowledged) or "all". */
export type AlertStatusFilter = AlertState | "open" | "all";

/** IEC 60601-1-8: high = red, fast flashing; medium = yellow, slow flashing; low = cyan, steady; technical (INOP) = cyan. */
export const PRIORITY_PRESENTATION: Readonly<
  Record<AlertPriority, { label: string; color: "red" | "yellow" | "cyan"; flashing: "fast" | "slow" | "none"; rank: number }>
> = {
  high: { label: "High", color: "red", flashing: "fast", rank: 0 },
  medium: { label: "Medium", color: "yellow", flashing: "slow", rank: 1 },
  low: { label: "Low", color: "cyan", flashing: "none", rank: 2 },
  technical: { label: "Technical (INOP)", color: "cyan", flashing: "none", rank: 3 },
};

/** Escalation levels: 0 the ward's nurses (at raise), 1 the charge nurse(s), 2 the physician on call. */
export type EscalationLevel = 0 | 1 | 2;
export const MAX_ESCALATION_LEVEL: EscalationLevel = 2;

export type PersonRef = { id: string; name: string };

export type AlertView = {
  id: string;
  /** e.g. "spo2.low", "news2.high", "glucose.fast_fall", "tech.offline". */
  rule: string;
  priority: AlertPriority;
  state: AlertState;
  patientId: string | null;
  patientName: string | null;
  bedLabel: string | null;
  wardId: string | null;
  deviceId: string | null;
  message: string;
  value: number | null;
  /** False once the condition has cleared; the alert stays until acknowledged (latched). */
  conditionActive: boolean;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
  resolveReason: string | null;
  /** Audio paused until then (visual indication continues). */
  silencedUntil: string | null;
  silenceReason: string | null;
  escalationLevel: number;
  nextEscalationAt: string | null;
};

export const ALERT_EVENT_TYPES = [
  "raised",
  "condition_cleared",
  "condition_returned",
  "acknowledged",
  "resolved",
  "silenced",
  "notified",
  "escalated",
  "delivered",
  "not_delivered",
  "read",
] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** One step of an alert's trail. `detail` holds e.g. {level, recipients}, {reason}, {minutes, until}, {value}. */
export type AlertEventView = {
  id: string;
  at: string;
  type: AlertEventType;
  actor: PersonRef | null;
  recipient: PersonRef | null;
  detail: Record<string, unknown> | null;
};

export type AlertDetailView = { alert: AlertView; events: AlertEventView[] };

/** What changed, on "alert:updated" (and "raised" on "alert:raised"). */
export type AlertChange =
  | "raised"
  | "condition_cleared"
  | "condition_returned"
  | "acknowledged"
  | "resolved"
  | "silenced"
  | "escalated";

export type AlertUpdate = { change: AlertChange; alert: AlertView; actor: PersonRef | null };

/** Sent to one recipient's own room; the client acks it (delivery receipt) and later emits "alert:read". */
export type AlertNotification = { alert: AlertView; level: EscalationLevel; reason: "raised" | "escalated" };

/** Live NEWS2 of one patient: a missing parameter is listed in `missing`, never scored 0. */
export type News2Event = {
  patientId: string;
  wardId: string | null;
  /** ISO time of the computation. */
  ts: string;
  total: number | null;
  band: "low" | "low-medium" | "medium" | "high" | null;
  components: Partial<Record<News2Parameter, number>>;
  missing: News2Parameter[];
  anySingleThree: boolean;
};

export type News2Parameter = "resp_rate" | "spo2" | "o2_supplement" | "bp_sys" | "heart_rate" | "consciousness" | "temp";

/** Queue order: high priority first, then the oldest. */
export function compareAlerts(a: Pick<AlertView, "priority" | "raisedAt">, b: Pick<AlertView, "priority" | "raisedAt">): number {
  const byPriority = PRIORITY_PRESENTATION[a.priority].rank - PRIORITY_PRESENTATION[b.priority].rank;
  return byPriority !== 0 ? byPriority : Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
}

export function isOpen(a: Pick<AlertView, "state">): boolean {
  return a.state !== "resolved";
}

/** Whether the audible cue is paused at `nowMs`. */
export function isSilenced(a: Pick<AlertView, "silencedUntil">, nowMs: number): boolean {
  return a.silencedUntil !== null && Date.parse(a.silencedUntil) > nowMs;
}

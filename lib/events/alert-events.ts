// Alerts as everyone sees them: the AlertView (also the REST contract, hence its ISO text times), its
// trail, what changed on it, and the notification sent to one recipient. Also the vocabulary these use:
// priorities (IEC 60601-1-8), states, escalation levels.
import * as s from "./wire-shape";
import { isoTimeSchema as isoTime } from "./time";

export const ALERT_PRIORITIES = ["high", "medium", "low", "technical"] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const ALERT_STATES = ["active", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Escalation levels: 0 the ward's nurses (at raise), 1 the charge nurse(s), 2 the physician on call. */
export const ESCALATION_LEVELS = [0, 1, 2] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const MAX_ESCALATION_LEVEL: EscalationLevel = 2;

export const personRefSchema = s.object({ id: s.string(), name: s.string() });
export type PersonRef = s.Infer<typeof personRefSchema>;

export const alertViewSchema = s.object({
  id: s.string(),
  /** e.g. "spo2.low", "news2.high", "glucose.fast_fall", "tech.offline". */
  rule: s.string(),
  priority: s.oneOf(ALERT_PRIORITIES),
  state: s.oneOf(ALERT_STATES),
  patientId: s.nullable(s.string()),
  patientName: s.nullable(s.string()),
  bedLabel: s.nullable(s.string()),
  wardId: s.nullable(s.string()),
  deviceId: s.nullable(s.string()),
  message: s.string(),
  value: s.nullable(s.number()),
  /** False once the condition has cleared; the alert stays until acknowledged (latched). */
  conditionActive: s.boolean(),
  raisedAt: isoTime,
  acknowledgedAt: s.nullable(isoTime),
  acknowledgedBy: s.nullable(personRefSchema),
  resolvedAt: s.nullable(isoTime),
  resolvedBy: s.nullable(personRefSchema),
  resolveReason: s.nullable(s.string()),
  /** Audio paused until then (visual indication continues). */
  silencedUntil: s.nullable(isoTime),
  silenceReason: s.nullable(s.string()),
  escalationLevel: s.int(),
  nextEscalationAt: s.nullable(isoTime),
});
export type AlertView = s.Infer<typeof alertViewSchema>;

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
export const alertEventViewSchema = s.object({
  id: s.string(),
  at: isoTime,
  type: s.oneOf(ALERT_EVENT_TYPES),
  actor: s.nullable(personRefSchema),
  recipient: s.nullable(personRefSchema),
  detail: s.nullable(s.record(s.unknown())),
});
export type AlertEventView = s.Infer<typeof alertEventViewSchema>;

export const alertDetailViewSchema = s.object({ alert: alertViewSchema, events: s.array(alertEventViewSchema) });
export type AlertDetailView = s.Infer<typeof alertDetailViewSchema>;

/** What changed, on "alert:updated" (and "raised" on "alert:raised"). */
export const ALERT_CHANGES = [
  "raised",
  "condition_cleared",
  "condition_returned",
  "acknowledged",
  "resolved",
  "silenced",
  "escalated",
] as const;
export type AlertChange = (typeof ALERT_CHANGES)[number];

/** An alert was raised or changed, published only after the change is committed; `actor` null: the engine. */
export const alertUpdateSchema = s.object({ change: s.oneOf(ALERT_CHANGES), alert: alertViewSchema, actor: s.nullable(personRefSchema) });
export type AlertUpdate = s.Infer<typeof alertUpdateSchema>;

/** Sent to one recipient's own room; the client acks it (delivery receipt) and later emits "alert:read". */
export const alertNotificationSchema = s.object({
  alert: alertViewSchema,
  level: s.oneOf(ESCALATION_LEVELS),
  reason: s.oneOf(["raised", "escalated"]),
});
export type AlertNotification = s.Infer<typeof alertNotificationSchema>;

/** A notification to deliver to each recipient's own room; the socket layer records delivery receipts. */
export const alertNotifyRequestSchema = s.object({ notification: alertNotificationSchema, recipients: s.array(personRefSchema) });
export type AlertNotifyRequest = s.Infer<typeof alertNotifyRequestSchema>;

/** An alarm limit was set or removed (scope "ward:<id>" | "patient:<id>"). */
export const alarmLimitsChangedEventSchema = s.object({ scope: s.string(), code: s.string() });
export type AlarmLimitsChangedEvent = s.Infer<typeof alarmLimitsChangedEventSchema>;

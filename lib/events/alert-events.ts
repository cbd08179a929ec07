// Alerts as everyone sees them: the AlertView (also the REST contract, hence its ISO text times), its
// trail, what changed on it, and the notification sent to one recipient. Also the vocabulary these use:
// priorities (IEC 60601-1-8), states, escalation levels.
import * as z from "zod/mini";
import { isoTimeSchema as isoTime } from "./time";

export const ALERT_PRIORITIES = ["high", "medium", "low", "technical"] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const ALERT_STATES = ["active", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Escalation levels: 0 the ward's nurses (at raise), 1 the charge nurse(s), 2 the physician on call. */
export const ESCALATION_LEVELS = [0, 1, 2] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const MAX_ESCALATION_LEVEL: EscalationLevel = 2;

export const personRefSchema = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const alertViewSchema = z.object({
  id: z.string(),
  /** e.g. "spo2.low", "news2.high", "glucose.fast_fall", "tech.offline". */
  rule: z.string(),
  priority: z.enum(ALERT_PRIORITIES),
  state: z.enum(ALERT_STATES),
  patientId: z.nullable(z.string()),
  patientName: z.nullable(z.string()),
  bedLabel: z.nullable(z.string()),
  wardId: z.nullable(z.string()),
  deviceId: z.nullable(z.string()),
  message: z.string(),
  value: z.nullable(z.number()),
  /** False once the condition has cleared; the alert stays until acknowledged (latched). */
  conditionActive: z.boolean(),
  raisedAt: isoTime,
  acknowledgedAt: z.nullable(isoTime),
  acknowledgedBy: z.nullable(personRefSchema),
  resolvedAt: z.nullable(isoTime),
  resolvedBy: z.nullable(personRefSchema),
  resolveReason: z.nullable(z.string()),
  /** Audio paused until then (visual indication continues). */
  silencedUntil: z.nullable(isoTime),
  silenceReason: z.nullable(z.string()),
  escalationLevel: z.int(),
  nextEscalationAt: z.nullable(isoTime),
});
export type AlertView = z.infer<typeof alertViewSchema>;

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
export const alertEventViewSchema = z.object({
  id: z.string(),
  at: isoTime,
  type: z.enum(ALERT_EVENT_TYPES),
  actor: z.nullable(personRefSchema),
  recipient: z.nullable(personRefSchema),
  detail: z.nullable(z.record(z.string(), z.unknown())),
});
export type AlertEventView = z.infer<typeof alertEventViewSchema>;

export const alertDetailViewSchema = z.object({ alert: alertViewSchema, events: z.array(alertEventViewSchema) });
export type AlertDetailView = z.infer<typeof alertDetailViewSchema>;

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
export const alertUpdateSchema = z.object({ change: z.enum(ALERT_CHANGES), alert: alertViewSchema, actor: z.nullable(personRefSchema) });
export type AlertUpdate = z.infer<typeof alertUpdateSchema>;

/** Sent to one recipient's own room; the client acks it (delivery receipt) and later emits "alert:read". */
export const alertNotificationSchema = z.object({
  alert: alertViewSchema,
  level: z.literal(ESCALATION_LEVELS),
  reason: z.enum(["raised", "escalated"]),
});
export type AlertNotification = z.infer<typeof alertNotificationSchema>;

/** A notification to deliver to each recipient's own room; the socket layer records delivery receipts. */
export const alertNotifyRequestSchema = z.object({ notification: alertNotificationSchema, recipients: z.array(personRefSchema) });
export type AlertNotifyRequest = z.infer<typeof alertNotifyRequestSchema>;

/** An alarm limit was set or removed (scope "ward:<id>" | "patient:<id>"). */
export const alarmLimitsChangedEventSchema = z.object({ scope: z.string(), code: z.string() });
export type AlarmLimitsChangedEvent = z.infer<typeof alarmLimitsChangedEventSchema>;

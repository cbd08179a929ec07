// The vocabulary of the pure alarm-rule core: the in-memory picture of a patient and its devices that
// rules read, and the findings they produce. A finding says a condition is "violated" or "normal";
// a condition a rule cannot judge (no fresh data) produces no finding, and absence never clears nor raises.
import type { AlertPriority } from "@/lib/events";

/** One reading. `at` is the platform's receive time, used for freshness and confirmation; `ts` when the device
 *  measured it (both epoch ms). */
export type Sample = { v: number; at: number; ts: number; deviceId: string };

export type DeviceCondition = { deviceId: string; patientId: string | null; wardId: string | null };

export type DeviceState = DeviceCondition & {
  /** From "device:status" events (and any frame, which proves the device is online). */
  connectivity: { offline: boolean; at: number } | null;
  battery: Sample | null;
  /** Latest sample per metric from this device: whether it was flagged as an implausible artifact. */
  artifacts: Map<string, { artifact: boolean; v: number; at: number }>;
};

export type PatientState = {
  patientId: string;
  wardId: string | null;
  /** Loaded from the database; until then NEWS2 is not judged. */
  info: { spo2Scale: 1 | 2; name: string; bedLabel: string | null } | null;
  /** Latest non-artifact reading per metric. */
  latest: Map<string, Sample>;
  /** CGM readings of the last ~20 minutes, oldest first. */
  glucose: Sample[];
};

export type AlarmSpec = {
  rule: string;
  priority: AlertPriority;
  message: string;
  value: number | null;
  patientId: string | null;
  wardId: string | null;
  deviceId: string | null;
};

export type Finding = {
  /** The alert's open key: "<rule>:<subject>". One open alert per key. */
  key: string;
  status: "violated" | "normal";
  /** Time of the evidence (ms): a sample's receive time, or the evaluation time for clock-confirmed rules. */
  at: number;
  /** The condition must stay violated this long (evidence to evidence) before it is raised. */
  confirmMs: number;
  alarm: AlarmSpec;
};

/** Technical ("tech."), equipment ("device.") and environment ("env.") rules are keyed by device,
 *  clinical rules by patient. */
export function openKeyFor(rule: string, patientId: string | null, deviceId: string | null): string {
  const byDevice = rule.startsWith("tech.") || rule.startsWith("device.") || rule.startsWith("env.");
  const subject = byDevice ? deviceId : (patientId ?? deviceId);
  return `${rule}:${subject ?? "-"}`;
}

/**
 * Whether a "normal" finding with this open key is worth building: a normal finding for a condition that
 * is neither pending nor raised changes nothing (confirm-conditions), so the engine's rules skip building
 * those (their message and objects, several per frame) when given this; a violated finding is always built.
 */
export type NormalWanted = (key: string) => boolean;

export function finding(status: Finding["status"], at: number, confirmMs: number, alarm: AlarmSpec): Finding {
  return { key: openKeyFor(alarm.rule, alarm.patientId, alarm.deviceId), status, at, confirmMs, alarm };
}

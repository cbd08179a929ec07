// Builders of alert views for the tests of the alert UI helpers.
import type { AlertView } from "@/lib/events";

export const T0 = Date.parse("2026-11-23T18:00:00.000Z");
export const iso = (ms: number) => new Date(ms).toISOString();

export function alertView(id: string, extra: Partial<AlertView> = {}): AlertView {
  return {
    id,
    rule: "spo2.low",
    priority: "medium",
    state: "active",
    patientId: "p1",
    patientName: "Ada Lovelace",
    bedLabel: "3",
    wardId: "w1",
    deviceId: "d1",
    message: "SpO₂ low: 88 % (below 90)",
    value: 88,
    conditionActive: true,
    raisedAt: iso(T0),
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    resolveReason: null,
    silencedUntil: null,
    silenceReason: null,
    escalationLevel: 0,
    nextEscalationAt: null,
    ...extra,
  };
}

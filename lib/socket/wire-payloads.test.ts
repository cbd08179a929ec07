import { describe, expect, it } from "vitest";
import {
  deviceStatusEventSchema,
  news2EventSchema,
  vitalsEventSchema,
  type AlertView,
  type News2Event,
  type VitalsEvent,
} from "@/lib/events";
import { SERVER_EVENT_SCHEMAS } from "./events";
import { deviceStatusPayload, news2AsVitals, news2Payload, vitalsPayload } from "./wire-payloads";

const T = Date.parse("2026-11-23T18:00:00.123Z");

describe("wire payloads", () => {
  it("turn epoch-ms events into the documented payloads, which the browser's schemas accept as they are", () => {
    const vitals: VitalsEvent = {
      deviceId: "mon-1",
      patientId: "p1",
      wardId: "w1",
      seq: 7,
      ts: T,
      values: { heart_rate: 300, spo2: 97 },
      artifacts: ["heart_rate"],
    };
    expect(vitalsEventSchema.parse(vitals)).toEqual(vitals);
    const wire = vitalsPayload(vitals);
    expect(wire).toEqual({ ...vitals, ts: "2026-11-23T18:00:00.123Z" });
    expect(SERVER_EVENT_SCHEMAS.vitals.parse(JSON.parse(JSON.stringify(wire)))).toEqual(wire);

    const status = { deviceId: "mon-1", patientId: null, wardId: "w1", status: "offline" as const, at: T };
    expect(deviceStatusEventSchema.parse(status)).toEqual(status);
    expect(SERVER_EVENT_SCHEMAS["device:status"].parse(deviceStatusPayload(status))).toEqual({ ...status, at: "2026-11-23T18:00:00.123Z" });
  });

  it("send a complete NEWS2 also as a reading of the platform's NEWS2 device, an incomplete one only as news2", () => {
    const complete: News2Event = {
      patientId: "p1",
      wardId: "w1",
      ts: T,
      total: 3,
      band: "low-medium",
      components: { spo2: 3 },
      missing: [],
      anySingleThree: true,
    };
    expect(news2EventSchema.parse(complete)).toEqual(complete);
    expect(SERVER_EVENT_SCHEMAS.news2.parse(news2Payload(complete))).toMatchObject({ ts: "2026-11-23T18:00:00.123Z", total: 3 });
    expect(news2AsVitals(complete)).toEqual({
      deviceId: "platform:news2",
      patientId: "p1",
      wardId: "w1",
      seq: T,
      ts: "2026-11-23T18:00:00.123Z",
      values: { news2: 3 },
    });
    expect(news2AsVitals({ ...complete, total: null, band: null, missing: ["temp"] })).toBeNull();
  });

  it("are read leniently where a newer server may add a metric, and strictly elsewhere", () => {
    const wire = {
      deviceId: "d",
      patientId: "p",
      wardId: null,
      seq: 1,
      ts: "2026-11-23T18:00:00Z",
      values: { heart_rate: 70, future_metric: 1 },
      artifacts: ["future_metric", "heart_rate"],
    };
    expect(SERVER_EVENT_SCHEMAS.vitals.parse(wire)).toEqual({ ...wire, values: { heart_rate: 70 }, artifacts: ["heart_rate"] });
    expect(SERVER_EVENT_SCHEMAS.vitals.safeParse({ ...wire, ts: "yesterday" }).success).toBe(false);
    expect(SERVER_EVENT_SCHEMAS.vitals.safeParse({ ...wire, values: { heart_rate: "70" } }).success).toBe(false);
    expect(vitalsEventSchema.safeParse({ ...wire, ts: T }).success).toBe(false); // inside the process: known metrics only
    expect(SERVER_EVENT_SCHEMAS["alert:raised"].safeParse({ id: "a1" }).success).toBe(false);
  });

  it("carry alert views as they are (ISO text, the REST contract), in updates and notifications too", () => {
    const alert: AlertView = {
      id: "al-1",
      rule: "spo2.low",
      priority: "medium",
      state: "acknowledged",
      patientId: "p1",
      patientName: "Ann Lee",
      bedLabel: "3",
      wardId: "w1",
      deviceId: "mon-1",
      message: "SpO₂ 88 % below 90 %",
      value: 88,
      conditionActive: true,
      raisedAt: "2026-11-23T18:00:00.000Z",
      acknowledgedAt: "2026-11-23T18:01:00.000Z",
      acknowledgedBy: { id: "u1", name: "Nurse" },
      resolvedAt: null,
      resolvedBy: null,
      resolveReason: null,
      silencedUntil: null,
      silenceReason: null,
      escalationLevel: 1,
      nextEscalationAt: null,
    };
    const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));
    expect(SERVER_EVENT_SCHEMAS["alert:raised"].parse(wire(alert))).toEqual(alert);
    expect(
      SERVER_EVENT_SCHEMAS["alert:updated"].parse(wire({ change: "acknowledged", alert, actor: { id: "u1", name: "Nurse" } })),
    ).toMatchObject({ alert });
    expect(SERVER_EVENT_SCHEMAS["alert:notify"].parse(wire({ alert, level: 1, reason: "escalated" }))).toMatchObject({ level: 1 });
    expect(SERVER_EVENT_SCHEMAS["alert:notify"].safeParse(wire({ alert, level: 3, reason: "escalated" })).success).toBe(false);
    expect(SERVER_EVENT_SCHEMAS["alert:raised"].safeParse(wire({ ...alert, raisedAt: "yesterday" })).success).toBe(false);
  });
});

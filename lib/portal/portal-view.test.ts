import { describe, expect, it } from "vitest";
import type { AlertView } from "@/lib/events";
import { adviceFor } from "./alert-advice";
import { preparePortalView, type PortalData } from "./portal-view";

const NOW = Date.UTC(2026, 11, 3, 15, 0);
const alert = (id: string, rule: string, state: AlertView["state"], raisedAt: string): AlertView => ({
  id,
  rule,
  priority: "high",
  state,
  patientId: "p1",
  patientName: "Maya Lindgren",
  bedLabel: null,
  wardId: null,
  deviceId: "cgm-h1001",
  message: "Urgent low glucose 51 mg/dL",
  value: 51,
  conditionActive: true,
  raisedAt,
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  resolveReason: null,
  silencedUntil: null,
  silenceReason: null,
  escalationLevel: 0,
  nextEscalationAt: null,
});
const base: PortalData = {
  patient: { id: "p1", name: "Maya Lindgren" },
  nowMs: NOW,
  tzOffsetMinutes: 0,
  glucose: [],
  bp: [],
  inhaler: [],
  environment: [],
  devices: [],
  alerts: [],
};
const device = (type: string) => ({
  id: `${type}-1`,
  type,
  label: type,
  status: "active",
  batteryLevel: 80,
  lastSeenAt: null,
  connectivity: "online",
});

describe("portal view", () => {
  it("shows a program when the patient has its readings or a paired device, and only then", () => {
    expect(preparePortalView(base).programs).toEqual([]);
    const cgmOnly = preparePortalView({ ...base, devices: [device("cgm")] });
    expect(cgmOnly.programs).toEqual(["diabetes"]);
    expect(cgmOnly.glucose?.days14.readings).toBe(0);
    expect(cgmOnly.bp).toBeNull();
    expect(cgmOnly.asthma).toBeNull();
    const all = preparePortalView({
      ...base,
      glucose: [{ t: NOW - 60_000, v: 100 }],
      bp: [{ t: NOW - 60_000, sys: 120, dia: 80, pulse: 70 }],
      devices: [device("home_air_sensor")],
    });
    expect(all.programs).toEqual(["diabetes", "hypertension", "asthma"]);
    expect(all.glucose?.current?.value).toBe(100);
  });

  it("lists open alerts unacknowledged first, then the newest, each with what to do", () => {
    const v = preparePortalView({
      ...base,
      alerts: [
        alert("a1", "glucose.low", "acknowledged", "2026-12-03T14:00:00.000Z"),
        alert("a2", "glucose.urgent_low", "active", "2026-12-03T13:00:00.000Z"),
        alert("a3", "tech.battery", "active", "2026-12-03T14:30:00.000Z"),
      ],
    });
    expect(v.alerts.map((a) => a.id)).toEqual(["a3", "a2", "a1"]);
    expect(v.alerts[1]!.advice.title).toBe("Urgent low glucose");
    expect(v.alerts[1]!.advice.whatToDo).toMatch(/^Take 15 g of fast-acting sugar now/);
  });

  it("has plain-language advice for every alert a home patient can get, and a safe default", () => {
    expect(adviceFor("bp_sys.critical_high").whatToDo).toMatch(/call emergency services/);
    expect(adviceFor("inhaler.rescue_overuse").title).toBe("Frequent rescue inhaler use");
    expect(adviceFor("tech.offline").title).toBe("A device stopped sending");
    expect(adviceFor("tech.something_new").title).toBe("Device problem");
    expect(adviceFor("unknown.rule").whatToDo).toMatch(/Contact your care team/);
  });
});

import { describe, expect, it } from "vitest";
import { alertView, iso, T0 } from "@/test/support/test-alerts";
import { alarmsByPatient, orderBedsWithAlarms, type AlarmOrderKey } from "./ward-alarms";

describe("alarmsByPatient", () => {
  it("picks the highest priority, unacknowledged before acknowledged, then the oldest; counts open ones", () => {
    const m = alarmsByPatient([
      alertView("m", { priority: "medium" }),
      alertView("h-ack", { priority: "high", state: "acknowledged", raisedAt: iso(T0 - 5_000) }),
      alertView("h-new", { priority: "high", raisedAt: iso(T0) }),
      alertView("h-old-resolved", { priority: "high", state: "resolved", raisedAt: iso(T0 - 9_000) }),
      alertView("other", { patientId: "p2", priority: "technical" }),
      alertView("no-patient", { patientId: null, priority: "high" }),
    ]);
    expect(m.get("p1")).toEqual({ top: expect.objectContaining({ id: "h-new" }), open: 3 });
    expect(m.get("p2")?.top.id).toBe("other");
    expect(m.size).toBe(2);
  });
});

describe("orderBedsWithAlarms", () => {
  const bed = (label: string, news2: number | null, highAlarm = false, complete = news2 !== null): AlarmOrderKey => ({
    label,
    occupied: true,
    news2,
    complete,
    highAlarm,
  });
  const beds = [bed("1", 9), bed("2", 3, true), bed("3", null, true), bed("4", 5), { ...bed("5", null), occupied: false }];

  it("puts open high alarms first by acuity, NEWS2 order next", () => {
    expect(orderBedsWithAlarms(beds, "acuity").map((b) => b.label)).toEqual(["2", "3", "1", "4", "5"]);
  });
  it("leaves the bed order alone", () => {
    expect(orderBedsWithAlarms(beds, "bed").map((b) => b.label)).toEqual(["1", "2", "3", "4", "5"]);
  });
});

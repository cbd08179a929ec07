import { describe, expect, it } from "vitest";
import {
  alarmClass,
  badgeClass,
  escalationLabel,
  flashes,
  formatAlertValue,
  formatClock,
  isLatched,
  priorityTextClass,
  priorityTitle,
  rowBarColor,
  rowTone,
  silenceText,
} from "./presentation";
import { T0, alertView, iso } from "@/test/support/test-alerts";

describe("alarm presentation (IEC 60601-1-8)", () => {
  it("flashes high and medium while active, steady for low and INOP", () => {
    expect(alarmClass("high", "active")).toBe("alarm-high");
    expect(alarmClass("medium", "active")).toBe("alarm-medium");
    expect(alarmClass("low", "active")).toBe("alarm-low");
    expect(alarmClass("technical", "active")).toBe("alarm-inop");
    expect([flashes("high", "active"), flashes("medium", "active"), flashes("low", "active"), flashes("technical", "active")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it("stops flashing once acknowledged and drops the colour once resolved", () => {
    expect(alarmClass("high", "acknowledged")).toBe("alarm-high alarm-steady");
    expect(flashes("high", "acknowledged")).toBe(false);
    expect(alarmClass("high", "resolved")).toBe("alarm-none");
  });
  it("uses red, yellow and cyan chips", () => {
    expect([badgeClass("high"), badgeClass("medium"), badgeClass("low"), badgeClass("technical")]).toEqual([
      "badge-high",
      "badge-medium",
      "badge-inop",
      "badge-inop",
    ]);
    expect([priorityTextClass("high"), priorityTextClass("medium"), priorityTextClass("technical")]).toEqual([
      "text-alarm-high",
      "text-alarm-medium",
      "text-alarm-low",
    ]);
    expect(priorityTitle("high")).toBe("High priority (red, fast flashing)");
    expect(priorityTitle("technical")).toBe("Technical (INOP) priority (cyan, steady)");
  });
});

describe("alert wording", () => {
  it("formats the value with the metric's unit", () => {
    expect(formatAlertValue("spo2.low", 84)).toBe("SpO₂ 84 %");
    expect(formatAlertValue("temp.high", 39.34)).toBe("Temp 39.3 °C");
    expect(formatAlertValue("env.excursion", 11.24)).toBe("Env. temp 11.2 °C");
    expect(formatAlertValue("news2.high", 8)).toBe("NEWS2 8");
    expect(formatAlertValue("tech.offline", null)).toBe("—");
    expect(formatAlertValue("tech.battery", 12.345)).toBe("12.35");
  });
  it("names escalation levels", () => {
    expect([0, 1, 2, 5].map((l) => escalationLabel(l))).toEqual(["Ward nurses", "Charge nurse", "Physician on call", "Physician on call"]);
    expect([0, 1, 2].map((l) => escalationLabel(l, { patientId: "p1", wardId: null }))).toEqual([
      "Patient and care team",
      "Care team",
      "Care team",
    ]);
    expect(escalationLabel(1, { patientId: "p1", wardId: "w1" })).toBe("Charge nurse");
    expect([0, 1, 2].map((l) => escalationLabel(l, { patientId: null }))).toEqual([
      "Biomedical engineering",
      "Administrators",
      "Administrators",
    ]);
    expect(escalationLabel(0, { patientId: "p1" })).toBe("Ward nurses");
  });
  it("shows the silence only while it lasts", () => {
    const a = alertView("a", { silencedUntil: iso(T0 + 60_000), silenceReason: "turning patient" });
    expect(silenceText(a, T0)).toMatch(/^Silenced until \d\d:\d\d \(turning patient\)$/);
    expect(silenceText(a, T0 + 61_000)).toBeNull();
    expect(silenceText(alertView("b"), T0)).toBeNull();
  });
  it("shows clock times, with the date on another day, and nothing before hydration", () => {
    expect(formatClock(iso(T0), T0)).toMatch(/^\d\d:\d\d$/);
    expect(formatClock(iso(T0), T0 + 3 * 86_400_000)).toMatch(/^\d\d:\d\d, \d+ Nov$/);
    expect(formatClock(iso(T0), 0)).toBe("");
  });
  it("marks a latched alarm: cleared but not acknowledged", () => {
    expect(isLatched(alertView("a", { conditionActive: false }))).toBe(true);
    expect(isLatched(alertView("a", { conditionActive: false, state: "acknowledged" }))).toBe(false);
    expect(isLatched(alertView("a"))).toBe(false);
  });
  it("sets acknowledged rows apart from unacknowledged ones in style and in words", () => {
    expect(rowTone("active")).toEqual({ className: "alert-row-unacked", marker: null });
    expect(rowTone("acknowledged")).toEqual({ className: "alert-row-acked", marker: "✓ ACK" });
    expect(rowTone("resolved").marker).toBeNull();
    expect(alarmClass("low", "acknowledged")).toContain("alarm-steady"); // dashed, unfilled (globals.css)
    expect(alarmClass("low", "active")).not.toContain("alarm-steady");
    expect(rowBarColor("high")).toBe("var(--color-alarm-high)");
    expect(rowBarColor("technical")).toBe("var(--color-alarm-low)");
  });
});

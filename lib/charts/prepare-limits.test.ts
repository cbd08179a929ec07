import { describe, expect, it } from "vitest";
import { effectiveLimits, type LimitCode } from "@/lib/alerts/alarm-limits";
import { alarmMarkers, chartForRule, labelOffsets, limitDomainRows, limitLines, type LimitView, type MarkerAlert } from "./prepare-limits";
import { yDomain } from "./prepare-trend";

const view = (code: LimitCode, patient?: { low: number | null; high: number | null }, spo2Scale: 1 | 2 = 1): LimitView => ({
  code,
  reason: null,
  ...effectiveLimits(code, { spo2Scale, patient }),
});
const ALL: LimitView[] = (["heart_rate", "spo2", "resp_rate", "bp_sys", "bp_dia", "temp", "glucose"] as const).map((c) => view(c));

describe("limitLines", () => {
  it("draws the pulse low and high limits (yellow: medium priority) and the critical ones (red)", () => {
    const lines = limitLines("heart_rate", ALL);
    expect(lines.map((l) => [l.label, l.critical, l.color])).toEqual([
      ["Low 50", false, "var(--color-alarm-medium)"],
      ["High 120", false, "var(--color-alarm-medium)"],
      ["Crit lo 40", true, "var(--color-alarm-high)"],
      ["Crit hi 150", true, "var(--color-alarm-high)"],
    ]);
  });

  it("puts systolic and diastolic limits on the BP chart, named by line", () => {
    expect(limitLines("bp", ALL).map((l) => l.label)).toEqual([
      "Sys low 90",
      "Sys high 180",
      "Dia high 110",
      "Sys crit lo 70",
      "Sys crit hi 220",
    ]);
  });

  it("colours temperature limits cyan (low priority) and marks a patient override with *", () => {
    const lines = limitLines("temp", [view("temp", { low: 35, high: null })]);
    expect(lines.map((l) => [l.label, l.color, l.patientOverride])).toEqual([
      ["Low 35*", "var(--color-alarm-low)", true],
      ["High 39", "var(--color-alarm-low)", false],
    ]);
  });

  it("uses scale 2 SpO2 limits and omits a critical limit that coincides with the plain one", () => {
    expect(limitLines("spo2", [view("spo2", undefined, 2)]).map((l) => l.label)).toEqual(["Low 86", "Crit lo 80"]);
    // A low limit moved below the critical one takes it down with it: one line, not two.
    expect(limitLines("spo2", [view("spo2", { low: 82, high: null })]).map((l) => l.label)).toEqual(["Low 82*"]);
  });

  it("keeps the plain limits in view of the axis, not the critical ones", () => {
    const lines = limitLines("resp_rate", [view("resp_rate", { low: 6, high: 36 })]);
    expect(limitDomainRows(lines)).toEqual([
      { t: 0, resp_rate: 6 },
      { t: 0, resp_rate: 36 },
    ]);
    expect(yDomain("resp_rate", limitDomainRows(lines), ["resp_rate"])).toEqual([0, 40]);
  });

  it("ignores codes it does not know", () => {
    expect(limitLines("heart_rate", [{ ...view("heart_rate"), code: "nonsense" }])).toEqual([]);
  });
});

describe("chartForRule", () => {
  it("maps rule names to charts", () => {
    expect(chartForRule("spo2.low")).toBe("spo2");
    expect(chartForRule("spo2.desat")).toBe("spo2");
    expect(chartForRule("heart_rate.critical_high")).toBe("heart_rate");
    expect(chartForRule("bp_dia.high")).toBe("bp");
    expect(chartForRule("news2.medium")).toBe("news2");
    expect(chartForRule("glucose.urgent_low")).toBe("glucose");
    expect(chartForRule("glucose.fast_fall")).toBe("glucose");
    expect(chartForRule("tech.artifact.spo2")).toBe("spo2");
    expect(chartForRule("tech.offline")).toBeNull();
    expect(chartForRule("tech.battery")).toBeNull();
  });
});

describe("alarmMarkers", () => {
  const T0 = Date.parse("2026-11-23T18:00:00.000Z");
  const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
  const alert = (
    id: string,
    rule: string,
    min: number,
    value: number | null,
    priority: MarkerAlert["priority"] = "medium",
  ): MarkerAlert => ({
    id,
    rule,
    priority,
    raisedAt: at(min),
    value,
    message: `${rule} message`,
  });
  const fmt = () => "18:00";

  it("places markers at the alarm's value on its chart, oldest first, inside the time window", () => {
    const alerts = [
      alert("b", "spo2.desat", 20, 82, "high"),
      alert("a", "spo2.low", 10, 88),
      alert("c", "heart_rate.high", 15, 130),
      alert("d", "spo2.low", -10, 88),
    ];
    const markers = alarmMarkers(alerts, "spo2", [T0, T0 + 3_600_000], [80, 100], fmt);
    expect(markers.map((m) => [m.id, m.y, m.atValue, m.color])).toEqual([
      ["a", 88, true, "var(--color-alarm-medium)"],
      ["b", 82, true, "var(--color-alarm-high)"],
    ]);
    expect(markers[0]?.title).toBe("18:00 spo2.low message");
  });

  it("holds a value beyond the axis at its edge and puts valueless alarms at the top", () => {
    const markers = alarmMarkers(
      [alert("a", "news2.high", 5, null, "high"), alert("b", "news2.medium", 6, 25)],
      "news2",
      [T0, T0 + 3_600_000],
      [0, 20],
      fmt,
    );
    expect(markers.map((m) => [m.y, m.atValue])).toEqual([
      [20, false],
      [20, false],
    ]);
  });

  it("does not read a fast-fall slope as a glucose level", () => {
    const [m] = alarmMarkers([alert("a", "glucose.fast_fall", 5, -3.4)], "glucose", [T0, T0 + 3_600_000], [0, 350], fmt);
    expect(m).toMatchObject({ y: 350, atValue: false });
  });
});

describe("labelOffsets", () => {
  it("leaves labels far apart where they are", () => {
    expect(labelOffsets([120, 50], [40, 140], 100)).toEqual([0, 0]);
  });

  it("nudges close labels apart (low 70 above, critical low 54 below) and keeps them inside the plot", () => {
    // 0–350 over 140 px: 70 → 112 px, 54 → 118.4 px: 6.4 px apart, 11 needed.
    const [a, b] = labelOffsets([70, 54], [0, 350], 140);
    expect(a).toBeCloseTo(0);
    expect(b).toBeCloseTo(4.6);
    // At the bottom edge the stack moves up instead.
    const [c, d] = labelOffsets([1, 0], [0, 100], 100);
    expect(d).toBeCloseTo(0);
    expect(c).toBeCloseTo(-10);
  });

  it("ignores lines outside the axis", () => {
    expect(labelOffsets([150, 120], [40, 140], 100)).toEqual([0, 0]);
  });
});

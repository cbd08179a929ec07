import { describe, expect, it } from "vitest";
import { assessTriageRisk, sortByRisk, type TriageMetrics } from "./triage-risk";

const quiet: TriageMetrics = {
  glucose: { readings: 0, below70: 0, below54: 0 },
  bp: { readings: 0, avgSys: null, avgDia: null, maxSys: null, maxDia: null },
  inhaler: null,
  gaps: [],
};
const codes = (m: Partial<TriageMetrics>) => assessTriageRisk({ ...quiet, ...m }).flags.map((f) => f.code);

describe("triage risk (product.md targets)", () => {
  it("flags nothing without data or within every target", () => {
    expect(assessTriageRisk(quiet)).toEqual({ flags: [], score: 0, below70Pct: null, below54Pct: null });
    expect(
      codes({
        glucose: { readings: 4032, below70: 120, below54: 30 }, // 3.0% and 0.7%
        bp: { readings: 14, avgSys: 128, avgDia: 80, maxSys: 150, maxDia: 95 },
      }),
    ).toEqual([]);
  });

  it("CGM: below 70 at 4% or more is medium, below 54 at 1% or more is high", () => {
    expect(codes({ glucose: { readings: 1000, below70: 39, below54: 9 } })).toEqual([]);
    expect(codes({ glucose: { readings: 1000, below70: 40, below54: 9 } })).toEqual(["glucose_below_70"]);
    const r = assessTriageRisk({ ...quiet, glucose: { readings: 1000, below70: 60, below54: 10 } });
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([
      ["glucose_below_54", "high"],
      ["glucose_below_70", "medium"],
    ]);
    expect(r.below70Pct).toBe(6);
    expect(r.below54Pct).toBe(1);
    expect(r.score).toBe(110);
  });

  it("home BP: a 7-day average of 135/85 or more, and a crisis reading of 180/120 or more", () => {
    const bp = (avgSys: number, avgDia: number, maxSys: number, maxDia: number) => ({ readings: 7, avgSys, avgDia, maxSys, maxDia });
    expect(codes({ bp: bp(134.9, 84.9, 179, 119) })).toEqual([]);
    expect(codes({ bp: bp(135, 80, 150, 90) })).toEqual(["bp_above_target"]);
    expect(codes({ bp: bp(130, 85, 150, 90) })).toEqual(["bp_above_target"]);
    expect(codes({ bp: bp(130, 80, 180, 90) })).toEqual(["bp_crisis"]);
    expect(codes({ bp: bp(130, 80, 170, 120) })).toEqual(["bp_crisis"]);
  });

  it("asthma: rescue use rising, on more than 2 days a week, controller adherence under 80%", () => {
    const inh = (rescueThisWeek: number, rescueLastWeek: number, rescueDaysThisWeek: number, controllerAdherencePct: number | null) => ({
      rescueThisWeek,
      rescueLastWeek,
      rescueDaysThisWeek,
      controllerAdherencePct,
    });
    expect(codes({ inhaler: inh(2, 2, 2, 80) })).toEqual([]);
    expect(codes({ inhaler: inh(6, 2, 3, 79) })).toEqual(["rescue_rising", "rescue_days", "controller_adherence"]);
  });

  it("a silent device is a data gap (low)", () => {
    const r = assessTriageRisk({ ...quiet, gaps: [{ deviceId: "cgm-1", type: "cgm", lastSeenAt: null }] });
    expect(r.flags).toEqual([{ code: "data_gap", severity: "low", text: "cgm cgm-1 silent since it was paired" }]);
    expect(r.score).toBe(1);
  });

  it("sorts sickest first, then by name", () => {
    const row = (name: string, score: number) => ({ name, risk: { score } });
    expect(sortByRisk([row("b", 1), row("c", 100), row("a", 1), row("d", 10)]).map((r) => r.name)).toEqual(["c", "d", "a", "b"]);
  });
});

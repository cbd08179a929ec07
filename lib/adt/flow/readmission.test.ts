import { describe, expect, it } from "vitest";
import { readmissionRate } from "./readmission";
import { ENCOUNTERS, T0, h, window } from "./flow-fixture";

const day = (d: number) => new Date(T0 + d * 86_400_000);

describe("readmissionRate", () => {
  it("counts index discharges readmitted within 30 days over index discharges, leaving out deaths", () => {
    // Index: e1 (52h, readmitted as e4 five days later) and e4 (200h, not readmitted); e2 died.
    const kpi = readmissionRate(ENCOUNTERS, window(0, 240), { asOf: day(60) });
    expect(kpi).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, pendingFollowUp: 0, unit: "ratio" });
    expect(kpi.rows).toEqual({ numerator: ["e1"], denominator: ["e1", "e4"] });
    expect(kpi.definition).toMatch(/30 days/);
    expect(kpi.definition).toMatch(/not by death/);
  });

  it("leaves out discharges whose follow-up has not ended yet, and says how many", () => {
    // At day 35, e1's 30 days (to day 32.2) are over, e4's (to day 38.3) are not.
    expect(readmissionRate(ENCOUNTERS, window(0, 240), { asOf: day(35) })).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
      pendingFollowUp: 1,
    });
  });

  it("uses the given horizon", () => {
    // A 3-day horizon: e1's readmission came after 5 days.
    expect(readmissionRate(ENCOUNTERS, window(0, 240), { asOf: day(60), days: 3 })).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 2,
    });
  });

  it("scopes to the ward left (the readmission may be anywhere)", () => {
    expect(readmissionRate(ENCOUNTERS, window(0, 240), { asOf: day(60), wardId: "ICU" })).toMatchObject({ value: 1, denominator: 1 });
    expect(readmissionRate(ENCOUNTERS, window(0, 240), { asOf: day(60), wardId: "W4" })).toMatchObject({ value: 0, denominator: 1 });
  });

  it("does not count an admission before the discharge, nor the encounter itself", () => {
    const overlapping = [
      { encounterId: "a", patientId: "x", wardId: "W4", admittedAt: h(0), transfers: [], dischargedAt: h(0) },
      { encounterId: "b", patientId: "x", wardId: "W4", admittedAt: h(-5), transfers: [], dischargedAt: h(-1) },
    ];
    expect(readmissionRate(overlapping, window(-10, 10), { asOf: day(60) })).toMatchObject({
      numerator: 1,
      denominator: 2,
      rows: { numerator: ["b"] },
    });
  });

  it("is null with no index discharge", () => {
    expect(readmissionRate(ENCOUNTERS, window(0, 10), { asOf: day(60) }).value).toBeNull();
  });
});

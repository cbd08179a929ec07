import { describe, expect, it } from "vitest";
import { waitsNow } from "./waiting-now";
import { ENCOUNTERS, h } from "./flow-fixture";

describe("waitsNow", () => {
  it("finds who waits at each stage now and names the longest", () => {
    // At 51h: e5 waits for a bed since its decision at 29h (1320 min); e1 waits to leave since 50h (60 min).
    const now = waitsNow(ENCOUNTERS, h(51));
    expect(now.stages).toEqual([
      { stage: "awaiting-bed", label: "decision to admit → bed", waiting: 1, medianMinutes: 1320, longestMinutes: 1320, ids: ["e5"] },
      { stage: "awaiting-discharge", label: "discharge ordered → left", waiting: 1, medianMinutes: 60, longestMinutes: 60, ids: ["e1"] },
      { stage: "bed-cleaning", label: "bed vacated → cleaned", waiting: 0, medianMinutes: null, longestMinutes: null, ids: [] },
    ]);
    expect(now.longest).toBe("awaiting-bed");
  });

  it("counts beds waiting to be cleaned when turnarounds are given", () => {
    const bedTurnarounds = [
      { bedId: "W4-B", wardId: "W4", vacatedAt: h(26) }, // 1500 min at 51h
      { bedId: "W4-C", wardId: "W4", vacatedAt: h(20), cleanedAt: h(21) }, // done
      { bedId: "ICU-2", wardId: "ICU", vacatedAt: h(52) }, // later
    ];
    const now = waitsNow(ENCOUNTERS, h(51), { bedTurnarounds });
    expect(now.stages[2]).toMatchObject({ stage: "bed-cleaning", waiting: 1, medianMinutes: 1500, ids: ["W4-B"] });
    expect(now.longest).toBe("bed-cleaning");
  });

  it("scopes to a ward (awaiting bed by the ward admitted to, awaiting discharge by the ward they are on)", () => {
    const icu = waitsNow(ENCOUNTERS, h(51), { wardId: "ICU" });
    expect(icu.stages.map((s) => s.waiting)).toEqual([0, 1, 0]);
    expect(icu.longest).toBe("awaiting-discharge");
  });

  it("counts a patient waiting before the admission is even recorded, and nobody once they have a bed", () => {
    expect(waitsNow(ENCOUNTERS, h(0.5)).stages[0]).toMatchObject({ waiting: 1, ids: ["e1"], medianMinutes: 30 });
    expect(waitsNow(ENCOUNTERS, h(12)).longest).toBeNull();
  });

  it("ranks by median, so one very long wait does not hide a stage where most wait longer", () => {
    const many = [
      { encounterId: "a", patientId: "a", wardId: "W4", admitDecidedAt: h(0), admittedAt: h(0), transfers: [] },
      { encounterId: "b", patientId: "b", wardId: "W4", admittedAt: h(0), bedAssignedAt: h(0), transfers: [], dischargeOrderedAt: h(5) },
      { encounterId: "c", patientId: "c", wardId: "W4", admittedAt: h(0), bedAssignedAt: h(0), transfers: [], dischargeOrderedAt: h(6) },
      { encounterId: "d", patientId: "d", wardId: "W4", admittedAt: h(0), bedAssignedAt: h(0), transfers: [], dischargeOrderedAt: h(7) },
    ];
    // awaiting-bed: 1 patient, 10 h; awaiting-discharge: 5, 4, 3 h → median 4 h.
    expect(waitsNow(many, h(10)).longest).toBe("awaiting-bed");
    expect(waitsNow(many, h(10)).stages[1]).toMatchObject({ waiting: 3, medianMinutes: 240, longestMinutes: 300, ids: ["b", "c", "d"] });
  });
});

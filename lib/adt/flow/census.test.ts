import { describe, expect, it } from "vitest";
import { censusAt, movementsIn } from "./census";
import { ENCOUNTERS, h, window } from "./flow-fixture";

describe("censusAt", () => {
  it("counts patients in a bed per ward, and those admitted but without a bed", () => {
    expect(censusAt(ENCOUNTERS, h(24))).toEqual([
      { wardId: "W4", inBed: 2, awaitingBed: 0, encounterIds: ["e1", "e2"] },
      { wardId: "ICU", inBed: 1, awaitingBed: 0, encounterIds: ["e3"] },
    ]);
    // After e2 left, e1 moved to ICU, and e5 was admitted without a bed.
    expect(censusAt(ENCOUNTERS, h(31))).toEqual([
      { wardId: "ICU", inBed: 2, awaitingBed: 0, encounterIds: ["e1", "e3"] },
      { wardId: "W4", inBed: 0, awaitingBed: 1, encounterIds: ["e5"] },
    ]);
  });

  it("counts e1 on W4 before its bed (1h–3h) as awaiting, and lists wards with nobody", () => {
    expect(censusAt(ENCOUNTERS, h(1.5), ["W4", "ICU", "W5"])).toEqual([
      { wardId: "W4", inBed: 0, awaitingBed: 1, encounterIds: ["e1"] },
      { wardId: "ICU", inBed: 0, awaitingBed: 0, encounterIds: [] },
      { wardId: "W5", inBed: 0, awaitingBed: 0, encounterIds: [] },
    ]);
  });

  it("uses half-open stays: a patient leaving at t is not counted at t", () => {
    const at26 = censusAt(ENCOUNTERS, h(26));
    expect(at26.find((w) => w.wardId === "W4")?.encounterIds).toEqual(["e1"]);
    const at27 = censusAt(ENCOUNTERS, h(27));
    expect(at27.find((w) => w.wardId === "ICU")?.encounterIds).toEqual(["e1", "e3"]);
  });
});

describe("movementsIn", () => {
  it("counts admissions, discharges and transfers in a day", () => {
    expect(movementsIn(ENCOUNTERS, window(0, 24))).toEqual({
      admissions: 3,
      discharges: 0,
      byWard: [
        { wardId: "W4", admissions: 2, discharges: 0, transfersIn: 0, transfersOut: 0 },
        { wardId: "ICU", admissions: 1, discharges: 0, transfersIn: 0, transfersOut: 0 },
      ],
    });
    expect(movementsIn(ENCOUNTERS, window(24, 48), ["ICU", "W4"])).toEqual({
      admissions: 1,
      discharges: 1,
      byWard: [
        { wardId: "ICU", admissions: 0, discharges: 0, transfersIn: 1, transfersOut: 0 },
        { wardId: "W4", admissions: 1, discharges: 1, transfersIn: 0, transfersOut: 1 },
      ],
    });
  });

  it("counts a discharge on the ward left, not the ward admitted to", () => {
    const day3 = movementsIn(ENCOUNTERS, window(48, 72));
    expect(day3.byWard).toEqual([{ wardId: "ICU", admissions: 0, discharges: 1, transfersIn: 0, transfersOut: 0 }]);
  });
});

import { describe, expect, it } from "vitest";
import { averageLengthOfStay, lengthOfStayByWard } from "./length-of-stay";
import { ENCOUNTERS, window } from "./flow-fixture";

describe("lengthOfStayByWard", () => {
  it("measures time on each ward for stays that ended in the window", () => {
    // W4: e1 1h–27h (26 h), e2 2h–26h (24 h), e4 172h–200h (28 h); ICU: e1 27h–52h (25 h). e3, e5 still in.
    expect(lengthOfStayByWard(ENCOUNTERS, window(0, 240))).toEqual([
      { wardId: "W4", stays: 3, meanHours: 26, medianHours: 26, p90Hours: 27.6, encounterIds: ["e1", "e2", "e4"] },
      { wardId: "ICU", stays: 1, meanHours: 25, medianHours: 25, p90Hours: 25, encounterIds: ["e1"] },
    ]);
  });

  it("leaves out stays that ended outside the window and keeps listed wards with none", () => {
    expect(lengthOfStayByWard(ENCOUNTERS, window(0, 26.5), ["ICU"])).toEqual([
      { wardId: "ICU", stays: 0, meanHours: null, medianHours: null, p90Hours: null, encounterIds: [] },
      { wardId: "W4", stays: 1, meanHours: 24, medianHours: 24, p90Hours: 24, encounterIds: ["e2"] },
    ]);
  });
});

describe("averageLengthOfStay", () => {
  it("averages whole encounters discharged in the period, in days", () => {
    // e1 51 h, e2 24 h, e4 28 h = 103 h = 4.2917 days over 3 discharges.
    const kpi = averageLengthOfStay(ENCOUNTERS, window(0, 240));
    expect(kpi.denominator).toBe(3);
    expect(kpi.numerator).toBeCloseTo(103 / 24, 10);
    expect(kpi.value).toBeCloseTo(103 / 24 / 3, 10);
    expect(kpi.unit).toBe("days");
    expect(kpi.definition).toMatch(/discharged in the period/);
    expect(kpi.rows?.denominator).toEqual(["e1", "e2", "e4"]);
  });

  it("scopes to the ward the patient left from", () => {
    const w4 = averageLengthOfStay(ENCOUNTERS, window(0, 240), { wardId: "W4" }); // e2 24 h, e4 28 h
    expect(w4).toMatchObject({ numerator: expect.closeTo(52 / 24, 10), denominator: 2, value: expect.closeTo(26 / 24, 10) });
    const icu = averageLengthOfStay(ENCOUNTERS, window(0, 240), { wardId: "ICU" }); // e1 51 h
    expect(icu).toMatchObject({ denominator: 1, value: expect.closeTo(51 / 24, 10) });
  });

  it("is null, not zero, with no discharges", () => {
    expect(averageLengthOfStay(ENCOUNTERS, window(0, 10))).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { bedOccupancy, occupiedBedHours } from "./occupancy";
import { ENCOUNTERS, WARD_BEDS, h, window } from "./flow-fixture";
import { FlowInputError } from "./flow-types";

describe("bedOccupancy", () => {
  it("divides occupied bed-hours by beds × hours", () => {
    // Day 1: e1 W4 3h–24h (21), e2 W4 2h–24h (22), e3 ICU 10h–24h (14) = 57 of 6 beds × 24 h = 144.
    const kpi = bedOccupancy(ENCOUNTERS, window(0, 24), WARD_BEDS);
    expect(kpi).toMatchObject({ numerator: 57, denominator: 144, unit: "ratio" });
    expect(kpi.value).toBeCloseTo(57 / 144, 12);
    expect(kpi.rows?.numerator).toEqual(["e1", "e2", "e3"]);
  });

  it("scopes to a ward, follows transfers and leaves out patients without a bed", () => {
    // Day 2 on ICU: e1 from 27h (21 h), e3 all day (24 h) = 45 of 2 × 24.
    expect(bedOccupancy(ENCOUNTERS, window(24, 48), WARD_BEDS, { wardId: "ICU" })).toMatchObject({ numerator: 45, denominator: 48 });
    // Day 2 on W4: e1 until 27h (3 h), e2 until 26h (2 h); e5 has no bed.
    expect(occupiedBedHours(ENCOUNTERS, window(24, 48), "W4")).toEqual({ hours: 5, encounterIds: ["e1", "e2"] });
  });

  it("counts a patient still in up to the end of the window", () => {
    expect(occupiedBedHours(ENCOUNTERS, window(1000, 1010), "ICU").hours).toBe(10); // e3 never left
  });

  it("is null without beds, and refuses bad bed counts and windows", () => {
    expect(bedOccupancy(ENCOUNTERS, window(0, 24), [], {}).value).toBeNull();
    expect(() => bedOccupancy(ENCOUNTERS, window(0, 24), [{ wardId: "W4", beds: -1 }])).toThrow(FlowInputError);
    expect(() => bedOccupancy(ENCOUNTERS, window(0, 24), [{ wardId: "W4", beds: 1.5 }])).toThrow(/wardBeds\[0\]\.beds/);
    expect(() => bedOccupancy(ENCOUNTERS, { from: h(5), to: h(5) }, WARD_BEDS)).toThrow(/window/);
  });
});

import { describe, expect, it } from "vitest";
import { admitDecisionToBed, dischargeOrderToDeparture } from "./waits";
import { ENCOUNTERS, h, window } from "./flow-fixture";

describe("admitDecisionToBed", () => {
  it("gives p50/p90 over beds assigned in the period with a known decision time", () => {
    // Bedded in window: e1 (0h→3h: 180 min), e2 (no decision), e3 (4h→10h: 360 min), e4 (no decision).
    const kpi = admitDecisionToBed(ENCOUNTERS, window(0, 240));
    expect(kpi.value.p50).toBeCloseTo(270, 10);
    expect(kpi.value.p90).toBeCloseTo(342, 10);
    expect(kpi).toMatchObject({ numerator: 2, denominator: 4, unit: "minutes" });
    expect(kpi.rows).toEqual({ numerator: ["e1", "e3"], denominator: ["e1", "e2", "e3", "e4"] });
  });

  it("scopes to the ward admitted to, and leaves out negative intervals", () => {
    expect(admitDecisionToBed(ENCOUNTERS, window(0, 240), { wardId: "ICU" }).value).toEqual({ p50: 360, p90: 360 });
    const clockError = [{ ...ENCOUNTERS[0]!, admitDecidedAt: h(5) }];
    expect(admitDecisionToBed(clockError, window(0, 240))).toMatchObject({ value: { p50: null, p90: null }, numerator: 0, denominator: 1 });
  });
});

describe("dischargeOrderToDeparture", () => {
  it("gives p50/p90 over discharges in the period with a known order time", () => {
    // e1 50h→52h: 120 min; e2 20h→26h: 360 min; e4 no order.
    const kpi = dischargeOrderToDeparture(ENCOUNTERS, window(0, 240));
    expect(kpi.value.p50).toBeCloseTo(240, 10);
    expect(kpi.value.p90).toBeCloseTo(336, 10);
    expect(kpi).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it("scopes to the ward left", () => {
    expect(dischargeOrderToDeparture(ENCOUNTERS, window(0, 240), { wardId: "ICU" })).toMatchObject({
      value: { p50: 120, p90: 120 },
      numerator: 1,
      denominator: 1,
    });
    expect(dischargeOrderToDeparture(ENCOUNTERS, window(0, 240), { wardId: "W4" })).toMatchObject({
      value: { p50: 360 },
      numerator: 1,
      denominator: 2,
    });
  });
});

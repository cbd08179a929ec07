import { describe, expect, it } from "vitest";
import { deviceUptime } from "./uptime";
import { h, window } from "./flow-fixture";

describe("deviceUptime", () => {
  it("merges overlapping online intervals and clips to the window and time in service", () => {
    const kpi = deviceUptime(
      [
        { deviceId: "A", online: [window(0, 4), window(3, 6)] }, // 6 h of 10
        { deviceId: "B", online: [window(4, 7)], inService: window(5, 20) }, // 2 h of 5
        { deviceId: "C", online: [] }, // 0 of 10
        { deviceId: "D", online: [window(-5, 2)], inService: window(-10, -1) }, // not in service in the window
      ],
      window(0, 10),
    );
    expect(kpi).toMatchObject({ numerator: 8, denominator: 25, unit: "ratio" });
    expect(kpi.value).toBeCloseTo(0.32, 12);
    expect(kpi.byDevice).toEqual([
      { deviceId: "A", onlineHours: 6, expectedHours: 10, ratio: 0.6 },
      { deviceId: "B", onlineHours: 2, expectedHours: 5, ratio: 0.4 },
      { deviceId: "C", onlineHours: 0, expectedHours: 10, ratio: 0 },
      { deviceId: "D", onlineHours: 0, expectedHours: 0, ratio: null },
    ]);
    expect(kpi.rows).toEqual({ numerator: ["A", "B"], denominator: ["A", "B", "C"] });
  });

  it("handles touching and nested intervals", () => {
    expect(
      deviceUptime([{ deviceId: "A", online: [window(0, 2), window(2, 4), window(1, 3), window(5, 6)] }], window(0, 10)).numerator,
    ).toBe(5);
  });

  it("refuses an interval that ends before it starts, naming it", () => {
    expect(() => deviceUptime([{ deviceId: "A", online: [{ from: h(3), to: h(1) }] }], window(0, 10))).toThrow(/devices\[0\]\.online\[0\]/);
    expect(() => deviceUptime([], window(3, 1))).toThrow(/window/);
  });
});

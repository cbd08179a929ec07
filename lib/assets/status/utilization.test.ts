import { describe, expect, it } from "vitest";
import { coveredMs, utilizationByClass, utilizationTrend, type AssetUsage } from "./utilization";

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 1);

describe("utilization", () => {
  it("counts overlapping uses once and clips them to the window", () => {
    expect(
      coveredMs(
        [
          { from: 0, to: 10 },
          { from: 5, to: 15 },
          { from: 20, to: 30 },
        ],
        0,
        100,
      ),
    ).toBe(25);
    expect(
      coveredMs(
        [
          { from: -50, to: 10 },
          { from: 90, to: null },
        ],
        0,
        100,
      ),
    ).toBe(20);
    expect(
      coveredMs(
        [
          { from: 0, to: 100 },
          { from: 10, to: 20 },
        ],
        0,
        100,
      ),
    ).toBe(100);
    expect(coveredMs([], 0, 100)).toBe(0);
  });

  it("is time in use over time owned per class, for the part of the period each asset was owned", () => {
    const assets: AssetUsage[] = [
      // Owned all 10 days, in use 5 days: 50 %.
      { id: "p1", class: "infusion_pump", owned: { from: T0 - 30 * D, to: null }, uses: [{ from: T0 + D, to: T0 + 6 * D }] },
      // Bought halfway (owned 5 days), in use since then with a use still running: 5 of 5 days.
      { id: "p2", class: "infusion_pump", owned: { from: T0 + 5 * D, to: null }, uses: [{ from: T0 + 5 * D, to: null }] },
      // Retired before the period: not counted.
      { id: "p3", class: "infusion_pump", owned: { from: T0 - 90 * D, to: T0 - 1 }, uses: [] },
      {
        id: "w1",
        class: "wheelchair",
        owned: { from: T0, to: null },
        uses: [
          { from: T0 + 2 * H, to: T0 + 4 * H },
          { from: T0 + 3 * H, to: T0 + 5 * H },
        ],
      },
      { id: "d1", class: "defibrillator", owned: { from: T0 + 20 * D, to: null }, uses: [] },
    ];
    expect(utilizationByClass(assets, { from: T0, to: T0 + 10 * D })).toEqual([
      { class: "defibrillator", assets: 0, ownedMs: 0, inUseMs: 0, utilization: null },
      { class: "infusion_pump", assets: 2, ownedMs: 15 * D, inUseMs: 10 * D, utilization: 10 / 15 },
      { class: "wheelchair", assets: 1, ownedMs: 10 * D, inUseMs: 3 * H, utilization: (3 * H) / (10 * D) },
    ]);
  });

  it("gives a trend per bucket", () => {
    const assets: AssetUsage[] = [
      { id: "p1", class: "infusion_pump", owned: { from: T0, to: null }, uses: [{ from: T0 + 12 * H, to: T0 + 36 * H }] },
    ];
    const trend = utilizationTrend(assets, { from: T0, to: T0 + 3 * D }, D);
    expect(trend.map((b) => b.classes[0]!.utilization)).toEqual([0.5, 0.5, 0]);
    expect(trend.map((b) => b.to - b.from)).toEqual([D, D, D]);
    expect(() => utilizationTrend(assets, { from: T0, to: T0 + D }, 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { formatLocateTime, prepareUtilization } from "./prepare-utilization";

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 10, 1);
const cu = (cls: string, utilization: number | null) => ({ class: cls, assets: 1, ownedMs: DAY, inUseMs: 0, utilization });

describe("utilization chart rows", () => {
  it("gives one row per day with each class in percent, null when none was owned", () => {
    const r = prepareUtilization([
      { from: D0, classes: [cu("wheelchair", 0.333), cu("infusion_pump", 0.5)] },
      { from: D0 + DAY, classes: [cu("wheelchair", null), cu("infusion_pump", 0.6667)] },
    ]);
    expect(r.classes).toEqual(["infusion_pump", "wheelchair"]);
    expect(r.rows).toEqual([
      { day: "2026-11-01", infusion_pump: 50, wheelchair: 33.3 },
      { day: "2026-11-02", infusion_pump: 66.7, wheelchair: null },
    ]);
  });
  it("formats time to locate", () => {
    expect(formatLocateTime(null)).toBe("–");
    expect(formatLocateTime(45_000)).toBe("45 s");
    expect(formatLocateTime(725_000)).toBe("12 min 5 s");
  });
});

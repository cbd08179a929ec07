import { describe, expect, it } from "vitest";
import { correlateTriggers, triggersOf, type DayExposure } from "./trigger-correlation";

const day = (i: number, maxPollen: number | null, meanPm25: number | null, rescueUses: number): DayExposure => ({
  day: `2026-11-${String(i).padStart(2, "0")}`,
  maxPollen,
  meanPm25,
  rescueUses,
});

describe("trigger correlation", () => {
  it("a trigger day has pollen ≥ 7.3 or PM2.5 mean above 35", () => {
    expect(triggersOf({ maxPollen: 7.3, meanPm25: 10 })).toEqual(["pollen"]);
    expect(triggersOf({ maxPollen: 7.2, meanPm25: 35 })).toEqual([]);
    expect(triggersOf({ maxPollen: 9, meanPm25: 35.1 })).toEqual(["pollen", "air"]);
    expect(triggersOf({ maxPollen: null, meanPm25: null })).toEqual([]);
  });

  it("rescue use on 6 of 7 trigger days vs 1 of 6 other days reads as worse on trigger days", () => {
    const days = [
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => day(i, 9, 10, i === 4 ? 0 : 1)),
      ...[8, 9, 10, 11, 12, 13].map((i) => day(i, 2, 12, i === 9 ? 2 : 0)),
      day(14, null, null, 3), // no environment data: not counted
    ];
    const c = correlateTriggers(days);
    expect(c).toMatchObject({
      triggerDays: 7,
      rescueOnTriggerDays: 6,
      otherDays: 6,
      rescueOnOtherDays: 1,
      verdict: "more_on_trigger_days",
    });
    expect(c.triggerShare).toBeCloseTo(6 / 7, 10);
    expect(c.otherShare).toBeCloseTo(1 / 6, 10);
    expect(c.message).toBe(
      "You used your rescue inhaler on 6 of 7 days with high pollen or poor air, and on 1 of 6 days without. High pollen or poor air seems to make your asthma worse.",
    );
  });

  it("a small difference is no clear link; too few days of either kind is not enough data", () => {
    const similar = correlateTriggers([day(1, 9, 10, 1), day(2, 9, 10, 0), day(3, 1, 10, 1), day(4, 1, 10, 0)]);
    expect(similar.verdict).toBe("no_clear_difference");
    expect(similar.message).toContain("1 of 2 days with high pollen or poor air, and on 1 of 2 days without");
    expect(correlateTriggers([day(1, 9, 10, 1), day(2, 1, 10, 0), day(3, 1, 10, 0)]).verdict).toBe("not_enough_data");
    expect(correlateTriggers([]).verdict).toBe("not_enough_data");
  });
});

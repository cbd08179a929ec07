import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-days";
import { controllerAdherence, prepareAsthmaView, type InhalerUse } from "./asthma-view";

const NOW = Date.UTC(2026, 11, 3, 15, 0);
const at = (daysAgo: number, hour: number) => Date.UTC(2026, 11, 3, hour, 0) - daysAgo * DAY_MS;
const controller = (t: number): InhalerUse => ({ t, role: "controller", puffs: 2 });
const rescue = (t: number, puffs = 1): InhalerUse => ({ t, role: "rescue", puffs });

describe("portal asthma view", () => {
  it("adherence: doses taken of 2 a day, an extra dose never making up a missed one", () => {
    const doses = new Map([
      ["2026-12-01", 2],
      ["2026-12-02", 3],
      ["2026-11-30", 1],
    ]);
    expect(controllerAdherence(doses, ["2026-11-30", "2026-12-01", "2026-12-02", "2026-11-29"])).toEqual({
      taken: 5,
      planned: 8,
      percent: 62.5,
    });
    expect(controllerAdherence(doses, [])).toBeNull();
  });

  it("7- and 14-day adherence over complete days, today's doses apart, rescue this week vs last", () => {
    const uses: InhalerUse[] = [];
    // Days 1..14 ago: both doses, except days 1, 2 and 3 (one dose each) and day 10 (none).
    for (let d = 1; d <= 14; d++) {
      if (d === 10) continue;
      uses.push(controller(at(d, 8)));
      if (d > 3) uses.push(controller(at(d, 20)));
    }
    uses.push(controller(at(0, 8))); // today
    // Rescue: this week on days 0, 1, 2 (1 + 2 + 1 puffs; day 2 twice); last week on day 9 only.
    uses.push(rescue(at(0, 9)), rescue(at(1, 11), 2), rescue(at(2, 10)), rescue(at(2, 18)), rescue(at(9, 12), 2));
    const v = prepareAsthmaView(uses, [], NOW, 0);
    expect(v.controllerToday).toBe(1);
    expect(v.adherence7).toEqual({ taken: 11, planned: 14, percent: (100 * 11) / 14 });
    expect(v.adherence14).toEqual({ taken: 23, planned: 28, percent: (100 * 23) / 28 });
    expect(v.rescueThisWeek).toEqual({ puffs: 5, uses: 4, days: 3 });
    expect(v.rescueLastWeek).toEqual({ puffs: 2, uses: 1, days: 1 });
    expect(v.rescueAboveLimit).toBe(true);
    expect(v.days).toHaveLength(14);
    expect(v.days.at(-1)).toMatchObject({ day: "2026-12-03", controllerDoses: 1, rescuePuffs: 1, rescueUses: 1, triggers: [] });
  });

  it("joins the environment per day and compares rescue days with trigger days", () => {
    const env = [
      { day: "2026-12-01", maxPollen: 9.1, meanPm25: 8 },
      { day: "2026-12-02", maxPollen: 8.2, meanPm25: 40 },
      { day: "2026-11-30", maxPollen: 2, meanPm25: 10 },
      { day: "2026-11-29", maxPollen: 1.5, meanPm25: 9 },
    ];
    const v = prepareAsthmaView([rescue(at(1, 10)), rescue(at(3, 10))], env, NOW, 0);
    expect(v.days.find((d) => d.day === "2026-12-02")).toMatchObject({
      maxPollen: 8.2,
      meanPm25: 40,
      triggers: ["pollen", "air"],
      rescueUses: 1,
    });
    expect(v.correlation).toMatchObject({ triggerDays: 2, rescueOnTriggerDays: 1, otherDays: 2, rescueOnOtherDays: 1 });
    expect(v.rescueAboveLimit).toBe(false);
  });
});

// The demo's home patients, as the portal reads them: the simulator's 14 days (lib/simulator/home-scenarios)
// through the portal's prepare functions tell the story the demo promises, for several device seeds.
import { describe, expect, it } from "vitest";
import { createHomeSource, type HomeScenario } from "@/lib/simulator/home-scenarios";
import { prepareAsthmaView, type EnvDay, type InhalerUse } from "./asthma-view";
import { prepareBpView } from "./bp-view";
import { prepareGlucoseView } from "./glucose-view";
import { dayKey } from "./local-days";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 16, 0);
// The devices were seeded (the story's anchor) 40 minutes ago.
const story = (scenario: HomeScenario, seed: number) =>
  createHomeSource({ scenario, seed, anchorMs: NOW - 40 * 60_000 }).readings(NOW - 14 * DAY, NOW);

describe.each([1, 7, 12345, 987654])("the simulated home patients read right in the portal (seed %i)", (seed) => {
  it("diabetes: below 54 mg/dL at night reaching 51, time in range over 70 %, the AGP's night-time 5th percentile lowest", () => {
    const points = story("cgm-diabetes", seed).map((r) => ({ t: r.ts, v: r.values.glucose! }));
    const v = prepareGlucoseView(points, NOW, 0);
    expect(Math.min(...points.map((p) => p.v))).toBe(51);
    expect(v.urgentLows14).toBeGreaterThan(0);
    expect(v.days14.buckets.find((b) => b.key === "in_range")!.percent).toBeGreaterThan(70);
    expect(v.days14.coverage).toBeGreaterThan(0.99);
    const p5 = v.agp.rows.filter((r) => r.outer).map((r) => ({ minute: r.minute, p5: r.outer![0] }));
    const lowest = p5.reduce((a, b) => (b.p5 < a.p5 ? b : a));
    expect(lowest.minute).toBeGreaterThanOrEqual(2 * 60);
    expect(lowest.minute).toBeLessThanOrEqual(5 * 60);
  });

  it("hypertension: the 7-day average is above 135/85, the week before was not", () => {
    const bp = story("bp-rising", seed)
      .filter((r) => r.values.bp_sys !== undefined)
      .map((r) => ({ t: r.ts, sys: r.values.bp_sys!, dia: r.values.bp_dia!, pulse: r.values.heart_rate ?? null }));
    const v = prepareBpView(bp, NOW, 0);
    expect(v.aboveTarget).toBe(true);
    expect(v.avgPrev7!.sys).toBeLessThan(135);
    expect(v.avgPrev7!.dia).toBeLessThan(85);
    expect(v.crisisReadings).toBe(0);
  });

  it("asthma: rescue use above 2 days this week and rising, and it reads as linked to pollen", () => {
    const uses: InhalerUse[] = [
      ...story("inhaler-controller", seed)
        .filter((r) => r.values.controller_puffs)
        .map((r) => ({ t: r.ts, role: "controller" as const, puffs: r.values.controller_puffs! })),
      ...story("inhaler-rescue", seed + 1)
        .filter((r) => r.values.rescue_puffs)
        .map((r) => ({ t: r.ts, role: "rescue" as const, puffs: r.values.rescue_puffs! })),
    ];
    const byDay = new Map<string, { pollen: number; pm: number[] }>();
    for (const r of story("air-pollen-week", seed + 2)) {
      const d = byDay.get(dayKey(r.ts, 0)) ?? { pollen: 0, pm: [] };
      byDay.set(dayKey(r.ts, 0), { pollen: Math.max(d.pollen, r.values.pollen_index!), pm: [...d.pm, r.values.pm25!] });
    }
    const env: EnvDay[] = [...byDay].map(([day, d]) => ({
      day,
      maxPollen: d.pollen,
      meanPm25: d.pm.reduce((a, b) => a + b, 0) / d.pm.length,
    }));
    const v = prepareAsthmaView(uses, env, NOW, 0);
    expect(v.rescueAboveLimit).toBe(true);
    expect(v.rescueThisWeek.days).toBeGreaterThan(v.rescueLastWeek.days);
    expect(v.correlation.verdict).toBe("more_on_trigger_days");
    expect(v.adherence7!.percent).toBeLessThan(v.adherence14!.percent + 0.001);
  });
});

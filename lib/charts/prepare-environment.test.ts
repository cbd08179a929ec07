import { describe, expect, it } from "vitest";
import { prepareEnvironmentChart } from "./prepare-environment";

const NOW = Date.parse("2026-12-03T14:00:00.000Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const base = { nowMs: NOW, windowMs: DAY, lowC: 2, highC: 8 };

describe("prepareEnvironmentChart", () => {
  it("keeps the window's readings in time order, downsampled to at most maxPoints, with first and last kept", () => {
    const points = [];
    for (let t = NOW - 2 * DAY; t <= NOW; t += MIN) points.push({ t, v: 5 + Math.sin(t / 3_600_000) });
    const c = prepareEnvironmentChart({ ...base, points: points.reverse(), maxPoints: 200 });
    expect(c.count).toBe(1441); // a day of minutes, both ends included; the day before is outside
    expect(c.rows).toHaveLength(200);
    expect(c.rows[0]!.t).toBe(NOW - DAY);
    expect(c.rows.at(-1)!.t).toBe(NOW);
    expect(c.rows.every((r, i) => i === 0 || r.t > c.rows[i - 1]!.t)).toBe(true);
    expect(c.xDomain).toEqual([NOW - DAY, NOW]);
    expect(c.xTicks.length).toBeGreaterThanOrEqual(6);
    expect(c.xTicks.every((t) => t % (4 * 3_600_000) === 0 && t >= NOW - DAY && t <= NOW)).toBe(true);
  });

  it("shows the allowed range as a band and always within the y-axis, widened to the readings", () => {
    const calm = prepareEnvironmentChart({ ...base, points: [{ t: NOW - MIN, v: 5 }] });
    expect(calm.band).toEqual({ from: 2, to: 8 });
    expect(calm.yDomain[0]).toBeLessThanOrEqual(0.5);
    expect(calm.yDomain[1]).toBeGreaterThanOrEqual(9.5);
    const warm = prepareEnvironmentChart({
      ...base,
      points: [
        { t: NOW - 10 * MIN, v: 5 },
        { t: NOW - MIN, v: 13.6 },
      ],
    });
    expect(warm.yDomain[1]).toBe(14);
    expect([warm.minC, warm.maxC]).toEqual([5, 13.6]);
  });

  it("states the current reading, its age, whether it is stale and in range", () => {
    const c = prepareEnvironmentChart({
      ...base,
      points: [
        { t: NOW - 40 * MIN, v: 4 },
        { t: NOW - 2 * MIN, v: 9.1 },
      ],
    });
    expect(c.latest).toEqual({ t: NOW - 2 * MIN, v: 9.1, ageMs: 2 * MIN, stale: false, state: "high" });
    const old = prepareEnvironmentChart({ ...base, points: [{ t: NOW - 40 * MIN, v: 1.5 }] });
    expect(old.latest).toMatchObject({ stale: true, state: "low" });
    const none = prepareEnvironmentChart({
      ...base,
      points: [
        { t: NaN, v: 4 },
        { t: NOW + MIN, v: 4 },
      ],
    });
    expect(none.latest).toBeNull();
    expect(none.rows).toEqual([]);
  });

  it("refuses a window or range that makes no sense, naming it", () => {
    expect(() => prepareEnvironmentChart({ ...base, points: [], windowMs: 0 })).toThrow(/windowMs/);
    expect(() => prepareEnvironmentChart({ ...base, points: [], lowC: 8, highC: 2 })).toThrow(/lowC/);
  });
});

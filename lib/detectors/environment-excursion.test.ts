// Fridge excursions (CDC 2–8 °C) and logger gaps: exact cases, then the scripted fridges (seeds not used in tuning).
import { describe, expect, it } from "vitest";
import { createFridgeModel } from "@/lib/simulator/device-scenarios";
import { createExcursionDetector, type EnvironmentEvent } from "./environment-excursion";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Feeds one reading a minute from a function of the minute; returns every event. */
function feed(
  detector: ReturnType<typeof createExcursionDetector>,
  minutes: number,
  valueAt: (minute: number) => number | null,
): EnvironmentEvent[] {
  const events: EnvironmentEvent[] = [];
  for (let m = 0; m < minutes; m++) {
    const v = valueAt(m);
    if (v === null) events.push(...detector.check(m * MIN));
    else events.push(...detector.update({ t: m * MIN, value: v }));
  }
  return events;
}

describe("createExcursionDetector", () => {
  it("reports an excursion after 5 minutes, with its start, end, duration, min and max", () => {
    const d = createExcursionDetector();
    const events = feed(d, 180, (m) => (m >= 60 && m < 100 ? 8.5 + (m === 80 ? 1.2 : 0) : 5));
    const started = events.filter((e) => e.type === "excursion-started");
    const ended = events.filter((e) => e.type === "excursion-ended");
    expect(started).toHaveLength(1);
    expect(started[0]?.t).toBe(65 * MIN);
    expect(ended).toHaveLength(1);
    const [x] = d.excursions();
    expect(x).toEqual({
      kind: "high",
      startT: 60 * MIN,
      endT: 100 * MIN,
      durationMs: 40 * MIN,
      minC: 8.5,
      maxC: 9.7,
      ongoing: false,
      reportedAt: 65 * MIN,
    });
  });

  it("ignores a door-open blip shorter than 5 minutes, however warm", () => {
    const d = createExcursionDetector();
    const events = feed(d, 120, (m) => (m >= 30 && m < 34 ? 12 : 4.5));
    expect(events).toEqual([]);
    expect(d.excursions()).toEqual([]);
  });

  it("keeps one excursion when readings hover at the limit, and shows it as ongoing", () => {
    const d = createExcursionDetector();
    const hover = [8.1, 8.2, 8.0, 8.1, 7.9, 8.2, 8.3, 8.4];
    feed(d, 60, (m) => (m < 20 ? 5 : (hover[(m - 20) % hover.length] ?? 8.5)));
    const xs = d.excursions();
    expect(xs).toHaveLength(1);
    expect(xs[0]).toMatchObject({ kind: "high", startT: 20 * MIN, endT: null, ongoing: true, maxC: 8.4 });
    expect(xs[0]?.durationMs).toBe(59 * MIN - 20 * MIN);
  });

  it("reports a cold excursion (below 2 °C) and honours a configured range", () => {
    const cold = createExcursionDetector();
    feed(cold, 60, (m) => (m >= 10 && m < 30 ? 1.2 : 3));
    expect(cold.excursions()).toEqual([
      { kind: "low", startT: 10 * MIN, endT: 30 * MIN, durationMs: 20 * MIN, minC: 1.2, maxC: 1.2, ongoing: false, reportedAt: 15 * MIN },
    ]);
    const freezer = createExcursionDetector({ lowC: -25, highC: -15 });
    feed(freezer, 60, (m) => (m >= 10 && m < 30 ? -12 : -20));
    expect(freezer.excursions()).toHaveLength(1);
    expect(() => createExcursionDetector({ lowC: 8, highC: 2 })).toThrow(RangeError);
  });

  it("flags a data gap over 30 minutes, once while open and again when readings resume", () => {
    const d = createExcursionDetector();
    const events = feed(d, 120, (m) => (m >= 20 && m < 65 ? null : 5));
    const gaps = events.filter((e) => e.type === "data-gap");
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toEqual({ type: "data-gap", t: 50 * MIN, gap: { startT: 19 * MIN, endT: null, durationMs: 31 * MIN, ongoing: true } });
    expect(gaps[1]).toEqual({
      type: "data-gap",
      t: 65 * MIN,
      gap: { startT: 19 * MIN, endT: 65 * MIN, durationMs: 46 * MIN, ongoing: false },
    });
    expect(d.gaps()).toEqual([{ startT: 19 * MIN, endT: 65 * MIN, durationMs: 46 * MIN, ongoing: false }]);
    // A 30-minute gap is within the requirement.
    const ok = createExcursionDetector();
    expect(feed(ok, 120, (m) => (m % 30 === 0 ? 5 : null))).toEqual([]);
  });

  it("withdraws a gap opened on the clock when the late readings show the logger recorded in time", () => {
    const d = createExcursionDetector();
    d.update({ t: 0, value: 5 });
    const opened = d.check(40 * MIN); // nothing delivered for 40 min…
    expect(opened).toEqual([{ type: "data-gap", t: 40 * MIN, gap: { startT: 0, endT: null, durationMs: 40 * MIN, ongoing: true } }]);
    // …then the logger uploads what it recorded every 10 min meanwhile.
    expect(d.update({ t: 10 * MIN, value: 5 })).toEqual([
      { type: "data-gap-withdrawn", t: 10 * MIN, gap: { startT: 0, endT: null, durationMs: 40 * MIN, ongoing: true } },
    ]);
    expect(d.update({ t: 20 * MIN, value: 5 })).toEqual([]);
    expect(d.gaps()).toEqual([]);
  });
});

describe("on the scripted fridges", () => {
  it("reports the warm fridge's excursion with the correct duration, within minutes of its start", () => {
    const durationErrors: number[] = [];
    for (let seed = 1; seed <= 25; seed++) {
      const fridge = createFridgeModel({ seed, scenario: "fridge-warm" });
      const truth = fridge.excursion;
      expect(truth).not.toBeNull();
      if (!truth) continue;
      const d = createExcursionDetector();
      const gapEvents: EnvironmentEvent[] = [];
      for (let t = 0; t < 24 * HOUR; t += MIN) {
        const r = fridge.sample(t);
        gapEvents.push(...(r === null ? d.check(t) : d.update({ t, value: r.env_temp })).filter((e) => e.type === "data-gap"));
      }
      const overlapping = d.excursions().filter((x) => (x.endT ?? Infinity) > truth.startMs && x.startT < truth.endMs);
      const main = overlapping.sort((a, b) => b.durationMs - a.durationMs)[0];
      expect(main, `seed ${seed}`).toBeDefined();
      if (!main) continue;
      expect(main.kind).toBe("high");
      expect(main.ongoing).toBe(false);
      expect(main.maxC).toBeGreaterThan(10);
      expect(Math.abs(main.startT - truth.startMs), `seed ${seed} start`).toBeLessThanOrEqual(10 * MIN);
      expect(main.reportedAt - truth.startMs, `seed ${seed} delay`).toBeLessThanOrEqual(12 * MIN);
      durationErrors.push(Math.abs(main.durationMs - (truth.endMs - truth.startMs)) / MIN);
      // The logger outage (45 min) is flagged.
      expect(gapEvents.length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
    }
    durationErrors.sort((a, b) => a - b);
    expect(durationErrors[durationErrors.length >> 1]).toBeLessThanOrEqual(3);
    expect(durationErrors[durationErrors.length - 1]).toBeLessThanOrEqual(10);
  });

  it("ignores the healthy fridges' door-open blips over 24 h, though single readings exceed 8 °C", () => {
    let readingsAbove8 = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const fridge = createFridgeModel({ seed, scenario: "fridge-healthy" });
      const d = createExcursionDetector();
      for (let t = 0; t < 24 * HOUR; t += MIN) {
        const r = fridge.sample(t);
        if (!r) continue;
        if (r.env_temp > 8) readingsAbove8++;
        expect(d.update({ t, value: r.env_temp }), `seed ${seed} t=${t / MIN}`).toEqual([]);
      }
      expect(d.excursions()).toEqual([]);
    }
    expect(readingsAbove8).toBeGreaterThan(25);
  });
});

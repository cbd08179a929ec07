import { describe, expect, it } from "vitest";
import {
  checkGoals,
  formatTable,
  frameIntervals,
  median,
  paintedChartMs,
  percentile,
  summariseLongTasks,
  summariseVisits,
  visitFigures,
  type VisitSample,
} from "./ui-stats";

const sample = (over: Partial<VisitSample> = {}): VisitSample => ({
  ttfbMs: 50,
  chartMs: 200,
  chartDomMs: 180,
  jsEncodedBytes: 100 * 1024,
  jsDecodedBytes: 300 * 1024,
  longTaskCount: 0,
  longTaskMaxMs: 0,
  longTaskTotalMs: 0,
  loadLongTaskMaxMs: 0,
  frameP95Ms: 16.7,
  screenUpdates: 64,
  ...over,
});

describe("median and percentile", () => {
  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("uses the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([10, 20], 0.5)).toBe(10);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe("window figures", () => {
  it("counts only long tasks that start inside the window", () => {
    const tasks = [
      { start: 50, duration: 120 },
      { start: 1000, duration: 60 },
      { start: 5000, duration: 80 },
      { start: 11_000, duration: 300 },
    ];
    expect(summariseLongTasks(tasks, 1000, 11_000)).toEqual({ count: 2, max: 80, total: 140 });
    expect(summariseLongTasks([], 0, 10)).toEqual({ count: 0, max: 0, total: 0 });
  });

  it("gives the intervals between frames inside the window, in time order", () => {
    expect(frameIntervals([0, 16, 33, 50, 100, 116], 10, 110)).toEqual([17, 17, 50]);
    expect(frameIntervals([20], 0, 100)).toEqual([]);
  });

  it("builds a visit from the probe: window long tasks, load long tasks, frame p95", () => {
    // 60 fps with one 100 ms stall in the window; a 90 ms task during hydration, a 70 ms one in the window.
    const frames = Array.from({ length: 600 }, (_, i) => 1000 + i * 16);
    frames.push(frames[frames.length - 1]! + 100);
    const v = visitFigures(
      {
        chartAt: 400,
        chartPaintedAt: 420,
        longTasks: [
          { start: 100, duration: 90 },
          // After the chart, before the window: hydration of a server-drawn chart still counts as load.
          { start: 600, duration: 120 },
          { start: 2000, duration: 70 },
        ],
        frames,
      },
      { start: 1000, end: 11_000 },
      { ttfbMs: 30, jsEncodedBytes: 1000, jsDecodedBytes: 3000, screenUpdates: 12 },
    );
    expect(v).toMatchObject({
      ttfbMs: 30,
      chartMs: 420,
      chartDomMs: 400,
      longTaskCount: 1,
      longTaskMaxMs: 70,
      loadLongTaskMaxMs: 120,
      frameP95Ms: 16,
      screenUpdates: 12,
    });
  });
});

describe("paintedChartMs", () => {
  it("is the painted frame after the chart reached the DOM", () => {
    expect(paintedChartMs({ chartAt: 300, chartPaintedAt: 317 })).toBe(317);
  });

  it("is never when the chart never reached the DOM or no frame was painted after it", () => {
    expect(paintedChartMs({ chartAt: null, chartPaintedAt: null })).toBeNull();
    expect(paintedChartMs({ chartAt: 300, chartPaintedAt: null })).toBeNull();
  });

  it("is never earlier than the chart in the DOM", () => {
    expect(paintedChartMs({ chartAt: 300, chartPaintedAt: 250 })).toBe(300);
  });
});

describe("summariseVisits", () => {
  it("takes each figure's median and counts visits whose chart never appeared", () => {
    const s = summariseVisits([
      sample({ chartMs: 100, ttfbMs: 10 }),
      sample({ chartMs: null, ttfbMs: 30 }),
      sample({ chartMs: 300, ttfbMs: 20 }),
    ]);
    expect(s.visits).toBe(3);
    expect(s.chartMissing).toBe(1);
    expect(s.chartMs).toBe(200);
    expect(s.ttfbMs).toBe(20);
    expect(s.jsEncodedBytes).toBe(100 * 1024);
  });
});

describe("checkGoals", () => {
  it("judges the issue's goals on the median live visit", () => {
    const good = checkGoals(summariseVisits([sample()]));
    expect(good.map((g) => g.met)).toEqual([true, true, true, true]);
    const bad = checkGoals(summariseVisits([sample({ chartMs: 960, jsEncodedBytes: 336 * 1024, ttfbMs: 270, longTaskMaxMs: 51 })]));
    expect(bad.map((g) => g.met)).toEqual([false, false, false, false]);
    expect(bad[0]!.value).toBe("960 ms");
    expect(bad[1]!.value).toBe("336 KiB");
  });

  it("fails the chart goal when a visit never drew it, even if the others were fast", () => {
    const g = checkGoals(summariseVisits([sample({ chartMs: 100 }), sample({ chartMs: null })]));
    expect(g[0]!.met).toBe(false);
  });
});

describe("formatTable", () => {
  it("prints one aligned row per figure and a column per page and mode", () => {
    const lines = formatTable([
      { title: "ward live", summary: summariseVisits([sample()]) },
      { title: "ward off", summary: summariseVisits([sample({ chartMs: null })]) },
    ]);
    expect(lines[0]).toMatch(/median of visits\s+ward live \(1\)\s+ward off \(1\)/);
    expect(lines.find((l) => l.startsWith("time to chart (painted)"))).toMatch(/200 ms\s+— \(1 never\)$/);
    expect(lines.find((l) => l.startsWith("JS on the wire"))).toMatch(/100 KiB\s+100 KiB$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import type { Point } from "./lttb";
import {
  TREND_CHARTS,
  TREND_CODES,
  appendLivePoint,
  breakGaps,
  gapThresholdMs,
  formatClock,
  mergeSeries,
  news2ZeroBand,
  showDots,
  timeTicks,
  xDomain,
  yDomain,
  yTicks,
  type TrendRow,
} from "./prepare-trend";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const rows = (code: string, values: number[]): TrendRow[] => values.map((v, i) => ({ t: T0 + i * MIN, [code]: v }));

describe("TREND_CHARTS", () => {
  it("draws pulse, SpO2, resp rate, BP (systolic and diastolic together) and temperature", () => {
    expect(TREND_CHARTS.map((c) => c.id)).toEqual(["heart_rate", "spo2", "resp_rate", "bp", "temp"]);
    expect(TREND_CHARTS.find((c) => c.id === "bp")?.codes).toEqual(["bp_sys", "bp_dia"]);
    expect(TREND_CODES).toEqual(["heart_rate", "spo2", "resp_rate", "bp_sys", "bp_dia", "temp"]);
  });
});

describe("mergeSeries", () => {
  it("joins systolic and diastolic of one NIBP cycle into one row, time-ordered", () => {
    const sys: Point[] = [
      { t: T0, v: 120 },
      { t: T0 + 2 * MIN, v: 118 },
    ];
    const dia: Point[] = [
      { t: T0, v: 80 },
      { t: T0 + MIN, v: 79 },
      { t: T0 + 2 * MIN, v: 76 },
    ];
    expect(mergeSeries({ bp_sys: sys, bp_dia: dia })).toEqual([
      { t: T0, bp_sys: 120, bp_dia: 80 },
      { t: T0 + MIN, bp_dia: 79 },
      { t: T0 + 2 * MIN, bp_sys: 118, bp_dia: 76 },
    ]);
  });

  it("gives no rows for no data", () => {
    expect(mergeSeries({ spo2: [] })).toEqual([]);
    expect(mergeSeries({})).toEqual([]);
  });
});

describe("gaps", () => {
  it("breaks a continuous line only where readings stopped for longer than the threshold", () => {
    const r: TrendRow[] = [
      { t: T0, spo2: 97 },
      { t: T0 + MIN, spo2: 96 },
      { t: T0 + 20 * MIN, spo2: 95 },
    ];
    expect(breakGaps(r, 2 * MIN)).toEqual([
      { t: T0, spo2: 97 },
      { t: T0 + MIN, spo2: 96 },
      { t: T0 + MIN + 1 },
      { t: T0 + 20 * MIN, spo2: 95 },
    ]);
    expect(breakGaps(r, 30 * MIN)).toEqual(r);
  });

  it("allows at least 2 minutes, more when the series is downsampled", () => {
    expect(gapThresholdMs(HOUR, 1000)).toBe(2 * MIN);
    expect(gapThresholdMs(24 * HOUR, 1000)).toBe(432_000);
  });
});

describe("xDomain", () => {
  it("is the requested window", () => {
    expect(
      xDomain(
        { from: T0 - HOUR, to: T0 },
        rows("spo2", [97]).map((r) => ({ ...r, t: T0 - MIN })),
      ),
    ).toEqual([T0 - HOUR, T0]);
    expect(xDomain({ from: T0 - HOUR, to: T0 }, [])).toEqual([T0 - HOUR, T0]);
  });

  it("stretches to a live point newer than the window end", () => {
    expect(xDomain({ from: T0 - HOUR, to: T0 }, [{ t: T0 + 5000, spo2: 97 }])).toEqual([T0 - HOUR, T0 + 5000]);
  });
});

describe("yDomain", () => {
  it("keeps the clinical view when the data sit inside it, so noise does not look like a crisis", () => {
    expect(yDomain("heart_rate", rows("heart_rate", [71, 72, 74]), ["heart_rate"])).toEqual([40, 140]);
    expect(yDomain("resp_rate", rows("resp_rate", [16, 18]), ["resp_rate"])).toEqual([5, 30]);
    expect(yDomain("temp", rows("temp", [36.8, 37.1]), ["temp"])).toEqual([35, 39]);
  });

  it("never puts the SpO2 axis above 100 %", () => {
    expect(yDomain("spo2", rows("spo2", [99, 100, 100]), ["spo2"])).toEqual([85, 100]);
  });

  it("widens to the data with padding, rounded to the step", () => {
    expect(yDomain("spo2", rows("spo2", [78, 91]), ["spo2"])).toEqual([75, 100]);
    expect(yDomain("heart_rate", rows("heart_rate", [38, 162]), ["heart_rate"])).toEqual([20, 180]);
    expect(yDomain("temp", rows("temp", [39.6]), ["temp"])).toEqual([35, 40]);
    expect(yDomain("temp", rows("temp", [34.8]), ["temp"])).toEqual([34.5, 39.5]);
  });

  it("never goes below the physical floor", () => {
    expect(yDomain("resp_rate", rows("resp_rate", [0, 2]), ["resp_rate"])).toEqual([0, 30]);
  });

  it("covers both BP lines", () => {
    const bp: TrendRow[] = [{ t: T0, bp_sys: 212, bp_dia: 35 }];
    expect(yDomain("bp", bp, ["bp_sys", "bp_dia"])).toEqual([0, 240]);
    expect(yTicks("bp", [0, 240])).toEqual([0, 40, 80, 120, 160, 200, 240]);
  });

  it("uses the clinical view when there is no data", () => {
    expect(yDomain("bp", [], ["bp_sys", "bp_dia"])).toEqual([40, 200]);
  });
});

describe("yTicks", () => {
  it("puts at most 7 ticks on round clinical values", () => {
    expect(yTicks("heart_rate", [40, 140])).toEqual([40, 60, 80, 100, 120, 140]);
    expect(yTicks("spo2", [85, 100])).toEqual([85, 90, 95, 100]);
    expect(yTicks("resp_rate", [5, 30])).toEqual([5, 10, 15, 20, 25, 30]);
    expect(yTicks("bp", [40, 180])).toEqual([40, 80, 120, 160]);
    expect(yTicks("temp", [35, 39])).toEqual([35, 36, 37, 38, 39]);
  });
});

describe("news2ZeroBand", () => {
  it("follows the NEWS2 score-0 ranges", () => {
    expect(news2ZeroBand("heart_rate", 1)).toMatchObject({ y1: 51, y2: 90 });
    expect(news2ZeroBand("resp_rate", 1)).toMatchObject({ y1: 12, y2: 20 });
    expect(news2ZeroBand("temp", 1)).toMatchObject({ y1: 36.1, y2: 38 });
    expect(news2ZeroBand("bp", 1)).toBeNull();
  });

  it("uses the 88–92 % target on SpO2 scale 2", () => {
    expect(news2ZeroBand("spo2", 1)).toMatchObject({ y1: 96, y2: 100 });
    expect(news2ZeroBand("spo2", 2)).toMatchObject({ y1: 88, y2: 92 });
  });
});

describe("timeTicks", () => {
  it("ticks every 10 minutes over 1 h on round clock times", () => {
    const from = Date.parse("2026-11-23T17:03:20.000Z");
    const ticks = timeTicks([from, from + HOUR], "1h", 0);
    expect(ticks.map((t) => formatClock(t, 0))).toEqual(["17:10", "17:20", "17:30", "17:40", "17:50", "18:00"]);
  });

  it("ticks every hour over 8 h", () => {
    const from = Date.parse("2026-11-23T10:30:00.000Z");
    expect(timeTicks([from, from + 8 * HOUR], "8h", 0)).toHaveLength(8);
  });

  it("ticks every 3 hours over 24 h on local time, including zones with half-hour offsets", () => {
    const from = Date.parse("2026-11-22T18:00:00.000Z");
    const india = 330;
    const ticks = timeTicks([from, from + 24 * HOUR], "24h", india);
    expect(ticks.map((t) => formatClock(t, india))).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"]);
  });
});

describe("formatClock", () => {
  it("formats HH:mm on a 24-hour clock", () => {
    expect(formatClock(Date.parse("2026-11-23T07:05:59.000Z"), 0)).toBe("07:05");
    expect(formatClock(Date.parse("2026-11-23T23:30:00.000Z"), 60)).toBe("00:30");
    expect(formatClock(Date.parse("2026-11-23T03:00:00.000Z"), -300)).toBe("22:00");
  });
});

describe("appendLivePoint", () => {
  const base: Point[] = [
    { t: T0, v: 70 },
    { t: T0 + MIN, v: 72 },
  ];

  it("appends a newer reading without mutating the input", () => {
    const out = appendLivePoint(base, { t: T0 + 2 * MIN, v: 75 }, T0);
    expect(out).toEqual([...base, { t: T0 + 2 * MIN, v: 75 }]);
    expect(base).toHaveLength(2);
  });

  it("drops points that fell out of the window", () => {
    expect(appendLivePoint(base, { t: T0 + 2 * MIN, v: 75 }, T0 + 30_000)).toEqual([
      { t: T0 + MIN, v: 72 },
      { t: T0 + 2 * MIN, v: 75 },
    ]);
  });

  it("ignores a redelivered reading and returns the same array", () => {
    expect(appendLivePoint(base, { t: T0 + MIN, v: 72 }, T0)).toBe(base);
  });

  it("inserts a late reading in time order", () => {
    expect(appendLivePoint(base, { t: T0 + 30_000, v: 71 }, T0).map((p) => p.t)).toEqual([T0, T0 + 30_000, T0 + MIN]);
  });

  it("ignores readings older than the window or not finite", () => {
    expect(appendLivePoint(base, { t: T0 - MIN, v: 60 }, T0)).toBe(base);
    expect(appendLivePoint(base, { t: T0 + 2 * MIN, v: Number.NaN }, T0)).toBe(base);
  });

  it("starts a series from nothing", () => {
    expect(appendLivePoint([], { t: T0, v: 97 }, T0 - HOUR)).toEqual([{ t: T0, v: 97 }]);
  });
});

describe("showDots", () => {
  const every = (n: number, stepMs: number): Point[] => Array.from({ length: n }, (_, i) => ({ t: T0 + i * stepMs, v: 1 }));

  it("shows dots for sparse series: NIBP every minute over 1 h, or a single reading", () => {
    expect(showDots(every(60, MIN), HOUR)).toBe(true);
    expect(showDots(every(1, MIN), 24 * HOUR)).toBe(true);
    expect(showDots([], HOUR)).toBe(true);
  });

  it("draws dense series as plain lines, however few readings have arrived yet", () => {
    expect(showDots(every(114, 1000), HOUR)).toBe(false);
    expect(showDots(every(480, MIN), 8 * HOUR)).toBe(false);
  });
});

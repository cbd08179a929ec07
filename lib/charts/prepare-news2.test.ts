import { describe, expect, it } from "vitest";
import {
  NEWS2_HEARTBEAT_GAP_MS,
  latestNews2,
  news2BandAreas,
  news2GapMs,
  news2RiskBand,
  news2Rows,
  news2YDomain,
  news2YTicks,
} from "./prepare-news2";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("news2RiskBand", () => {
  it("follows the RCP bands: 0–4 low, 5–6 medium, 7+ high", () => {
    expect([0, 4, 5, 6, 7, 20].map(news2RiskBand)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });
});

describe("axis and band areas", () => {
  it("shows 0–10 for ordinary scores (a 0 clear of the time axis) and widens to 15 or 20", () => {
    expect(news2YDomain([])).toEqual([-0.5, 10]);
    expect(news2YDomain([{ t: T0, v: 9 }])).toEqual([-0.5, 10]);
    expect(news2YDomain([{ t: T0, v: 10 }])).toEqual([-0.5, 15]);
    expect(news2YDomain([{ t: T0, v: 17 }])).toEqual([-0.5, 20]);
  });

  it("ticks on the band boundaries 5 and 7", () => {
    expect(news2YTicks([-0.5, 10])).toEqual([0, 2, 5, 7, 10]);
    expect(news2YTicks([-0.5, 20])).toEqual([0, 2, 5, 7, 10, 15, 20]);
  });

  it("draws low, medium and high areas meeting between integer scores up to the top of the axis", () => {
    const areas = news2BandAreas([-0.5, 10]);
    expect(areas.map((a) => [a.band, a.y1, a.y2])).toEqual([
      ["low", -0.5, 4.5],
      ["medium", 4.5, 6.5],
      ["high", 6.5, 10],
    ]);
    // Every integer score lies inside the area of its own band (the top of the axis belongs to the top band).
    for (let score = 0; score <= 10; score++) {
      const area = areas.find((a) => score > a.y1 && (score < a.y2 || (score === 10 && a.y2 === 10)));
      expect(area?.band).toBe(news2RiskBand(score));
    }
  });
});

describe("news2Rows", () => {
  it("breaks the line where the score was not stored for longer than the gap (not scored is never 0)", () => {
    const points = [
      { t: T0, v: 2 },
      { t: T0 + 5 * MIN, v: 3 },
      { t: T0 + 30 * MIN, v: 6 },
    ];
    const rows = news2Rows(points, { now: T0 + 2 * HOUR, gapMs: NEWS2_HEARTBEAT_GAP_MS });
    expect(rows).toEqual([{ t: T0, news2: 2 }, { t: T0 + 5 * MIN, news2: 3 }, { t: T0 + 5 * MIN + 1 }, { t: T0 + 30 * MIN, news2: 6 }]);
  });

  it("carries a current score to now, as it holds until it changes", () => {
    const rows = news2Rows([{ t: T0, v: 5 }], { now: T0 + 2 * MIN, gapMs: NEWS2_HEARTBEAT_GAP_MS });
    expect(rows).toEqual([
      { t: T0, news2: 5 },
      { t: T0 + 2 * MIN, news2: 5 },
    ]);
  });

  it("uses a longer gap when the series is downsampled", () => {
    expect(news2GapMs(HOUR, 1000)).toBe(NEWS2_HEARTBEAT_GAP_MS);
    expect(news2GapMs(24 * HOUR, 100)).toBe((5 * 24 * HOUR) / 100);
  });
});

describe("latestNews2", () => {
  const points = [
    { t: T0, v: 4 },
    { t: T0 + MIN, v: 6 },
  ];

  it("takes the last stored score and its band", () => {
    expect(latestNews2(points, null, T0 + 2 * MIN)).toEqual({ total: 6, band: "medium", at: T0 + MIN, missing: [], stale: false });
  });

  it("prefers a newer live message, which knows low-medium and what is missing", () => {
    const live = { ts: new Date(T0 + 90_000).toISOString(), total: 3, band: "low-medium" as const, missing: [] };
    expect(latestNews2(points, live, T0 + 2 * MIN)).toMatchObject({ total: 3, band: "low-medium" });
    const incomplete = { ts: new Date(T0 + 90_000).toISOString(), total: null, band: null, missing: ["temp" as const] };
    expect(latestNews2(points, incomplete, T0 + 2 * MIN)).toMatchObject({ total: null, band: null, missing: ["temp"] });
  });

  it("ignores an older live message and flags a stored score past the heartbeat as stale", () => {
    const old = { ts: new Date(T0 - MIN).toISOString(), total: 9, band: "high" as const, missing: [] };
    expect(latestNews2(points, old, T0 + HOUR)).toMatchObject({ total: 6, stale: true });
    expect(latestNews2([], null, T0)).toBeNull();
  });
});

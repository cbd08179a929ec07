import { describe, expect, it } from "vitest";
import { prepareConnectivityTimeline } from "./prepare-connectivity";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 3, 0, 0);
const w = { from: T0, to: T0 + 100 * MIN, bucketMs: MIN, timeoutMs: 2 * MIN };
const minutes = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => T0 + (a + i) * MIN);

describe("prepareConnectivityTimeline", () => {
  it("is one online period for a device that reported every minute", () => {
    const r = prepareConnectivityTimeline(minutes(0, 100), w);
    expect(r.segments).toEqual([{ state: "online", from: T0, to: T0 + 100 * MIN, pct: 100 }]);
    expect(r).toMatchObject({ onlinePct: 100, offlinePeriods: 0 });
  });

  it("turns a silence longer than the timeout into an offline period starting when the timeout ran out", () => {
    const r = prepareConnectivityTimeline([...minutes(0, 40), ...minutes(60, 100)], w);
    expect(r.segments).toEqual([
      { state: "online", from: T0, to: T0 + 42 * MIN, pct: 42 },
      { state: "offline", from: T0 + 42 * MIN, to: T0 + 60 * MIN, pct: 18 },
      { state: "online", from: T0 + 60 * MIN, to: T0 + 100 * MIN, pct: 40 },
    ]);
    expect(r).toMatchObject({ onlinePct: 82, offlinePeriods: 1 });
  });

  it("keeps a gap within the timeout online, shows no data before the first frame and offline at the end", () => {
    const r = prepareConnectivityTimeline([...minutes(20, 30), T0 + 31 * MIN, ...minutes(32, 50)], w);
    expect(r.segments.map((s) => [s.state, (s.from - T0) / MIN, (s.to - T0) / MIN])).toEqual([
      ["no_data", 0, 20],
      ["online", 20, 52],
      ["offline", 52, 100],
    ]);
  });

  it("is all no data without frames", () => {
    expect(prepareConnectivityTimeline([], w).segments).toEqual([{ state: "no_data", from: T0, to: T0 + 100 * MIN, pct: 100 }]);
  });
});

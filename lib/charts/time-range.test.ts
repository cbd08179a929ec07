import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, TIME_RANGE_LABELS, isTimeRangeKey, timeWindow, timeWindowIso } from "./time-range";

const NOW = Date.parse("2026-11-23T18:00:00.000Z");

describe("timeWindow", () => {
  it("ends at now and spans 1, 8 or 24 hours", () => {
    expect(timeWindow("1h", NOW)).toEqual({ from: Date.parse("2026-11-23T17:00:00.000Z"), to: NOW });
    expect(timeWindow("8h", NOW)).toEqual({ from: Date.parse("2026-11-23T10:00:00.000Z"), to: NOW });
    expect(timeWindow("24h", NOW)).toEqual({ from: Date.parse("2026-11-22T18:00:00.000Z"), to: NOW });
  });

  it("refuses a non-finite now", () => {
    expect(() => timeWindow("1h", Number.NaN)).toThrow(RangeError);
  });

  it("gives ISO strings for the API", () => {
    expect(timeWindowIso("8h", NOW)).toEqual({ from: "2026-11-23T10:00:00.000Z", to: "2026-11-23T18:00:00.000Z" });
  });
});

describe("range keys", () => {
  it("are exactly 1h, 8h and 24h with screen labels", () => {
    expect(TIME_RANGE_KEYS).toEqual(["1h", "8h", "24h"]);
    expect(TIME_RANGE_KEYS.map((k) => TIME_RANGE_LABELS[k])).toEqual(["1 h", "8 h", "24 h"]);
    expect(TIME_RANGE_KEYS).toContain(DEFAULT_TIME_RANGE);
  });

  it("recognises only the known keys", () => {
    expect(isTimeRangeKey("8h")).toBe(true);
    expect(isTimeRangeKey("2h")).toBe(false);
    expect(isTimeRangeKey(undefined)).toBe(false);
    expect(isTimeRangeKey("toString")).toBe(false);
  });
});

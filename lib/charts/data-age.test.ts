import { describe, expect, it } from "vitest";
import { formatAge, freshness, OFFLINE_AFTER_MS, STALE_AFTER_MS, toEpoch } from "./data-age";

describe("formatAge", () => {
  it("reads under a second, negatives (clock skew) and garbage as now", () => {
    expect(formatAge(0)).toBe("now");
    expect(formatAge(999)).toBe("now");
    expect(formatAge(-5_000)).toBe("now");
    expect(formatAge(Number.NaN)).toBe("now");
  });
  it("uses seconds, minutes, hours, days with floor rounding", () => {
    expect(formatAge(1_000)).toBe("1 s");
    expect(formatAge(12_400)).toBe("12 s");
    expect(formatAge(59_999)).toBe("59 s");
    expect(formatAge(60_000)).toBe("1 min");
    expect(formatAge(3 * 60_000 + 59_000)).toBe("3 min");
    expect(formatAge(60 * 60_000)).toBe("1 h");
    expect(formatAge(2.5 * 3_600_000)).toBe("2 h");
    expect(formatAge(47 * 3_600_000)).toBe("47 h");
    expect(formatAge(72 * 3_600_000)).toBe("3 d");
  });
});

describe("freshness", () => {
  const now = Date.parse("2026-11-23T18:00:00.000Z");
  it("is fresh up to 60 s, stale up to 5 min, offline after", () => {
    expect(freshness(now, now)).toBe("fresh");
    expect(freshness(now - STALE_AFTER_MS, now)).toBe("fresh");
    expect(freshness(now - STALE_AFTER_MS - 1, now)).toBe("stale");
    expect(freshness(now - OFFLINE_AFTER_MS, now)).toBe("stale");
    expect(freshness(now - OFFLINE_AFTER_MS - 1, now)).toBe("offline");
  });
  it("accepts ISO strings and treats missing or invalid times as offline", () => {
    expect(freshness("2026-11-23T17:59:30.000Z", now)).toBe("fresh");
    expect(freshness("2026-11-23T17:58:00.000Z", now)).toBe("stale");
    expect(freshness(null, now)).toBe("offline");
    expect(freshness(undefined, now)).toBe("offline");
    expect(freshness("not a date", now)).toBe("offline");
  });
  it("treats a future time (device clock ahead) as fresh", () => {
    expect(freshness(now + 30_000, now)).toBe("fresh");
  });
});

describe("toEpoch", () => {
  it("parses numbers and ISO strings", () => {
    expect(toEpoch(5)).toBe(5);
    expect(toEpoch("1970-01-01T00:00:01.000Z")).toBe(1000);
    expect(toEpoch(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatTimeAgo, formatUtc } from "./time";

describe("formatUtc", () => {
  const iso = "2026-11-23T18:04:05.678Z";
  it("reads the UTC text itself, to the minute by default", () => {
    expect(formatUtc(iso)).toBe("2026-11-23 18:04");
    expect(formatUtc(iso, { zone: true })).toBe("2026-11-23 18:04 UTC");
    expect(formatUtc(iso, { precision: "second" })).toBe("2026-11-23 18:04:05");
    expect(formatUtc(iso, { precision: "millisecond" })).toBe("2026-11-23 18:04:05.678");
  });
});

describe("formatTimeAgo", () => {
  const now = Date.parse("2026-11-23T18:00:00.000Z");
  it("says how long ago, in the largest whole unit", () => {
    expect(formatTimeAgo(null, now)).toBe("never");
    expect(formatTimeAgo("2026-11-23T17:59:48.000Z", now)).toBe("12 s ago");
    expect(formatTimeAgo("2026-11-23T17:57:00.000Z", now)).toBe("3 min ago");
    expect(formatTimeAgo("2026-11-23T16:00:00.000Z", now)).toBe("2 h ago");
    expect(formatTimeAgo("2026-11-19T18:00:00.000Z", now)).toBe("4 d ago");
    expect(formatTimeAgo("2026-11-23T18:00:30.000Z", now)).toBe("0 s ago");
  });
});

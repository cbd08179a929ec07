import { describe, expect, it } from "vitest";
import { formatDayKey, formatLocalDateTime, formatLocalTime } from "./format-local";
import { dayKey, lastDays, localMidnight } from "./local-days";

describe("local time formatting and days", () => {
  const t = Date.UTC(2026, 11, 3, 23, 30);
  it("formats in the patient's offset, the same anywhere", () => {
    expect(formatLocalTime(t, 0)).toBe("23:30");
    expect(formatLocalTime(t, 60)).toBe("00:30");
    expect(formatDayKey("2026-12-03")).toBe("Thu 3 Dec");
    expect(formatLocalDateTime(t, 60)).toBe("Fri 4 Dec, 00:30");
  });
  it("local days and midnights", () => {
    expect(dayKey(t, 60)).toBe("2026-12-04");
    expect(localMidnight(t, 60)).toBe(Date.UTC(2026, 11, 3, 23, 0));
    expect(localMidnight(t, -300)).toBe(Date.UTC(2026, 11, 3, 5, 0));
    expect(lastDays(t, 3, 0)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });
});

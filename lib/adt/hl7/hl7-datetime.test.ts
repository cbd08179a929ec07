import { describe, expect, it } from "vitest";
import { formatHl7Timestamp, parseHl7Date, parseHl7Timestamp } from "./hl7-datetime";

const iso = (value: string, tz?: string) => {
  const r = parseHl7Timestamp(value, tz);
  if (!r.ok) throw new Error(r.reason);
  return r.value.toISOString();
};

describe("parseHl7Timestamp", () => {
  it("reads every precision, with and without an offset", () => {
    expect(iso("20261123")).toBe("2026-11-23T00:00:00.000Z");
    expect(iso("202611231805")).toBe("2026-11-23T18:05:00.000Z");
    expect(iso("20261123180512")).toBe("2026-11-23T18:05:12.000Z");
    expect(iso("20261123180512.25")).toBe("2026-11-23T18:05:12.250Z");
    expect(iso("20261123180512+0100")).toBe("2026-11-23T17:05:12.000Z");
    expect(iso("20261123180512-0530")).toBe("2026-11-23T23:35:12.000Z");
  });

  it("reads a time without offset as wall-clock time in the configured zone, across DST", () => {
    expect(iso("20260115120000", "Europe/Berlin")).toBe("2026-01-15T11:00:00.000Z"); // CET
    expect(iso("20260715120000", "Europe/Berlin")).toBe("2026-07-15T10:00:00.000Z"); // CEST
    expect(iso("20260715120000", "America/New_York")).toBe("2026-07-15T16:00:00.000Z");
    // An explicit offset wins over the zone.
    expect(iso("20260715120000+0000", "Europe/Berlin")).toBe("2026-07-15T12:00:00.000Z");
  });

  it("refuses what is not a date, naming the value", () => {
    for (const bad of [
      "",
      "2026",
      "202611",
      "2026-11-23",
      "20261323",
      "20260230",
      "20261123250000",
      "20261123126000",
      "abc",
      "20261123+2500",
    ]) {
      const r = parseHl7Timestamp(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.reason).toContain(bad);
    }
  });

  it("knows leap years", () => {
    expect(parseHl7Timestamp("20240229").ok).toBe(true);
    expect(parseHl7Timestamp("20260229").ok).toBe(false);
  });
});

describe("parseHl7Date", () => {
  it("gives YYYY-MM-DD and drops a time part", () => {
    expect(parseHl7Date("19800512")).toEqual({ ok: true, value: "1980-05-12" });
    expect(parseHl7Date("198005120830")).toEqual({ ok: true, value: "1980-05-12" });
    expect(parseHl7Date("1980").ok).toBe(false);
  });
});

describe("formatHl7Timestamp", () => {
  it("writes wall time with its offset and reads back to the same instant", () => {
    const at = new Date("2026-07-15T10:00:00Z");
    expect(formatHl7Timestamp(at)).toBe("20260715100000+0000");
    expect(formatHl7Timestamp(at, "Europe/Berlin")).toBe("20260715120000+0200");
    expect(formatHl7Timestamp(at, "America/St_Johns")).toBe("20260715073000-0230");
    for (const tz of ["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata"]) {
      expect(iso(formatHl7Timestamp(at, tz))).toBe(at.toISOString());
    }
  });
});

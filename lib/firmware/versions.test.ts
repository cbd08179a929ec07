import { describe, expect, it } from "vitest";
import { compareVersions, newestVersion } from "./versions";
import { firmwareStatus, type CatalogEntry } from "./firmware-status";

describe("compareVersions", () => {
  it("orders dotted numbers numerically, pre-releases before releases, ignores build metadata", () => {
    expect(compareVersions("2.10.0", "2.9.9")).toBeGreaterThan(0);
    expect(compareVersions("2.4", "2.4.1")).toBeLessThan(0);
    expect(compareVersions("2.5.0-rc.1", "2.5.0")).toBeLessThan(0);
    expect(compareVersions("2.5.0-rc.2", "2.5.0-rc.10")).toBeLessThan(0);
    expect(compareVersions("1.0.0+b7", "1.0.0+b9")).toBe(0);
    expect(newestVersion(["1.2.0", "1.10.0", "1.9.3"])).toBe("1.10.0");
    expect(newestVersion([])).toBeNull();
  });
});

describe("firmwareStatus", () => {
  const entry: CatalogEntry = { latest: { version: "2.5.0", packageId: "p25" }, flagged: new Map([["2.4.9", "bricks on boot"]]) };
  it("classifies a device against the newest unflagged package of its type", () => {
    expect(firmwareStatus("2.5.0", entry)).toBe("current");
    expect(firmwareStatus("2.6.0", entry)).toBe("current");
    expect(firmwareStatus("2.4.1", entry)).toBe("outdated");
    expect(firmwareStatus("2.4.9", entry)).toBe("flagged");
    expect(firmwareStatus(null, entry)).toBe("unknown");
    expect(firmwareStatus("1.0", undefined)).toBe("untracked");
    expect(firmwareStatus(null, undefined)).toBe("untracked");
    expect(firmwareStatus("2.4.9", { latest: null, flagged: entry.flagged })).toBe("flagged");
  });
});

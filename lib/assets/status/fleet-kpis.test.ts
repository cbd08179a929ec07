import { describe, expect, it } from "vitest";
import { idleAssets, statusCounts, timeToLocate, type AssetStatusSpan } from "./fleet-kpis";

const M = 60_000;
const H = 60 * M;
const NOW = Date.UTC(2026, 10, 23, 12);

describe("fleet KPIs", () => {
  it("lists assets available for longer than the threshold, longest idle first", () => {
    const assets: AssetStatusSpan[] = [
      { id: "p1", class: "infusion_pump", status: "available", since: NOW - 30 * H },
      { id: "p2", class: "infusion_pump", status: "available", since: NOW - 2 * H },
      { id: "p3", class: "infusion_pump", status: "in_use", since: NOW - 90 * H },
      { id: "w1", class: "wheelchair", status: "available", since: NOW - 48 * H },
    ];
    expect(idleAssets(assets, NOW, 24 * H).map((i) => [i.asset.id, i.idleMs / H])).toEqual([
      ["w1", 48],
      ["p1", 30],
    ]);
    expect(idleAssets(assets, NOW, 2 * H)).toHaveLength(3);
  });

  it("counts statuses per class and overall, missing included", () => {
    const counts = statusCounts([
      { class: "infusion_pump", status: "available" },
      { class: "infusion_pump", status: "missing" },
      { class: "wheelchair", status: "missing" },
      { class: "wheelchair", status: "in_use" },
    ]);
    expect(counts["*"]).toEqual({ in_use: 1, missing: 2, service_due: 0, needs_cleaning: 0, available: 1, total: 4 });
    expect(counts.wheelchair).toEqual({ in_use: 1, missing: 1, service_due: 0, needs_cleaning: 0, available: 0, total: 2 });
    expect(statusCounts([])).toEqual({ "*": { in_use: 0, missing: 0, service_due: 0, needs_cleaning: 0, available: 0, total: 0 } });
  });

  it("measures time to locate from each search to the first room opened within the timeout", () => {
    const searches = [
      { id: "s1", at: NOW },
      { id: "s2", at: NOW + 10 * M },
      { id: "s3", at: NOW + 20 * M },
      { id: "s4", at: NOW + 30 * M },
    ];
    const found = [
      { searchId: "s1", at: NOW + 2 * M },
      { searchId: "s1", at: NOW + M },
      { searchId: "s2", at: NOW + 14 * M },
      { searchId: "s3", at: NOW + 20 * M + 31 * M },
      { searchId: "s4", at: NOW + 29 * M },
      { searchId: "nope", at: NOW },
    ];
    expect(timeToLocate(searches, found)).toEqual({ searches: 4, found: 2, notFound: 2, medianMs: 2.5 * M, p90Ms: 4 * M, meanMs: 2.5 * M });
    expect(timeToLocate(searches, found, { timeoutMs: 40 * M })).toMatchObject({ found: 3, medianMs: 4 * M, p90Ms: 31 * M });
    expect(timeToLocate([], [])).toEqual({ searches: 0, found: 0, notFound: 0, medianMs: null, p90Ms: null, meanMs: null });
  });
});

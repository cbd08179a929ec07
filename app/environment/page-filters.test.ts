import { describe, expect, it } from "vitest";
import { csvHref, pageHref, parsePageFilter, toExcursionFilter } from "./page-filters";

const NOW = Date.parse("2026-11-23T18:00:00.000Z");

describe("environment page filters", () => {
  it("keeps known values, drops unknown ones and defaults to the last 30 days", () => {
    expect(parsePageFilter({})).toEqual({ device: undefined, kind: undefined, period: "30d", status: undefined });
    expect(parsePageFilter({ device: [" fridge-1 ", "x"], kind: "low", period: "7d", status: "needs_action" })).toEqual({
      device: "fridge-1",
      kind: "low",
      period: "7d",
      status: "needs_action",
    });
    expect(parsePageFilter({ device: "x".repeat(101), kind: "hot", period: "2w", status: "closed" })).toEqual({
      device: undefined,
      kind: undefined,
      period: "30d",
      status: undefined,
    });
  });

  it("turns the period and status into the record's query", () => {
    expect(toExcursionFilter({ period: "24h", status: "open" }, NOW)).toEqual({
      deviceId: undefined,
      kind: undefined,
      from: new Date("2026-11-22T18:00:00.000Z"),
      open: true,
      needsAction: undefined,
    });
    expect(toExcursionFilter({ period: "all", status: "actioned" }, NOW)).toMatchObject({ from: undefined, needsAction: false });
    expect(toExcursionFilter({ period: "all", status: "needs_action" }, NOW)).toMatchObject({ needsAction: true });
  });

  it("links the page and the CSV export of the same view", () => {
    expect(pageHref({ period: "30d" })).toBe("/environment");
    expect(pageHref({ status: "open", period: "all" })).toBe("/environment?period=all&status=open");
    expect(csvHref({ device: "fridge 1", kind: "high", period: "7d", status: "needs_action" }, NOW)).toBe(
      "/api/v1/environment/excursions?format=csv&deviceId=fridge+1&kind=high&from=2026-11-16T18%3A00%3A00.000Z&needsAction=true",
    );
    expect(csvHref({ period: "all" }, NOW)).toBe("/api/v1/environment/excursions?format=csv");
  });
});

import { describe, expect, it } from "vitest";
import { callFilterOf, csvHref, isFiltered, parseCallQuery } from "./call-query";

describe("parseCallQuery", () => {
  it("reads every filter of the call log", () => {
    const { query, ignored } = parseCallQuery({
      feature: "handover-summary",
      prompt: "handover-summary",
      version: "3",
      userId: "u_123",
      status: "blocked_budget",
      from: "2026-12-01",
      to: "2026-12-03",
    });
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      feature: "handover-summary",
      prompt: "handover-summary",
      version: 3,
      userId: "u_123",
      status: "blocked_budget",
      from: "2026-12-01",
      to: "2026-12-03",
    });
    expect(isFiltered(query)).toBe(true);
  });

  it("drops and names what does not parse; empty values are no filter", () => {
    const { query, ignored } = parseCallQuery({
      status: "maybe",
      version: "-1",
      from: "2026-02-30",
      to: "",
      feature: "a b",
      prompt: ["x", "y"],
    });
    expect(query).toEqual({ prompt: "x" });
    expect(ignored.sort()).toEqual(["feature", "from", "status", "version"]);
    expect(isFiltered({})).toBe(false);
  });
});

describe("callFilterOf and csvHref", () => {
  const q = { feature: "handover-summary", status: "ok" as const, from: "2026-12-01", to: "2026-12-03" };

  it("takes whole UTC days, the last one included", () => {
    expect(callFilterOf(q)).toEqual({
      feature: "handover-summary",
      status: "ok",
      from: new Date("2026-12-01T00:00:00.000Z"),
      to: new Date("2026-12-03T23:59:59.999Z"),
      limit: 200,
    });
  });

  it("links the CSV export of the same filters through the REST contract", () => {
    const url = new URL(csvHref(q), "http://x");
    expect(url.pathname).toBe("/api/v1/ai/calls");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: "csv",
      limit: "5000",
      feature: "handover-summary",
      status: "ok",
      from: "2026-12-01T00:00:00.000Z",
      to: "2026-12-03T23:59:59.999Z",
    });
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_FILTER, matchesFilter, parseQueueFilter, queueSearch } from "./queue-filter";
import { alertView } from "@/test/support/test-alerts";

describe("parseQueueFilter / queueSearch", () => {
  it("reads ward, priority and state from the URL", () => {
    expect(parseQueueFilter({ ward: "w1", priority: "high", state: "acknowledged" })).toEqual({
      wardId: "w1",
      priority: "high",
      state: "acknowledged",
    });
    expect(parseQueueFilter(new URLSearchParams("ward=w2&state=all"))).toEqual({ wardId: "w2", priority: null, state: "all" });
  });
  it("falls back to the defaults for unknown values and wards outside the user's", () => {
    expect(parseQueueFilter({ ward: "w9", priority: "urgent", state: "closed" }, ["w1"])).toEqual(DEFAULT_QUEUE_FILTER);
    expect(parseQueueFilter({ ward: ["w1", "w2"] }, ["w1"]).wardId).toBe("w1");
  });
  it("writes only what differs from the defaults, and round-trips", () => {
    expect(queueSearch(DEFAULT_QUEUE_FILTER)).toBe("");
    const f = { wardId: "w 1", priority: "low" as const, state: "resolved" as const };
    expect(queueSearch(f)).toBe("?ward=w+1&priority=low&state=resolved");
    expect(parseQueueFilter(new URLSearchParams(queueSearch(f).slice(1)))).toEqual(f);
  });
});

describe("matchesFilter", () => {
  const open = DEFAULT_QUEUE_FILTER;
  it("open means active or acknowledged", () => {
    expect(matchesFilter(alertView("a"), open)).toBe(true);
    expect(matchesFilter(alertView("a", { state: "acknowledged" }), open)).toBe(true);
    expect(matchesFilter(alertView("a", { state: "resolved" }), open)).toBe(false);
    expect(matchesFilter(alertView("a", { state: "resolved" }), { ...open, state: "all" })).toBe(true);
    expect(matchesFilter(alertView("a", { state: "acknowledged" }), { ...open, state: "active" })).toBe(false);
  });
  it("filters by priority and ward; what the server listed stays in its ward", () => {
    expect(matchesFilter(alertView("a", { priority: "high" }), { ...open, priority: "medium" })).toBe(false);
    expect(matchesFilter(alertView("a", { wardId: "w2" }), { ...open, wardId: "w1" })).toBe(false);
    expect(matchesFilter(alertView("a", { wardId: "w2" }), { ...open, wardId: "w1" }, true)).toBe(true);
  });
});

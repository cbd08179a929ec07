import { describe, expect, it } from "vitest";
import { summariseActive, toMark } from "./active-alerts";
import { alertView } from "@/test/support/test-alerts";

describe("nav count", () => {
  it("counts active (unacknowledged) alerts and names the highest priority", () => {
    const marks = [
      alertView("a", { priority: "low" }),
      alertView("b", { priority: "high", state: "acknowledged" }),
      alertView("c", { priority: "medium" }),
      alertView("d", { priority: "high", state: "resolved" }),
    ].map(toMark);
    expect(summariseActive(marks)).toEqual({ count: 2, top: "medium" });
    expect(summariseActive([])).toEqual({ count: 0, top: null });
  });
  it("keeps no patient data in a mark", () => {
    expect(Object.keys(toMark(alertView("a"))).sort()).toEqual([
      "escalationLevel",
      "id",
      "priority",
      "raisedAt",
      "silencedUntil",
      "state",
      "wardId",
    ]);
  });
});

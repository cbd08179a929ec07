import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_FILTER } from "./queue-filter";
import { applyAlert, applyAlerts, isBehind, mergeSnapshot, sortQueue, visibleQueue } from "./queue-state";
import { T0, alertView, iso } from "@/test/support/test-alerts";

const map = (...as: ReturnType<typeof alertView>[]) => new Map(as.map((a) => [a.id, a]));

describe("sortQueue", () => {
  it("orders high, medium, low, technical, then the oldest first", () => {
    const list = [
      alertView("t", { priority: "technical", raisedAt: iso(T0 - 9_000) }),
      alertView("l", { priority: "low", raisedAt: iso(T0 - 8_000) }),
      alertView("m2", { priority: "medium", raisedAt: iso(T0) }),
      alertView("h2", { priority: "high", raisedAt: iso(T0) }),
      alertView("m1", { priority: "medium", raisedAt: iso(T0 - 1_000) }),
      alertView("h1", { priority: "high", raisedAt: iso(T0 - 1_000) }),
    ];
    expect(sortQueue(list).map((a) => a.id)).toEqual(["h1", "h2", "m1", "m2", "l", "t"]);
  });
  it("breaks ties by id so the list does not jump", () => {
    expect(sortQueue([alertView("b"), alertView("a")]).map((a) => a.id)).toEqual(["a", "b"]);
  });
});

describe("applyAlert", () => {
  it("adds a raised alert and replaces it with later versions", () => {
    const raised = alertView("a");
    const m1 = applyAlert(new Map(), raised);
    expect(m1.get("a")).toBe(raised);
    const acked = alertView("a", { state: "acknowledged", acknowledgedBy: { id: "u1", name: "Nora" } });
    expect(applyAlert(m1, acked).get("a")).toBe(acked);
  });
  it("never goes back to an older version, and returns the same map when nothing changes", () => {
    const acked = alertView("a", { state: "acknowledged" });
    const m = map(acked);
    expect(applyAlert(m, alertView("a"))).toBe(m);
    expect(applyAlert(m, acked)).toBe(m);
    const escalated = alertView("b", { escalationLevel: 1 });
    expect(applyAlert(map(escalated), alertView("b")).get("b")).toBe(escalated);
  });
  it("takes a same-stage change (condition cleared, silenced)", () => {
    const cleared = alertView("a", { conditionActive: false });
    expect(applyAlert(map(alertView("a")), cleared).get("a")).toBe(cleared);
    expect(isBehind(cleared, alertView("a"))).toBe(false);
  });
});

describe("mergeSnapshot", () => {
  const at = iso(T0 + 10_000);
  const open = (a: ReturnType<typeof alertView>) => a.state !== "resolved";
  it("takes the snapshot but keeps newer live versions", () => {
    const live = alertView("a", { state: "acknowledged" });
    const merged = mergeSnapshot(map(live), [alertView("a"), alertView("b")], at, open);
    expect(merged.get("a")).toBe(live);
    expect(merged.get("b")?.state).toBe("active");
  });
  it("drops what the server no longer lists (e.g. resolved while offline), keeps what was raised after the snapshot", () => {
    const missed = alertView("gone", { raisedAt: iso(T0) });
    const late = alertView("late", { raisedAt: iso(T0 + 11_000) });
    const merged = mergeSnapshot(map(missed, late), [], at, open);
    expect(merged.has("gone")).toBe(false);
    expect(merged.has("late")).toBe(true);
  });
  it("keeps versions the snapshot's filter would not list (they guard against stale snapshots)", () => {
    const resolved = alertView("r", { state: "resolved" });
    const merged = mergeSnapshot(map(resolved), [alertView("r", { state: "acknowledged" })], at, open);
    expect(merged.get("r")).toBe(resolved);
  });
});

describe("visibleQueue", () => {
  it("applies the filter and the queue order", () => {
    const known = applyAlerts(new Map(), [
      alertView("m", { priority: "medium" }),
      alertView("h", { priority: "high", raisedAt: iso(T0 + 5_000) }),
      alertView("r", { priority: "high", state: "resolved" }),
      alertView("x", { priority: "high", wardId: "w2" }),
    ]);
    expect(visibleQueue(known, DEFAULT_QUEUE_FILTER).map((a) => a.id)).toEqual(["x", "h", "m"]);
    expect(visibleQueue(known, { ...DEFAULT_QUEUE_FILTER, wardId: "w1" }).map((a) => a.id)).toEqual(["h", "m"]);
    expect(visibleQueue(known, { ...DEFAULT_QUEUE_FILTER, wardId: "w1" }, new Set(["x"])).map((a) => a.id)).toEqual(["x", "h", "m"]);
    expect(visibleQueue(known, { ...DEFAULT_QUEUE_FILTER, state: "resolved" }).map((a) => a.id)).toEqual(["r"]);
  });
});

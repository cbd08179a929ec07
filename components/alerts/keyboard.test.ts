import { describe, expect, it } from "vitest";
import { commandForKey, isTypingTarget, keepSelection, moveSelection } from "./keyboard";

describe("commandForKey", () => {
  it("maps j/k/a/r/s/e and the arrows", () => {
    expect(["j", "k", "a", "r", "s", "e", "ArrowDown", "ArrowUp"].map((key) => commandForKey({ key }, false))).toEqual([
      "next",
      "prev",
      "acknowledge",
      "resolve",
      "silence",
      "escalate",
      "next",
      "prev",
    ]);
    expect(commandForKey({ key: "A" }, false)).toBe("acknowledge");
  });
  it("ignores other keys, modifiers and typing", () => {
    expect(commandForKey({ key: "x" }, false)).toBeNull();
    expect(commandForKey({ key: "r", ctrlKey: true }, false)).toBeNull();
    expect(commandForKey({ key: "a", metaKey: true }, false)).toBeNull();
    expect(commandForKey({ key: "s" }, true)).toBeNull();
  });
  it("knows which targets take text", () => {
    expect(isTypingTarget({ tagName: "input" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("moveSelection / keepSelection", () => {
  const ids = ["a", "b", "c"];
  it("moves and stops at the ends", () => {
    expect(moveSelection(ids, null, 1)).toBe("a");
    expect(moveSelection(ids, null, -1)).toBe("c");
    expect(moveSelection(ids, "a", 1)).toBe("b");
    expect(moveSelection(ids, "c", 1)).toBe("c");
    expect(moveSelection(ids, "a", -1)).toBe("a");
    expect(moveSelection(ids, "gone", 1)).toBe("a");
    expect(moveSelection([], "a", 1)).toBeNull();
  });
  it("keeps the selected row, or the row that took its place", () => {
    expect(keepSelection(ids, ["c", "b", "a"], "b")).toBe("b");
    expect(keepSelection(ids, ["a", "c"], "b")).toBe("c");
    expect(keepSelection(ids, ["a", "b"], "c")).toBe("b");
    expect(keepSelection(ids, [], "a")).toBeNull();
    expect(keepSelection(ids, ids, null)).toBeNull();
  });
});

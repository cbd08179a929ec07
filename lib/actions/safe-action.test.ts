import { describe, expect, it } from "vitest";
import { Refusal } from "@/lib/errors/refusal";
import { refusalMessage } from "./safe-action";

describe("an action's refusal message", () => {
  const wording = { failed: "Not changed", unavailable: "This alert is not available to you." };

  it("is the refusal's own message when the action does not word it", () => {
    expect(refusalMessage(new Refusal("invalid", `no bed "4E/99"`, { field: "bed" }), undefined)).toBe(`bed: no bed "4E/99"`);
    expect(refusalMessage(new Refusal("not_found", "That token does not exist."), undefined)).toBe("That token does not exist.");
  });

  it("says what was not done, and hides whether something the caller may not see exists", () => {
    expect(refusalMessage(new Refusal("conflict", "the alert is already resolved"), wording)).toBe(
      "Not changed: the alert is already resolved.",
    );
    expect(refusalMessage(new Refusal("invalid", "low must be below high", { field: "limits" }), { ...wording, failed: "Not saved" })).toBe(
      "Not saved: limits: low must be below high.",
    );
    expect(refusalMessage(new Refusal("forbidden", "you may not see this alert"), wording)).toBe(wording.unavailable);
    expect(refusalMessage(new Refusal("not_found", "alert not found"), wording)).toBe(wording.unavailable);
  });
});

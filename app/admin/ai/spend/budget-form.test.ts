import { describe, expect, it } from "vitest";
import { budgetFormOf, budgetInputOf } from "./budget-form";

describe("budget form", () => {
  it("fills in from a budget and gives the same budget back", () => {
    const form = budgetFormOf({ scope: "feature:handover-summary", period: "month", softUsd: 40, hardUsd: 50 });
    expect(form).toEqual({ kind: "feature", target: "handover-summary", period: "month", soft: "40", hard: "50" });
    expect(budgetInputOf(form)).toEqual({
      ok: true,
      input: { scope: "feature:handover-summary", period: "month", softUsd: 40, hardUsd: 50 },
    });
  });

  it("sets a global budget without a soft threshold", () => {
    expect(budgetInputOf({ kind: "global", target: "ignored", period: "day", soft: "", hard: "2.5" })).toEqual({
      ok: true,
      input: { scope: "global", period: "day", softUsd: null, hardUsd: 2.5 },
    });
  });

  it("names each field that is wrong", () => {
    expect(budgetInputOf({ kind: "user", target: " ", period: "day", soft: "abc", hard: "-1" })).toEqual({
      ok: false,
      errors: {
        scope: "enter the user's id",
        hardUsd: "must be an amount in USD, e.g. 25 or 2.50",
        softUsd: "must be an amount in USD, or blank",
      },
    });
    expect(budgetInputOf({ kind: "global", target: "", period: "day", soft: "60", hard: "50" })).toEqual({
      ok: false,
      errors: { softUsd: "must not be above the hard limit" },
    });
  });
});

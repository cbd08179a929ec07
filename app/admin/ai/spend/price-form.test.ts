import { describe, expect, it } from "vitest";
import type { PriceView } from "@/lib/ai/service-types";
import { orderPrices, priceInputOf } from "./price-form";

describe("price form", () => {
  it("gives the service's input, the date only when set", () => {
    expect(priceInputOf({ model: " gpt-4o-mini ", input: "0.15", cached: "0.075", output: "0.60", effectiveFrom: "" })).toEqual({
      ok: true,
      input: { model: "gpt-4o-mini", inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6 },
    });
    expect(priceInputOf({ model: "m", input: "1", cached: "0", output: "2", effectiveFrom: "2027-01-01" })).toMatchObject({
      ok: true,
      input: { effectiveFrom: "2027-01-01" },
    });
  });

  it("names each field that is wrong", () => {
    expect(priceInputOf({ model: "", input: "x", cached: "-1", output: "", effectiveFrom: "soon" })).toEqual({
      ok: false,
      errors: {
        model: "must not be empty",
        inputPerM: "must be an amount in USD, e.g. 0.15",
        cachedInputPerM: "must be an amount in USD, e.g. 0.15",
        outputPerM: "must be an amount in USD, e.g. 0.15",
        effectiveFrom: "must be a date",
      },
    });
  });
});

describe("orderPrices", () => {
  const row = (id: string, model: string, effectiveFrom: string): PriceView => ({
    id,
    model,
    effectiveFrom,
    inputPerM: 1,
    cachedInputPerM: 1,
    outputPerM: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: null,
    inForce: false,
  });
  it("groups by model, newest effective first", () => {
    const out = orderPrices([
      row("a", "gpt-4o-mini", "2025-01-01T00:00:00.000Z"),
      row("b", "demo-template", "2025-01-01T00:00:00.000Z"),
      row("c", "gpt-4o-mini", "2026-06-01T00:00:00.000Z"),
    ]);
    expect(out.map((p) => p.id)).toEqual(["b", "c", "a"]);
  });
});

import { describe, expect, it } from "vitest";
import { costOfUsage, reservationFor } from "./cost";
import { formatUsd, nanoToUsd, usdToNano } from "./money";
import { findPrice, SEED_PRICES, toModelPrice, type ModelPrice } from "./prices";

const AT = new Date("2026-11-23T18:00:00.000Z");

function seedPrice(model: string): ModelPrice {
  const p = findPrice(SEED_PRICES, model, AT);
  if (!p) throw new Error(`no seed price for ${model}`);
  return p;
}

describe("usdToNano / formatUsd", () => {
  it("converts decimal USD exactly, from strings and numbers", () => {
    expect(usdToNano("0.15")).toBe(150_000_000);
    expect(usdToNano(0.15)).toBe(150_000_000);
    expect(usdToNano("0.075")).toBe(75_000_000);
    expect(usdToNano(0.025)).toBe(25_000_000);
    expect(usdToNano("1.60")).toBe(1_600_000_000);
    expect(usdToNano("12")).toBe(12_000_000_000);
    expect(usdToNano("0.000000001")).toBe(1);
    expect(usdToNano("0.100000000000")).toBe(100_000_000);
    expect(usdToNano(0.1 + 0.2)).toBe(300_000_000);
    expect(usdToNano(" 0 ")).toBe(0);
  });

  it("refuses negative, malformed and sub-nano amounts with the reason", () => {
    expect(() => usdToNano("-1")).toThrow(/not a non-negative decimal/);
    expect(() => usdToNano("abc")).toThrow(/not a non-negative decimal/);
    expect(() => usdToNano("0.0000000001")).toThrow(/more than 9 decimals/);
    expect(() => usdToNano(-0.5)).toThrow(/non-negative/);
    expect(() => usdToNano(Number.NaN)).toThrow(/non-negative/);
  });

  it("formats nano-USD with at least two decimals and no float noise", () => {
    expect(formatUsd(240_000)).toBe("$0.00024");
    expect(formatUsd(12_500_000_000)).toBe("$12.50");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1)).toBe("$0.000000001");
    expect(formatUsd(-3_000_000_000)).toBe("-$3.00");
    expect(nanoToUsd(240_000)).toBe(0.00024);
  });
});

describe("costOfUsage", () => {
  it("prices uncached, cached and output tokens apart (gpt-4o-mini 0.15 / 0.075 / 0.60)", () => {
    // 600 × 0.15 + 400 × 0.075 + 200 × 0.60 = 90 + 30 + 120 = 240 USD per 1M → 240,000 nUSD
    expect(costOfUsage({ promptTokens: 1000, cachedTokens: 400, completionTokens: 200 }, seedPrice("gpt-4o-mini"))).toBe(240_000);
    expect(costOfUsage({ promptTokens: 1000, cachedTokens: 0, completionTokens: 200 }, seedPrice("gpt-4o-mini"))).toBe(270_000);
  });

  it("gpt-4.1-mini 0.40 / 0.10 / 1.60 and gpt-4.1-nano 0.10 / 0.025 / 0.40", () => {
    // 2345 × 400 + 10000 × 100 + 678 × 1600 nUSD
    expect(costOfUsage({ promptTokens: 12_345, cachedTokens: 10_000, completionTokens: 678 }, seedPrice("gpt-4.1-mini"))).toBe(3_022_800);
    expect(costOfUsage({ promptTokens: 1, cachedTokens: 1, completionTokens: 0 }, seedPrice("gpt-4.1-nano"))).toBe(25);
    expect(costOfUsage({ promptTokens: 2_000_000, cachedTokens: 0, completionTokens: 1_000_000 }, seedPrice("gpt-4.1-nano"))).toBe(
      600_000_000,
    );
  });

  it("costs nothing on the demo model", () => {
    expect(costOfUsage({ promptTokens: 5000, cachedTokens: 100, completionTokens: 900 }, seedPrice("demo-template"))).toBe(0);
  });

  it("rounds a fractional nano-USD total up, once", () => {
    const price = toModelPrice({
      modelPattern: "x",
      effectiveFrom: AT,
      inputPerM: "0.0375",
      cachedInputPerM: "0.0125",
      outputPerM: "0.0375",
    });
    expect(costOfUsage({ promptTokens: 1, cachedTokens: 0, completionTokens: 0 }, price)).toBe(38); // 37.5
    expect(costOfUsage({ promptTokens: 2, cachedTokens: 0, completionTokens: 0 }, price)).toBe(75);
    expect(costOfUsage({ promptTokens: 1, cachedTokens: 0, completionTokens: 1 }, price)).toBe(75); // 37.5 + 37.5, not 38 + 38
  });

  it("caps cached tokens at the prompt count and refuses nonsense counts", () => {
    const p = seedPrice("gpt-4o-mini");
    expect(costOfUsage({ promptTokens: 10, cachedTokens: 50, completionTokens: 0 }, p)).toBe(750);
    expect(() => costOfUsage({ promptTokens: -1, cachedTokens: 0, completionTokens: 0 }, p)).toThrow(/promptTokens/);
    expect(() => costOfUsage({ promptTokens: 1.5, cachedTokens: 0, completionTokens: 0 }, p)).toThrow(/promptTokens/);
  });
});

describe("reservationFor", () => {
  it("prices every counted input token at the full input price plus max_tokens of output", () => {
    // 1000 × 150 + 512 × 600 nUSD
    expect(reservationFor(1000, 512, seedPrice("gpt-4o-mini"))).toBe(457_200);
    expect(reservationFor(0, 4096, seedPrice("gpt-4.1-mini"))).toBe(6_553_600);
  });

  it("is never below the settled cost of any usage within the counted input and max_tokens", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % (n + 1);
    };
    for (const model of ["gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano"]) {
      const price = seedPrice(model);
      for (let i = 0; i < 500; i++) {
        const counted = rand(20_000);
        const maxTokens = 1 + rand(4095);
        const prompt = rand(counted);
        const usage = { promptTokens: prompt, cachedTokens: rand(prompt), completionTokens: rand(maxTokens) };
        expect(reservationFor(counted, maxTokens, price)).toBeGreaterThanOrEqual(costOfUsage(usage, price));
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { findPrice, matchesModelPattern, SEED_PRICES, type PriceEntry } from "./prices";

const AT = new Date("2026-11-23T18:00:00.000Z");

describe("matchesModelPattern", () => {
  it("matches exact names and globs, case-insensitively, and treats dots literally", () => {
    expect(matchesModelPattern("gpt-4o-mini", "gpt-4o-mini")).toBe(true);
    expect(matchesModelPattern("gpt-4o-mini", "GPT-4o-Mini")).toBe(true);
    expect(matchesModelPattern("gpt-4o-mini", "gpt-4o-mini-2024-07-18")).toBe(false);
    expect(matchesModelPattern("gpt-4.1-*", "gpt-4.1-mini")).toBe(true);
    expect(matchesModelPattern("gpt-4.1-*", "gpt-4x1-mini")).toBe(false);
    expect(matchesModelPattern("gpt-4.1-*", "gpt-4.1")).toBe(false);
    expect(matchesModelPattern("gpt-4.?-mini", "gpt-4.1-mini")).toBe(true);
    expect(matchesModelPattern("*", "anything")).toBe(true);
  });
});

describe("findPrice", () => {
  it("prices the seed models and their dated snapshots from the product brief", () => {
    expect(findPrice(SEED_PRICES, "gpt-4o-mini", AT)).toMatchObject({
      inputNanoPerM: 150_000_000,
      cachedInputNanoPerM: 75_000_000,
      outputNanoPerM: 600_000_000,
    });
    expect(findPrice(SEED_PRICES, "gpt-4o-mini-2024-07-18", AT)).toMatchObject({
      modelPattern: "gpt-4o-mini-20*",
      inputNanoPerM: 150_000_000,
    });
    expect(findPrice(SEED_PRICES, "gpt-4.1-mini", AT)).toMatchObject({
      inputNanoPerM: 400_000_000,
      cachedInputNanoPerM: 100_000_000,
      outputNanoPerM: 1_600_000_000,
    });
    expect(findPrice(SEED_PRICES, "gpt-4.1-nano-2025-04-14", AT)).toMatchObject({
      inputNanoPerM: 100_000_000,
      cachedInputNanoPerM: 25_000_000,
      outputNanoPerM: 400_000_000,
    });
    expect(findPrice(SEED_PRICES, "demo-template", AT)).toMatchObject({ inputNanoPerM: 0, cachedInputNanoPerM: 0, outputNanoPerM: 0 });
    expect(findPrice(SEED_PRICES, "llama3.1:8b", AT)).toBeNull();
    expect(findPrice(SEED_PRICES, "gpt-4o-mini-audio-preview", AT)).toBeNull();
  });

  const from = (iso: string) => new Date(iso);
  const table: PriceEntry[] = [
    { modelPattern: "*", effectiveFrom: from("2025-01-01T00:00:00Z"), inputPerM: "9", cachedInputPerM: "9", outputPerM: "9" },
    { modelPattern: "gpt-4.1-*", effectiveFrom: from("2025-01-01T00:00:00Z"), inputPerM: "1", cachedInputPerM: "0.5", outputPerM: "2" },
    {
      modelPattern: "gpt-4.1-mini",
      effectiveFrom: from("2025-01-01T00:00:00Z"),
      inputPerM: "0.40",
      cachedInputPerM: "0.10",
      outputPerM: "1.60",
    },
    {
      modelPattern: "gpt-4.1-mini",
      effectiveFrom: from("2026-12-01T00:00:00Z"),
      inputPerM: "0.30",
      cachedInputPerM: "0.08",
      outputPerM: "1.20",
    },
    {
      modelPattern: "gpt-4.1-nano",
      effectiveFrom: from("2027-01-01T00:00:00Z"),
      inputPerM: "0.05",
      cachedInputPerM: "0.01",
      outputPerM: "0.2",
    },
  ];

  it("prefers an exact name over a glob, and a longer glob over a shorter one", () => {
    expect(findPrice(table, "gpt-4.1-mini", AT)?.inputNanoPerM).toBe(400_000_000);
    expect(findPrice(table, "gpt-4.1-large", AT)?.modelPattern).toBe("gpt-4.1-*");
    expect(findPrice(table, "claude", AT)?.modelPattern).toBe("*");
  });

  it("takes the row in force at the time of the call, keeping history", () => {
    expect(findPrice(table, "gpt-4.1-mini", from("2026-11-30T23:59:59.999Z"))?.inputNanoPerM).toBe(400_000_000);
    expect(findPrice(table, "gpt-4.1-mini", from("2026-12-01T00:00:00Z"))?.inputNanoPerM).toBe(300_000_000);
    expect(findPrice(table, "gpt-4.1-mini", from("2024-06-01T00:00:00Z"))).toBeNull();
  });

  it("falls back to a less specific pattern while the specific one is not yet in force", () => {
    expect(findPrice(table, "gpt-4.1-nano", AT)?.modelPattern).toBe("gpt-4.1-*");
    expect(findPrice(table, "gpt-4.1-nano", from("2027-01-02T00:00:00Z"))?.inputNanoPerM).toBe(50_000_000);
  });
});

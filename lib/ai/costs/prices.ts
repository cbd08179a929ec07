// Model prices: a table of {model pattern, effective-from, USD per 1M input / cached input / output tokens}
// with history kept (a new row supersedes, never overwrites). A call is priced by the row in force when it
// ran for the most specific pattern that matches its model. Patterns are an exact model name or a glob
// (`*` any run of characters, `?` one character), compared case-insensitively.
import { usdToNano, type NanoUsd, type UsdAmount } from "./money";

export type PriceEntry = {
  modelPattern: string;
  effectiveFrom: Date;
  inputPerM: UsdAmount;
  cachedInputPerM: UsdAmount;
  outputPerM: UsdAmount;
};

/** A price in force, in nano-USD per 1M tokens (exact integers). */
export type ModelPrice = {
  modelPattern: string;
  effectiveFrom: Date;
  inputNanoPerM: NanoUsd;
  cachedInputNanoPerM: NanoUsd;
  outputNanoPerM: NanoUsd;
};

const SEED_FROM = new Date("2025-01-01T00:00:00.000Z");

/** The seed list (product brief, USD per 1M tokens). Dated snapshots (`-20…`) share their family's price. */
export const SEED_PRICES: readonly PriceEntry[] = [
  ...family("gpt-4o-mini", "0.15", "0.075", "0.60"),
  ...family("gpt-4.1-mini", "0.40", "0.10", "1.60"),
  ...family("gpt-4.1-nano", "0.10", "0.025", "0.40"),
  { modelPattern: "demo-template", effectiveFrom: SEED_FROM, inputPerM: "0", cachedInputPerM: "0", outputPerM: "0" },
];

function family(model: string, input: string, cached: string, output: string): PriceEntry[] {
  const row = { effectiveFrom: SEED_FROM, inputPerM: input, cachedInputPerM: cached, outputPerM: output };
  return [
    { modelPattern: model, ...row },
    { modelPattern: `${model}-20*`, ...row },
  ];
}

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

export function matchesModelPattern(pattern: string, model: string): boolean {
  const p = pattern.trim().toLowerCase();
  const m = model.trim().toLowerCase();
  if (!isGlob(p)) return p === m;
  const source = p
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(m);
}

/** Higher is more specific: an exact name beats any glob; then more literal characters; then fewer `*`. */
export function patternSpecificity(pattern: string): [number, number, number] {
  const p = pattern.trim();
  const stars = (p.match(/\*/g) ?? []).length;
  const literals = p.replace(/[*?]/g, "").length;
  return [isGlob(p) ? 0 : 1, literals, -stars];
}

function compareSpecificity(a: string, b: string): number {
  const sa = patternSpecificity(a);
  const sb = patternSpecificity(b);
  for (let i = 0; i < sa.length; i++) {
    const d = (sa[i] ?? 0) - (sb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The price in force for `model` at `at`: among rows already effective, those whose pattern matches;
 * the most specific pattern wins, and within it the latest effective-from. null when nothing matches.
 */
export function findPrice(table: readonly PriceEntry[], model: string, at: Date): ModelPrice | null {
  let best: PriceEntry | null = null;
  for (const row of table) {
    if (row.effectiveFrom.getTime() > at.getTime()) continue;
    if (!matchesModelPattern(row.modelPattern, model)) continue;
    if (!best) {
      best = row;
      continue;
    }
    const bySpecificity = compareSpecificity(row.modelPattern, best.modelPattern);
    if (bySpecificity > 0 || (bySpecificity === 0 && row.effectiveFrom.getTime() > best.effectiveFrom.getTime())) best = row;
  }
  return best ? toModelPrice(best) : null;
}

export function toModelPrice(row: PriceEntry): ModelPrice {
  return {
    modelPattern: row.modelPattern,
    effectiveFrom: row.effectiveFrom,
    inputNanoPerM: usdToNano(row.inputPerM),
    cachedInputNanoPerM: usdToNano(row.cachedInputPerM),
    outputNanoPerM: usdToNano(row.outputPerM),
  };
}

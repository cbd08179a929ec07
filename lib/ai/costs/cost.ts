// lib/ai/costs owns AI money: prices (prices.ts), cost and reservation arithmetic (here), budget scopes
// and periods (periods.ts) and the month-end forecast (forecast.ts), all in integer nano-USD (money.ts).
// The database side of budgets (usage rows, reserve and settle) lives with the call pipeline.
// Chat Completions' prompt_tokens INCLUDES the cached tokens, so
//   cost = (prompt − cached) × input + cached × cachedInput + completion × output   (prices per 1M tokens)
// computed exactly in BigInt and rounded UP once to a whole nano-USD, so a cost is never under-stated.
import { toSafeNano, type NanoUsd } from "./money";
import type { ModelPrice } from "./prices";

export type TokenUsage = { promptTokens: number; cachedTokens: number; completionTokens: number };

const PER_M = BigInt(1_000_000);

function count(n: number, field: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a non-negative integer, got ${n}`);
  return BigInt(n);
}

function ceilPerMillion(numerator: bigint, what: string): NanoUsd {
  return toSafeNano((numerator + PER_M - BigInt(1)) / PER_M, what);
}

/** The cost of a call's usage at `price`. Cached tokens above the prompt count are capped at the prompt. */
export function costOfUsage(usage: TokenUsage, price: ModelPrice): NanoUsd {
  const prompt = count(usage.promptTokens, "promptTokens");
  const cachedRaw = count(usage.cachedTokens, "cachedTokens");
  const cached = cachedRaw > prompt ? prompt : cachedRaw;
  const completion = count(usage.completionTokens, "completionTokens");
  const total =
    (prompt - cached) * BigInt(price.inputNanoPerM) +
    cached * BigInt(price.cachedInputNanoPerM) +
    completion * BigInt(price.outputNanoPerM);
  return ceilPerMillion(total, "cost");
}

/**
 * The most a call can cost: every counted input token at the full (uncached) input price plus `maxTokens`
 * of output. With an upper-bound input count this is never below the settled cost of the same call.
 */
export function reservationFor(countedInputTokens: number, maxTokens: number, price: ModelPrice): NanoUsd {
  const total =
    count(countedInputTokens, "countedInputTokens") * BigInt(price.inputNanoPerM) +
    count(maxTokens, "maxTokens") * BigInt(price.outputNanoPerM);
  return ceilPerMillion(total, "reservation");
}

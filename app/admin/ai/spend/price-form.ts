// The price form's pure side (tested): the form as the service's input, naming each field that is not
// right; and the table's order (by model, the newest effective date first, so each model's history
// reads down from the row in force).
import type { PriceView } from "@/lib/ai/service-types";

export type PriceForm = { model: string; input: string; cached: string; output: string; effectiveFrom: string };

export type PriceInput = { model: string; inputPerM: number; cachedInputPerM: number; outputPerM: number; effectiveFrom?: string };

const AMOUNT = /^\d+(\.\d{1,9})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function priceInputOf(f: PriceForm): { ok: true; input: PriceInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const model = f.model.trim();
  if (!model) errors.model = "must not be empty";
  const amount = (field: string, text: string) => {
    const t = text.trim();
    if (!AMOUNT.test(t)) errors[field] = "must be an amount in USD, e.g. 0.15";
    return Number(t);
  };
  const inputPerM = amount("inputPerM", f.input);
  const cachedInputPerM = amount("cachedInputPerM", f.cached);
  const outputPerM = amount("outputPerM", f.output);
  const day = f.effectiveFrom.trim();
  if (day && !DAY.test(day)) errors.effectiveFrom = "must be a date";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { model, inputPerM, cachedInputPerM, outputPerM, ...(day ? { effectiveFrom: day } : {}) } };
}

export function orderPrices(prices: readonly PriceView[]): PriceView[] {
  return [...prices].sort(
    (a, b) =>
      a.model.localeCompare(b.model) ||
      Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

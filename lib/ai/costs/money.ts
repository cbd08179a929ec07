// Money for AI spend: integer nano-USD (1 USD = 1e9 nUSD), so sums and budget comparisons are exact and
// the database keeps them as BIGINT. Decimal USD (prices, budgets typed by an admin) converts exactly.

/** An integer amount of nano-USD. Safe up to Number.MAX_SAFE_INTEGER (about 9 million USD). */
export type NanoUsd = number;

export const NANO_PER_USD = 1_000_000_000;

/** A decimal USD amount as typed or stored: a number (0.15) or a decimal string ("0.15", Prisma Decimal). */
export type UsdAmount = number | string;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Exact conversion of a non-negative decimal USD string with at most 9 decimals (or a number) to nano-USD. */
export function usdToNano(amount: UsdAmount): NanoUsd {
  const text = typeof amount === "number" ? numberToDecimal(amount) : amount.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`USD amount "${String(amount)}" is not a non-negative decimal number`);
  const whole = m[1] ?? "0";
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > 9) throw new RangeError(`USD amount "${String(amount)}" has more than 9 decimals (below one nano-USD)`);
  const nano = BigInt(whole) * BigInt(NANO_PER_USD) + BigInt(fraction.padEnd(9, "0"));
  return toSafeNano(nano, String(amount));
}

/** A number is rounded to the nearest nano-USD (toFixed rounds the exact binary value, so 0.15 → 0.150000000). */
function numberToDecimal(n: number): string {
  if (!Number.isFinite(n) || n < 0 || n > 9e6) throw new RangeError(`USD amount ${n} is not a non-negative number up to 9 million`);
  return n.toFixed(9);
}

export function toSafeNano(value: bigint, what: string): NanoUsd {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(-Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what}: amount out of range`);
  }
  return Number(value);
}

/** nano-USD as a decimal USD number (for charts and JSON: `costUsd`). */
export function nanoToUsd(nano: NanoUsd): number {
  return nano / NANO_PER_USD;
}

/** "$0.000150", "$12.50": at least 2 decimals, more only as needed (up to 9). */
export function formatUsd(nano: NanoUsd): string {
  const sign = nano < 0 ? "-" : "";
  const abs = BigInt(Math.abs(nano));
  const whole = abs / BigInt(NANO_PER_USD);
  const fraction = String(abs % BigInt(NANO_PER_USD))
    .padStart(9, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${whole}.${fraction}`;
}

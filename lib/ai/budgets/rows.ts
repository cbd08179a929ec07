// Reading numbers and times from SQL rows the same way on PostgreSQL (BIGINT as text) and PGlite.
export function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && v.trim() !== "") return Number(v);
  return 0;
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

/** nano-USD as an exact decimal string ("0.150000000" → "0.15"), for PriceEntry amounts. */
export function nanoToDecimal(nano: number): string {
  const whole = Math.trunc(nano / 1e9);
  const frac = String(nano % 1e9)
    .padStart(9, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

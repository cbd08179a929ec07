// Order of the ward grid: by bed label in natural order ("Bed 2" before "Bed 10"), or by acuity
// (sickest first). Pure.

export type SortMode = "bed" | "acuity";
export const SORT_MODES: readonly SortMode[] = ["bed", "acuity"];

export type OrderKey = {
  label: string;
  /** False for an empty bed: always last in acuity order. */
  occupied: boolean;
  /** NEWS2 total; for an incomplete score, the partial sum of the parameters that are known (or null). */
  news2: number | null;
  /** Whether every NEWS2 parameter was available and fresh. */
  complete: boolean;
};

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function compareBedLabels(a: string, b: string): number {
  return collator.compare(a, b);
}

function acuityGroup(k: OrderKey): number {
  if (!k.occupied) return 2;
  return k.complete && k.news2 !== null ? 0 : 1;
}

/**
 * Acuity: complete NEWS2 scores first, highest total first; then incomplete ones (highest partial sum
 * first, unknown last); then empty beds. Ties by bed. Returns a new array; the input is untouched.
 */
export function orderBeds<T extends OrderKey>(items: readonly T[], mode: SortMode): T[] {
  const byBed = (a: T, b: T) => compareBedLabels(a.label, b.label);
  if (mode === "bed") return [...items].sort(byBed);
  return [...items].sort((a, b) => {
    const g = acuityGroup(a) - acuityGroup(b);
    if (g !== 0) return g;
    const s = (b.news2 ?? -1) - (a.news2 ?? -1);
    return s !== 0 ? s : byBed(a, b);
  });
}

export function isSortMode(v: unknown): v is SortMode {
  return v === "bed" || v === "acuity";
}

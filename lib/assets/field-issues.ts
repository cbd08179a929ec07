// Field-named problems found while validating asset-map input (floor plans, sighting bodies), and the
// one-line message built from them: `features[3].geometry: polygon must be closed and have at least 3 points`.

export type FieldIssue = { field: string; reason: string };

export type Invalid = { ok: false; error: string; issues: FieldIssue[] };

/** Joins a zod issue path onto a prefix: ["features", 3, "geometry"] → `features[3].geometry`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ""): string {
  return path.reduce<string>((acc, p) => {
    if (typeof p === "number") return `${acc}[${p}]`;
    return acc === "" ? String(p) : `${acc}.${String(p)}`;
  }, prefix);
}

/** The first five problems on one line, then how many more there were. */
export function invalid(issues: FieldIssue[]): Invalid {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.field}: ${i.reason}`)
    .join("; ");
  return { ok: false, error: issues.length > 5 ? `${shown}; and ${issues.length - 5} more` : shown, issues };
}

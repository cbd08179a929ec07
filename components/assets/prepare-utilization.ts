// Chart rows for utilization per class over time (pure): one row per day with each class's share in use
// (0–100 %, null when nothing of the class was owned that day), and the classes present.
import type { ClassUtilization } from "@/lib/assets/asset-map";

export type UtilizationRow = { day: string } & Record<string, number | null | string>;

export function prepareUtilization(trend: readonly { from: number; classes: readonly ClassUtilization[] }[]): {
  rows: UtilizationRow[];
  classes: string[];
} {
  const classes = [...new Set(trend.flatMap((b) => b.classes.filter((c) => c.utilization !== null).map((c) => c.class)))].sort();
  const rows = trend.map((b) => {
    const row: UtilizationRow = { day: new Date(b.from).toISOString().slice(0, 10) };
    for (const c of classes) {
      const u = b.classes.find((x) => x.class === c)?.utilization ?? null;
      row[c] = u === null ? null : Math.round(u * 1000) / 10;
    }
    return row;
  });
  return { rows, classes };
}

/** "12 min 5 s", "45 s", or "–" for none. */
export function formatLocateTime(msValue: number | null): string {
  if (msValue === null) return "–";
  const s = Math.round(msValue / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

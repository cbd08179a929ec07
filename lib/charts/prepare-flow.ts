// Pure "prepare" functions of the flow page: the 30-day trend as chart rows, length of stay per ward as
// bars, where patients wait now as rows, and a KPI's value as text. Client-safe (no lib/adt index import).
import type { FlowDay } from "@/lib/adt/flow/trend";
import type { WardLengthOfStay } from "@/lib/adt/flow/length-of-stay";
import type { StageWait } from "@/lib/adt/flow/waiting-now";
import type { Kpi, Percentiles } from "@/lib/adt/flow/flow-types";

export type TrendRow = { day: string; label: string; admissions: number; discharges: number; census: number; occupancyPct: number | null };

export function prepareFlowTrend(days: readonly Pick<FlowDay, "day" | "admissions" | "discharges" | "census" | "occupancy">[]): TrendRow[] {
  return days.map((d) => ({
    day: d.day,
    label: d.day.slice(5),
    admissions: d.admissions,
    discharges: d.discharges,
    census: d.census,
    occupancyPct: d.occupancy === null ? null : Math.round(d.occupancy * 1000) / 10,
  }));
}

export type LosBar = { ward: string; meanHours: number; medianHours: number; p90Hours: number; stays: number };

/** One bar per ward with at least one finished stay; hours rounded to 0.1. */
export function prepareLosBars(rows: readonly WardLengthOfStay[], wardCodes: Readonly<Record<string, string>>): LosBar[] {
  const r1 = (v: number | null) => Math.round((v ?? 0) * 10) / 10;
  return rows
    .filter((r) => r.stays > 0)
    .map((r) => ({
      ward: wardCodes[r.wardId] ?? r.wardId,
      meanHours: r1(r.meanHours),
      medianHours: r1(r.medianHours),
      p90Hours: r1(r.p90Hours),
      stays: r.stays,
    }))
    .sort((a, b) => a.ward.localeCompare(b.ward));
}

export type WaitRow = { stage: string; label: string; waiting: number; median: string; longest: string; isLongest: boolean };

export function formatMinutes(m: number | null): string {
  if (m === null) return "—";
  if (m < 90) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(1)} h`;
  return `${(m / 1440).toFixed(1)} d`;
}

export function prepareWaitRows(stages: readonly StageWait[], longest: string | null): WaitRow[] {
  return stages.map((s) => ({
    stage: s.stage,
    label: s.label,
    waiting: s.waiting,
    median: formatMinutes(s.medianMinutes),
    longest: formatMinutes(s.longestMinutes),
    isLongest: s.stage === longest,
  }));
}

const isPercentiles = (v: unknown): v is Percentiles => typeof v === "object" && v !== null && "p50" in v;

/** "12.5 %", "4.2 days", "p50 3 min · p90 12 min", "—" when there is no denominator. */
export function formatKpiValue(k: Pick<Kpi<number | null | Percentiles>, "value" | "unit">): string {
  const v = k.value;
  if (isPercentiles(v)) {
    const f = (x: number | null) =>
      x === null ? "—" : k.unit === "seconds" ? (x < 120 ? `${Math.round(x)} s` : formatMinutes(x / 60)) : formatMinutes(x);
    return v.p50 === null ? "—" : `p50 ${f(v.p50)} · p90 ${f(v.p90)}`;
  }
  if (v === null) return "—";
  if (k.unit === "ratio") return `${(v * 100).toFixed(1)} %`;
  if (k.unit === "days") return `${v.toFixed(1)} days`;
  return `${Math.round(v * 100) / 100} ${k.unit}`;
}

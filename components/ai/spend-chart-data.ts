// Pure preparation of the AI spend page's charts (no React, no I/O; unit-tested): spend per UTC day
// stacked by feature or by model (every day of the range present, the largest series first, the tail
// folded into "other"), month-to-date against each budget, and the month's cumulative spend with its
// straight-line forecast to month end (lib/ai/costs/forecast, through the AI service). Amounts arrive as
// decimal USD (lib/ai/service-types), are summed exactly in nano-USD and leave as USD numbers for the axes.
import { nanoToUsd, usdToNano, type NanoUsd } from "@/lib/ai/costs/money";
import type { BudgetView, DailySpendRow, SpendForecast } from "@/lib/ai/service-types";
import { niceStep } from "@/lib/charts/nice-scale";

/** One day's spend of one feature on one model (the spend series the server returns). */
export type SpendCell = Pick<DailySpendRow, "day" | "feature" | "model" | "costUsd"> & { calls?: number };

/** Decimal USD as exact nano-USD (a negative or unreadable amount counts as nothing). */
function nano(usd: number): NanoUsd {
  return Number.isFinite(usd) && usd > 0 ? usdToNano(usd) : 0;
}

export type SpendGrouping = "feature" | "model";

export type StackedSeries = { key: string; label: string; color: string; totalUsd: number };

/** A chart row: the day, and for each series key its spend in USD. */
export type StackedDay = { day: string; label: string; values: Record<string, number>; totalUsd: number; calls: number };

export type StackedSpend = { series: StackedSeries[]; days: StackedDay[]; totalUsd: number; maxDayUsd: number; calls: number };

export const OTHER_KEY = "other";

/** Distinct, readable on the dark canvas, none of them an alarm colour (red, yellow, cyan). */
export const SERIES_COLORS = ["#7aa7ff", "#3ddc84", "#f0a0ff", "#ff9f5a", "#b8c4d6", "#c2a3ff"] as const;
const OTHER_COLOR = "#6e7781";

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every UTC day from `from` to `to` inclusive ("YYYY-MM-DD"); empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  if (!DAY.test(from) || !DAY.test(to)) throw new RangeError(`days must be YYYY-MM-DD, got "${from}" and "${to}"`);
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The last `days` UTC days up to and including today: as days for the chart, as [from, to) for the query. */
export function spendRange(now: Date, days: number): { fromDay: string; toDay: string; from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * DAY_MS);
  return {
    fromDay: from.toISOString().slice(0, 10),
    toDay: new Date(today).toISOString().slice(0, 10),
    from,
    to: new Date(today + DAY_MS),
  };
}

/** "3 Dec" for an axis tick (UTC, so server and browser agree). */
export function dayLabel(day: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1] ?? "?"}`;
}

/**
 * Spend per day from `from` to `to` (inclusive), one stacked series per feature or model. Series are
 * ordered by their total (largest first, ties by name); beyond `maxSeries` the smallest are summed into
 * "other". Cells outside the range are ignored; a day without spend has 0 in every series.
 */
export function prepareSpendByDay(
  cells: readonly SpendCell[],
  by: SpendGrouping,
  range: { from: string; to: string },
  maxSeries = 5,
): StackedSpend {
  const days = daysBetween(range.from, range.to);
  const inRange = new Set(days);
  const totals = new Map<string, NanoUsd>();
  for (const c of cells) if (inRange.has(c.day)) totals.set(c[by], (totals.get(c[by]) ?? 0) + nano(c.costUsd));
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const fold = ranked.length > maxSeries;
  const kept = fold ? ranked.slice(0, Math.max(0, maxSeries - 1)) : ranked;
  const keyOf = new Map<string, string>(ranked.map(([name]) => [name, OTHER_KEY]));
  kept.forEach(([name], i) => keyOf.set(name, `s${i}`));

  const series: StackedSeries[] = kept.map(([name, nusd], i) => ({
    key: `s${i}`,
    label: name,
    color: SERIES_COLORS[i % SERIES_COLORS.length]!,
    totalUsd: nanoToUsd(nusd),
  }));
  if (fold) {
    const rest = ranked.slice(kept.length);
    series.push({
      key: OTHER_KEY,
      label: `other (${rest.length})`,
      color: OTHER_COLOR,
      totalUsd: nanoToUsd(rest.reduce((s, [, n]) => s + n, 0)),
    });
  }

  const byDay = new Map<string, Map<string, NanoUsd>>();
  const callsByDay = new Map<string, number>();
  for (const c of cells) {
    if (!inRange.has(c.day)) continue;
    callsByDay.set(c.day, (callsByDay.get(c.day) ?? 0) + (c.calls ?? 0));
    const key = keyOf.get(c[by])!;
    const row = byDay.get(c.day) ?? new Map<string, NanoUsd>();
    row.set(key, (row.get(key) ?? 0) + nano(c.costUsd));
    byDay.set(c.day, row);
  }
  let total = 0;
  let maxDay = 0;
  let calls = 0;
  const rows: StackedDay[] = days.map((day) => {
    const sums = byDay.get(day);
    const values: Record<string, number> = {};
    let dayTotal = 0;
    for (const s of series) {
      const n = sums?.get(s.key) ?? 0;
      values[s.key] = nanoToUsd(n);
      dayTotal += n;
    }
    total += dayTotal;
    maxDay = Math.max(maxDay, dayTotal);
    const dayCalls = callsByDay.get(day) ?? 0;
    calls += dayCalls;
    return { day, label: dayLabel(day), values, totalUsd: nanoToUsd(dayTotal), calls: dayCalls };
  });
  return { series, days: rows, totalUsd: nanoToUsd(total), maxDayUsd: nanoToUsd(maxDay), calls };
}

/** A budget with what its current period has used: settled spend and reservations of calls in flight. */
export type BudgetUse = Pick<BudgetView, "scope" | "period" | "softUsd" | "hardUsd" | "spentUsd" | "reservedUsd">;

export type BudgetState = "ok" | "soft" | "exhausted";

export type BudgetBar = {
  name: string;
  scope: string;
  period: "day" | "month";
  /** Settled plus reserved: what a new call has to fit beside. */
  usedUsd: number;
  reservedUsd: number;
  hardUsd: number;
  softUsd: number | null;
  /** Used as a share of the hard limit, 0–100 (capped; the label carries the real figure). */
  percent: number;
  /** Where the soft threshold sits on the bar, 0–100. */
  softPercent: number | null;
  state: BudgetState;
};

function percentOf(part: NanoUsd, whole: NanoUsd): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.min(100, Math.round((part / whole) * 1000) / 10);
}

/** One bar per budget (global first, then features, then users; month before day), with its state. */
export function prepareBudgetBars(budgets: readonly BudgetUse[]): BudgetBar[] {
  const rank = (scope: string) => (scope === "global" ? 0 : scope.startsWith("feature:") ? 1 : 2);
  return [...budgets]
    .sort((a, b) => rank(a.scope) - rank(b.scope) || a.scope.localeCompare(b.scope) || (a.period === "month" ? -1 : 1))
    .map((b) => {
      const used = nano(b.spentUsd) + nano(b.reservedUsd);
      const hard = nano(b.hardUsd);
      const soft = b.softUsd === null ? null : nano(b.softUsd);
      return {
        name: `${b.scope}/${b.period}`,
        scope: b.scope,
        period: b.period,
        usedUsd: nanoToUsd(used),
        reservedUsd: nanoToUsd(nano(b.reservedUsd)),
        hardUsd: nanoToUsd(hard),
        softUsd: soft === null ? null : nanoToUsd(soft),
        percent: percentOf(used, hard),
        softPercent: soft === null ? null : percentOf(soft, hard),
        state: used >= hard ? "exhausted" : soft !== null && used >= soft ? "soft" : "ok",
      };
    });
}

/** A point of the month chart: the actual cumulative spend up to today, the forecast line from today on. */
export type ForecastRow = { day: string; label: string; actualUsd: number | null; forecastUsd: number | null };

export type ForecastChart = {
  rows: ForecastRow[];
  monthToDateUsd: number;
  projectedUsd: number;
  /** The global monthly hard limit, drawn as a line, when there is one. */
  limitUsd: number | null;
  /** Whether the projection ends above that limit. */
  overLimit: boolean;
  yMax: number;
};

/**
 * The month's cumulative spend and its forecast as two lines meeting at today (so the dashed forecast
 * continues the solid actual line), with the monthly limit when given.
 */
export function prepareForecastChart(forecast: SpendForecast, limitUsd: number | null): ForecastChart {
  const rows: ForecastRow[] = forecast.points.map((p, i) => {
    const isToday = i === forecast.daysElapsed - 1;
    return {
      day: p.day,
      label: dayLabel(p.day),
      actualUsd: p.forecast ? null : p.cumulativeUsd,
      forecastUsd: p.forecast || isToday ? p.cumulativeUsd : null,
    };
  });
  const top = Math.max(forecast.projectedUsd, limitUsd ?? 0, forecast.monthToDateUsd);
  return {
    rows,
    monthToDateUsd: forecast.monthToDateUsd,
    projectedUsd: forecast.projectedUsd,
    limitUsd,
    overLimit: limitUsd !== null && nano(forecast.projectedUsd) > nano(limitUsd),
    yMax: niceCeil(top),
  };
}

/** A round axis maximum at or above `value` (1, 2 or 5 times a power of ten); 0.01 for nothing. */
export function niceCeil(value: number): number {
  return value > 0 ? niceStep(value, 1) : 0.01;
}

/** USD for axes and tooltips: "$0", "$0.0042", "$1.25", "$1,250". */
export function formatUsdAxis(usd: number): string {
  if (usd === 0) return "$0";
  const abs = Math.abs(usd);
  if (abs >= 1000) return `$${Math.round(usd).toLocaleString("en-US")}`;
  if (abs >= 1) return `$${usd.toFixed(2)}`;
  if (abs >= 0.01) return `$${usd.toFixed(3).replace(/0$/, "")}`;
  const decimals = Math.min(9, 1 - Math.floor(Math.log10(abs)));
  return `$${usd.toFixed(decimals).replace(/0+$/, "")}`;
}

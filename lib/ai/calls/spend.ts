// Spend for the charts: settled cost per UTC day by feature and model, month to date against each
// budget, and a straight-line forecast to month end (lib/ai/costs/forecast).
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { forecastMonthEnd } from "@/lib/ai/costs/forecast";
import { nanoToUsd } from "@/lib/ai/costs/money";
import { periodBounds } from "@/lib/ai/costs/periods";
import { num } from "@/lib/ai/budgets/rows";
import { listBudgetViews } from "@/lib/ai/budgets/budget-store";
import type { DailySpendRow, MonthToDate, SpendForecast } from "@/lib/ai/service-types";

export async function dailySpend(from: Date, to: Date): Promise<DailySpendRow[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ day: string; feature: string; model: string | null; cost: unknown; calls: unknown }>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, feature, coalesce(model, '') AS model,
            coalesce(sum(cost_nusd), 0) AS cost, count(*) AS calls
       FROM ai_calls WHERE at >= $1 AND at < $2 AND status IN ('ok', 'error')
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [from, to],
  );
  return rows.map((r) => ({ day: r.day, feature: r.feature, model: r.model ?? "", costUsd: nanoToUsd(num(r.cost)), calls: num(r.calls) }));
}

async function dailyNano(now: Date): Promise<{ day: string; nusd: number }[]> {
  const { sql } = await getDatabase();
  const { start, end } = periodBounds("month", now);
  const rows = await sql.query<{ day: string; cost: unknown }>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, coalesce(sum(cost_nusd), 0) AS cost
       FROM ai_calls WHERE at >= $1 AND at < $2 GROUP BY 1 ORDER BY 1`,
    [start, end],
  );
  return rows.map((r) => ({ day: r.day, nusd: num(r.cost) }));
}

export async function monthToDateSpend(now = new Date()): Promise<MonthToDate> {
  const daily = await dailyNano(now);
  const total = daily.reduce((s, d) => s + d.nusd, 0);
  return {
    monthStart: periodBounds("month", now).start.toISOString().slice(0, 10),
    totalUsd: nanoToUsd(total),
    budgets: await listBudgetViews(now),
  };
}

export async function spendForecast(now = new Date()): Promise<SpendForecast> {
  const f = forecastMonthEnd(await dailyNano(now), now);
  return {
    monthStart: f.monthStart,
    daysInMonth: f.daysInMonth,
    daysElapsed: f.daysElapsed,
    monthToDateUsd: nanoToUsd(f.monthToDateNusd),
    projectedUsd: nanoToUsd(f.projectedNusd),
    points: f.points.map((p) => ({ day: p.day, cumulativeUsd: nanoToUsd(p.cumulativeNusd), forecast: p.forecast })),
  };
}

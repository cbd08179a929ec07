"use client";
// The spend page's charts, re-read every 30 s (TanStack Query over a server function): spend per day
// stacked by feature or by model, the month's cumulative spend with its forecast and the monthly
// limit, and each budget's use in its current period. Figures prepared by components/ai/spend-chart-data.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { BudgetBars } from "@/components/ai/budget-bars";
import { ForecastChart } from "@/components/ai/forecast-chart";
import { SpendByDayChart } from "@/components/ai/spend-by-day-chart";
import { prepareBudgetBars, prepareForecastChart, prepareSpendByDay, type SpendGrouping } from "@/components/ai/spend-chart-data";
import { actionData, retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { UtcTime } from "@/components/ui/time";
import type { BudgetView, DailySpendRow, SpendForecast } from "@/lib/ai/service-types";
import { loadSpendAction } from "./actions";

type Data = { daily: DailySpendRow[]; budgets: BudgetView[]; forecast: SpendForecast; fromDay: string; toDay: string; at: string };

export function SpendView({ initial }: { initial: Data }) {
  const [by, setBy] = useState<SpendGrouping>("feature");
  const { data, error } = useQuery({
    queryKey: queryKeys.aiSpend,
    queryFn: async () => actionData(await loadSpendAction({})),
    initialData: initial,
    refetchInterval: 30_000,
    retry: retryUnlessRefused,
  });
  const stacked = useMemo(() => prepareSpendByDay(data.daily, by, { from: data.fromDay, to: data.toDay }), [data, by]);
  const monthLimit = data.budgets.find((b) => b.scope === "global" && b.period === "month")?.hardUsd ?? null;
  const month = useMemo(() => prepareForecastChart(data.forecast, monthLimit), [data.forecast, monthLimit]);
  const bars = useMemo(() => prepareBudgetBars(data.budgets), [data.budgets]);
  return (
    <section aria-labelledby="spend-heading" className="mt-6 space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="spend-heading" className="text-lg font-semibold">
          Spend
        </h2>
        <div className="flex items-center gap-3 text-sm">
          <div role="group" aria-label="Group spend by" className="flex overflow-hidden rounded border border-line-strong">
            {(["feature", "model"] as const).map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={by === g}
                onClick={() => setBy(g)}
                className={`px-3 py-1 ${by === g ? "bg-accent font-semibold text-canvas" : "text-ink hover:bg-panel-raised"}`}
              >
                By {g}
              </button>
            ))}
          </div>
          <span className="text-xs text-ink-muted">
            {error ? (
              <span className="text-alarm-high">Refresh failed: {error.message}</span>
            ) : (
              <>
                as of <UtcTime iso={data.at} precision="second" zone />
              </>
            )}
          </span>
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <SpendByDayChart data={stacked} title={`Spend per day by ${by}, last 30 days (UTC)`} />
        <ForecastChart data={month} />
      </div>
      <div>
        <h3 className="font-semibold">Budgets: used in the current period</h3>
        <p className="text-xs text-ink-muted">
          Settled spend plus what calls in flight have reserved; the yellow tick is the soft threshold.
        </p>
        <BudgetBars bars={bars} />
      </div>
    </section>
  );
}

"use client";
// Spend per UTC day as stacked bars, one colour per feature or model (prepared by spend-chart-data's
// prepareSpendByDay). Presentational only.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsdAxis, type StackedSpend } from "./spend-chart-data";

export function SpendByDayChart({ data, title, height = 240 }: { data: StackedSpend; title: string; height?: number }) {
  const rows = data.days.map((d) => ({ label: d.label, ...d.values }));
  return (
    <figure className="rounded-lg border border-line bg-panel p-3" data-testid="spend-by-day">
      <figcaption className="flex items-baseline justify-between px-1 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-ink-muted tabular">
          total{" "}
          <span className="font-semibold text-ink" data-testid="spend-total">
            {formatUsdAxis(data.totalUsd)}
          </span>{" "}
          · <span data-testid="spend-calls">{data.calls}</span> calls
        </span>
      </figcaption>
      {data.series.length === 0 ? (
        <p className="px-1 py-10 text-center text-sm text-ink-muted">No spend in this range.</p>
      ) : (
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 12, right: 12, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="var(--color-line)" vertical={false} />
              <XAxis dataKey="label" stroke="var(--color-ink-muted)" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis stroke="var(--color-ink-muted)" tick={{ fontSize: 11 }} tickFormatter={formatUsdAxis} width={64} />
              <Tooltip
                formatter={(v) => formatUsdAxis(Number(v))}
                contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)" }}
                cursor={{ fill: "var(--color-panel-raised)" }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {data.series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="spend" fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

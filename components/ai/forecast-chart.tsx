"use client";
// The month's cumulative AI spend (solid) and its straight-line forecast to month end (dashed), with the
// global monthly limit as a red line when there is one (prepared by spend-chart-data's
// prepareForecastChart). Presentational only.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsdAxis, type ForecastChart as ForecastData } from "./spend-chart-data";

export function ForecastChart({ data, height = 220 }: { data: ForecastData; height?: number }) {
  return (
    <figure className="rounded-lg border border-line bg-panel p-3" data-testid="spend-forecast">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 px-1 text-sm">
        <span className="font-medium">This month: spend so far and forecast</span>
        <span className="text-ink-muted tabular">
          month to date <span className="font-semibold text-ink">{formatUsdAxis(data.monthToDateUsd)}</span> · forecast at month end{" "}
          <span className={`font-semibold ${data.overLimit ? "text-alarm-high" : "text-ink"}`} data-testid="forecast-total">
            {formatUsdAxis(data.projectedUsd)}
          </span>
          {data.limitUsd !== null && <> · monthly limit {formatUsdAxis(data.limitUsd)}</>}
        </span>
      </figcaption>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data.rows} margin={{ top: 12, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--color-line)" vertical={false} />
            <XAxis dataKey="label" stroke="var(--color-ink-muted)" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis
              stroke="var(--color-ink-muted)"
              tick={{ fontSize: 11 }}
              tickFormatter={formatUsdAxis}
              domain={[0, data.yMax]}
              width={64}
              allowDataOverflow
            />
            <Tooltip
              formatter={(v) => (v === null || v === undefined ? "—" : formatUsdAxis(Number(v)))}
              contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)" }}
            />
            {data.limitUsd !== null && (
              <ReferenceLine
                y={data.limitUsd}
                stroke="var(--color-alarm-high)"
                strokeDasharray="2 2"
                label={{ value: "limit", fill: "var(--color-alarm-high)", fontSize: 11, position: "insideTopRight" }}
              />
            )}
            <Line
              dataKey="actualUsd"
              name="Spent"
              stroke="var(--color-accent)"
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="forecastUsd"
              name="Forecast"
              stroke="var(--color-ink-muted)"
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

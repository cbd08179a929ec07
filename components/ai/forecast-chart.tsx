// The month's cumulative AI spend (solid) and its straight-line forecast to month end (dashed), with the
// global monthly limit as a red line when there is one (prepared by spend-chart-data's
// prepareForecastChart). Presentational only; plain SVG (components/charts/svg-chart).
import { ChartHover } from "@/components/charts/chart-hover";
import { ChartLegend } from "@/components/charts/chart-legend";
import { LineMark } from "@/components/charts/svg-marks";
import { SvgChart } from "@/components/charts/svg-chart";
import { categoryTicks, niceScale } from "@/lib/charts/nice-scale";
import { categoryDomain } from "@/lib/charts/svg-shapes";
import { formatUsdAxis, type ForecastChart as ForecastData } from "./spend-chart-data";

const SPENT = "var(--color-accent)";
const FORECAST = "var(--color-ink-muted)";

export function ForecastChart({ data, height = 220 }: { data: ForecastData; height?: number }) {
  const rows = data.rows.map((r, i) => ({ t: i, actualUsd: r.actualUsd ?? undefined, forecastUsd: r.forecastUsd ?? undefined }));
  const y = niceScale(0, data.yMax, { zero: true, maxTicks: 6 });
  const xDomain = categoryDomain(rows.length);
  const usd = (v: number | null) => (v === null ? null : formatUsdAxis(v));
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
      <SvgChart
        height={height}
        ariaLabel="Cumulative AI spend this month and its forecast to month end"
        xDomain={xDomain}
        xTicks={categoryTicks(
          data.rows.map((r) => r.label),
          8,
        )}
        y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: formatUsdAxis(v) })), width: 64 }}
        rules={
          data.limitUsd === null
            ? []
            : [{ y: data.limitUsd, color: "var(--color-alarm-high)", dashed: true, label: "limit", labelAt: "right" }]
        }
        plot={(box) => (
          <>
            <LineMark rows={rows} dataKey="actualUsd" box={box} color={SPENT} width={2} />
            <LineMark rows={rows} dataKey="forecastUsd" box={box} color={FORECAST} width={2} dashed />
          </>
        )}
        overlay={
          <ChartHover
            xDomain={xDomain}
            ts={rows.map((r) => r.t)}
            titles={data.rows.map((r) => r.day)}
            series={[
              { label: "Spent", color: SPENT, values: data.rows.map((r) => usd(r.actualUsd)) },
              { label: "Forecast", color: FORECAST, values: data.rows.map((r) => usd(r.forecastUsd)) },
            ]}
          />
        }
      />
      <ChartLegend
        items={[
          { label: "Spent", color: SPENT },
          { label: "Forecast", color: FORECAST, shape: "dashed" },
        ]}
      />
    </figure>
  );
}

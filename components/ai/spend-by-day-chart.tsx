// Spend per UTC day as stacked bars, one colour per feature or model (prepared by spend-chart-data's
// prepareSpendByDay). Presentational only; plain SVG (components/charts/svg-chart).
import { ChartHover } from "@/components/charts/chart-hover";
import { ChartLegend } from "@/components/charts/chart-legend";
import { BarMarks } from "@/components/charts/svg-marks";
import { SvgChart } from "@/components/charts/svg-chart";
import { categoryTicks, niceScale } from "@/lib/charts/nice-scale";
import { barRects, categoryDomain } from "@/lib/charts/svg-shapes";
import { formatUsdAxis, type StackedSpend } from "./spend-chart-data";

export function SpendByDayChart({ data, title, height = 240 }: { data: StackedSpend; title: string; height?: number }) {
  const rows = data.days.map((d, i) => ({ t: i, ...d.values }));
  const keys = data.series.map((s) => s.key);
  const y = niceScale(0, data.maxDayUsd, { zero: true, maxTicks: 6 });
  const xDomain = categoryDomain(rows.length);
  const colorOf = new Map(data.series.map((s) => [s.key, s.color]));
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
        <>
          <SvgChart
            height={height}
            ariaLabel={`${title}: spend per day by ${data.series.map((s) => s.label).join(", ")}`}
            xDomain={xDomain}
            xTicks={categoryTicks(
              data.days.map((d) => d.label),
              8,
            )}
            y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: formatUsdAxis(v) })), width: 64 }}
            plot={(box) => <BarMarks rects={barRects(rows, keys, box, "stacked")} colorOf={(r) => colorOf.get(r.key) ?? "currentColor"} />}
            overlay={
              <ChartHover
                column
                xDomain={xDomain}
                ts={rows.map((r) => r.t)}
                titles={data.days.map((d) => `${d.day} · ${formatUsdAxis(d.totalUsd)}`)}
                series={data.series.map((s) => ({
                  label: s.label,
                  color: s.color,
                  values: data.days.map((d) => (d.values[s.key] ? formatUsdAxis(d.values[s.key]!) : null)),
                }))}
              />
            }
          />
          <ChartLegend items={data.series.map((s) => ({ label: s.label, color: s.color, shape: "block" }))} />
        </>
      )}
    </figure>
  );
}

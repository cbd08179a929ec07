// Utilization per class per day (percent in use), one line per class. Presentational: rows come from
// components/assets/prepare-utilization. Plain SVG (components/charts/svg-chart), rendered with the page.
import { ChartHover } from "@/components/charts/chart-hover";
import { ChartLegend } from "@/components/charts/chart-legend";
import { LineMark } from "@/components/charts/svg-marks";
import { SvgChart } from "@/components/charts/svg-chart";
import { categoryTicks } from "@/lib/charts/nice-scale";
import type { TrendRow } from "@/lib/charts/prepare-trend";
import { categoryDomain } from "@/lib/charts/svg-shapes";
import type { UtilizationRow } from "./prepare-utilization";
import { classLabel } from "./asset-types";

const COLORS = ["var(--color-accent)", "var(--color-ok)", "var(--color-alarm-medium)", "var(--color-vital-bp)", "var(--color-alarm-low)"];

const percentOf = (v: unknown) => (typeof v === "number" ? v : null);

function plotRow(r: UtilizationRow, index: number, classes: readonly string[]): TrendRow {
  const row: TrendRow = { t: index };
  for (const c of classes) row[c] = percentOf(r[c]) ?? undefined;
  return row;
}

export function UtilizationChart({
  rows,
  classes,
  height = 260,
}: {
  rows: readonly UtilizationRow[];
  classes: readonly string[];
  height?: number;
}) {
  const points = rows.map((r, i) => plotRow(r, i, classes));
  const xDomain = categoryDomain(rows.length);
  const series = classes.map((c, i) => ({ key: c, label: classLabel(c), color: COLORS[i % COLORS.length]! }));
  return (
    <div data-testid="utilization-chart">
      <SvgChart
        height={height}
        ariaLabel={`Share in use per day of ${series.map((s) => s.label).join(", ")}`}
        xDomain={xDomain}
        xTicks={categoryTicks(
          rows.map((r) => r.day.slice(5)),
          8,
        )}
        y={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100].map((v) => ({ v, label: `${v}%` })) }}
        plot={(box) => series.map((s) => <LineMark key={s.key} rows={points} dataKey={s.key} box={box} color={s.color} width={2} />)}
        overlay={
          <ChartHover
            xDomain={xDomain}
            ts={points.map((p) => p.t)}
            titles={rows.map((r) => r.day)}
            series={series.map((s) => ({ label: s.label, color: s.color, values: rows.map((r) => percentOf(r[s.key])), unit: "%" }))}
          />
        }
      />
      <ChartLegend items={series} />
    </div>
  );
}

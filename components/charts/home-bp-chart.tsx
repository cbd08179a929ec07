// Home blood pressure per day: systolic and diastolic daily means over 14 days, with the home targets
// (135 and 85 mmHg) as dashed lines. Presentational: the rows come from lib/portal/bp-view. Plain SVG
// (svg-chart).
import { categoryTicks } from "@/lib/charts/nice-scale";
import { categoryDomain } from "@/lib/charts/svg-shapes";
import { ChartHover } from "./chart-hover";
import { ChartLegend } from "./chart-legend";
import { LineMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

export type HomeBpChartProps = {
  rows: readonly { label: string; sys: number | null; dia: number | null }[];
  targets: { sys: number; dia: number };
  height?: number;
};

const SERIES = [
  { key: "sys", label: "Systolic", color: "var(--color-vital-bp)" },
  { key: "dia", label: "Diastolic", color: "var(--color-vital-spo2)" },
] as const;

export function HomeBpChart({ rows, targets, height = 220 }: HomeBpChartProps) {
  const points = rows.map((r, i) => ({ t: i, sys: r.sys ?? undefined, dia: r.dia ?? undefined }));
  const xDomain = categoryDomain(rows.length);
  return (
    <div data-testid="home-bp-chart">
      <SvgChart
        height={height}
        ariaLabel="Daily average blood pressure over 14 days"
        xDomain={xDomain}
        xTicks={categoryTicks(
          rows.map((r) => r.label),
          7,
        )}
        y={{ domain: [60, 180], ticks: [60, 85, 120, 135, 180].map((v) => ({ v, label: String(v) })), width: 36 }}
        rules={[
          { y: targets.sys, color: "var(--color-alarm-medium)", dashed: true },
          { y: targets.dia, color: "var(--color-alarm-medium)", dashed: true },
        ]}
        plot={(box) =>
          SERIES.map((s) => <LineMark key={s.key} rows={points} dataKey={s.key} box={box} color={s.color} width={2} connectNulls dots />)
        }
        overlay={
          <ChartHover
            xDomain={xDomain}
            ts={points.map((p) => p.t)}
            titles={rows.map((r) => r.label)}
            series={SERIES.map((s) => ({ label: s.label, color: s.color, values: rows.map((r) => r[s.key]), unit: "mmHg" }))}
          />
        }
      />
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color }))} />
    </div>
  );
}

// The ambulatory glucose profile: all days folded onto one, 5–95 % band (light), 25–75 % band (dark)
// and the median, over the 70–180 mg/dL target range, with the 54 and 250 thresholds. Presentational:
// rows, axes and ticks come from lib/charts/prepare-agp. Plain SVG (svg-chart).
import type { AgpRow } from "@/lib/charts/prepare-agp";
import { ChartHover } from "./chart-hover";
import { LineMark, RangeMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

export type AgpChartProps = {
  rows: readonly AgpRow[];
  yDomain: readonly [number, number];
  yTicks: readonly number[];
  xTicks: readonly number[];
  formatMinute: (minute: number) => string;
  height?: number;
};

const BAND = "var(--color-vital-spo2)";
const MEDIAN = "var(--color-ink)";
const range = (r: readonly [number, number] | undefined) => (r ? `${Math.round(r[0])}–${Math.round(r[1])} mg/dL` : null);

export function AgpChart(p: AgpChartProps) {
  const rows = p.rows.map((r) => ({
    t: r.minute,
    outerLo: r.outer?.[0],
    outerHi: r.outer?.[1],
    innerLo: r.inner?.[0],
    innerHi: r.inner?.[1],
    median: r.median,
  }));
  const xDomain = [0, 1440] as const;
  return (
    <SvgChart
      height={p.height ?? 240}
      testId="agp-chart"
      ariaLabel="Ambulatory glucose profile: median, 25–75 % and 5–95 % of readings by time of day"
      xDomain={xDomain}
      xTicks={p.xTicks.map((m) => ({ v: m, label: p.formatMinute(m) }))}
      y={{ domain: p.yDomain, ticks: p.yTicks.map((v) => ({ v, label: String(v) })) }}
      shades={[{ y1: 70, y2: 180, color: "var(--color-ok)" }]}
      rules={[
        { y: 70, color: "var(--color-ok)", opacity: 0.7, label: "70" },
        { y: 180, color: "var(--color-ok)", opacity: 0.7, label: "180" },
        { y: 54, color: "#ff5c5c", dashed: true },
        { y: 250, color: "#e67e22", dashed: true },
      ]}
      plot={(box) => (
        <>
          <RangeMark rows={rows} lowKey="outerLo" highKey="outerHi" box={box} color={BAND} opacity={0.15} />
          <RangeMark rows={rows} lowKey="innerLo" highKey="innerHi" box={box} color={BAND} opacity={0.4} />
          <LineMark rows={rows} dataKey="median" box={box} color={MEDIAN} width={2} />
        </>
      )}
      overlay={
        <ChartHover
          xDomain={xDomain}
          ts={rows.map((r) => r.t)}
          titles={p.rows.map((r) => p.formatMinute(r.minute))}
          series={[
            { label: "Median", color: MEDIAN, values: p.rows.map((r) => r.median ?? null), unit: "mg/dL" },
            { label: "25–75 %", color: BAND, values: p.rows.map((r) => range(r.inner)) },
            { label: "5–95 %", color: BAND, values: p.rows.map((r) => range(r.outer)) },
          ]}
        />
      }
    />
  );
}

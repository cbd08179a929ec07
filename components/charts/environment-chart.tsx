// One environment sensor's temperature over the last 24 h, with its allowed range shaded. Presentational:
// rows, domains and ticks come from lib/charts/prepare-environment. Plain SVG (svg-chart), rendered with
// the page; clock labels in the server's zone, the hover read-out in the browser's.
import type { Point } from "@/lib/charts/lttb";
import { niceScale } from "@/lib/charts/nice-scale";
import { formatClock } from "@/lib/charts/prepare-trend";
import { ChartHover } from "./chart-hover";
import { LineMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

export type EnvironmentChartProps = {
  deviceId: string;
  rows: readonly Point[];
  xDomain: readonly [number, number];
  xTicks: readonly number[];
  yDomain: readonly [number, number];
  band: { from: number; to: number };
};

const COLOR = "var(--color-vital-spo2)";

export function EnvironmentChart({ deviceId, rows, xDomain, xTicks, yDomain, band }: EnvironmentChartProps) {
  const y = niceScale(yDomain[0], yDomain[1], { integer: true, maxTicks: 6 });
  return (
    <SvgChart
      height={160}
      testId={`environment-chart-${deviceId}`}
      data={{ "data-points": rows.length }}
      ariaLabel={`Temperature of ${deviceId} over the last 24 hours, ${rows.length} points; allowed ${band.from} to ${band.to} °C`}
      xDomain={xDomain}
      xTicks={xTicks.map((t) => ({ v: t, label: formatClock(t) }))}
      verticalGrid
      y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: String(v) })), width: 32 }}
      shades={[{ y1: band.from, y2: band.to, color: "var(--color-ok)" }]}
      plot={(box) => <LineMark rows={rows} dataKey="v" box={box} color={COLOR} />}
      overlay={
        <ChartHover
          xDomain={xDomain}
          ts={rows.map((r) => r.t)}
          series={[{ label: "Temperature", color: COLOR, values: rows.map((r) => r.v), decimals: 1, unit: "°C" }]}
        />
      }
    />
  );
}

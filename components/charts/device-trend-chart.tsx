// One of a device's own telemetry trends (vibration, temperature, battery…): a card with title, latest
// value and range, and a line over the window. Presentational: points come from
// lib/charts/prepare-device-trends (null points break the line where the device was silent). Plain SVG
// (svg-chart), rendered with the page.
import { niceScale } from "@/lib/charts/nice-scale";
import { clockTicks, formatClockUtc, type DeviceTrend } from "@/lib/charts/prepare-device-trends";
import { ChartHover } from "./chart-hover";
import { LineMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

const FOUR_HOURS = 4 * 3_600_000;
const COLOR = "#38bdf8";

export function DeviceTrendChart({ trend, from, to }: { trend: DeviceTrend; from: number; to: number }) {
  const fmt = (v: number | null) => (v === null ? "—" : `${v.toFixed(trend.decimals)}${trend.unit ? ` ${trend.unit}` : ""}`);
  const hasData = trend.min !== null && trend.max !== null;
  const rows = trend.points.map((p) => (p.v === null ? { t: p.t } : { t: p.t, v: p.v }));
  const y = niceScale(trend.min ?? 0, trend.max ?? 1, { maxTicks: 5 });
  return (
    <figure className="rounded-lg border border-line bg-panel p-3" data-testid={`device-trend-${trend.code}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{trend.title}</span>
        <span className="text-sm tabular">
          <span className="text-lg font-semibold">{fmt(trend.latest)}</span>
          {hasData && (
            <span className="ml-2 text-ink-muted">
              range {fmt(trend.min)} – {fmt(trend.max)}
            </span>
          )}
        </span>
      </figcaption>
      <div className="mt-2 w-full">
        {hasData ? (
          <SvgChart
            height={160}
            ariaLabel={`${trend.title} over the last 24 hours`}
            xDomain={[from, to]}
            xTicks={clockTicks(from, to, FOUR_HOURS).map((t) => ({ v: t, label: formatClockUtc(t) }))}
            verticalGrid
            y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: v.toFixed(trend.decimals) })), width: 52 }}
            plot={(box) => <LineMark rows={rows} dataKey="v" box={box} color={COLOR} />}
            overlay={
              <ChartHover
                time="utc"
                xDomain={[from, to]}
                ts={trend.points.map((p) => p.t)}
                series={[
                  { label: trend.title, color: COLOR, values: trend.points.map((p) => p.v), decimals: trend.decimals, unit: trend.unit },
                ]}
              />
            }
          />
        ) : (
          <p className="flex h-40 items-center justify-center text-sm text-ink-faint">No readings in the last 24 hours</p>
        )}
      </div>
    </figure>
  );
}

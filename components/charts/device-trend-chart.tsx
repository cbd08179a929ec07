"use client";
// One of a device's own telemetry trends (vibration, temperature, battery…): a card with title, latest
// value and range, and a line over the window. Presentational: points come from
// lib/charts/prepare-device-trends (null points break the line where the device was silent).
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { clockTicks, formatClockUtc, type DeviceTrend } from "@/lib/charts/prepare-device-trends";

const FOUR_HOURS = 4 * 3_600_000;

export function DeviceTrendChart({ trend, from, to }: { trend: DeviceTrend; from: number; to: number }) {
  const fmt = (v: number | null) => (v === null ? "—" : `${v.toFixed(trend.decimals)}${trend.unit ? ` ${trend.unit}` : ""}`);
  const hasData = trend.points.some((p) => p.v !== null);
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
      <div className="mt-2 h-40 w-full" role="img" aria-label={`${trend.title} over the last 24 hours`}>
        {hasData ? (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={trend.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                domain={[from, to]}
                ticks={clockTicks(from, to, FOUR_HOURS)}
                tickFormatter={formatClockUtc}
                tick={{ fontSize: 11 }}
              />
              <YAxis
                domain={["auto", "auto"]}
                tick={{ fontSize: 11 }}
                width={52}
                tickFormatter={(v: number) => v.toFixed(trend.decimals)}
              />
              <Tooltip
                labelFormatter={(t) => `${formatClockUtc(Number(t))} UTC`}
                formatter={(v) => [fmt(typeof v === "number" ? v : null), trend.title]}
                contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-line)" }}
              />
              <Line dataKey="v" stroke="#38bdf8" dot={false} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        ) : (
          <p className="flex h-full items-center justify-center text-sm text-ink-faint">No readings in the last 24 hours</p>
        )}
      </div>
    </figure>
  );
}

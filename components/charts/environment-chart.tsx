"use client";
// One environment sensor's temperature over the last 24 h, with its allowed range shaded. Presentational:
// rows, domains and ticks come from lib/charts/prepare-environment.
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Point } from "@/lib/charts/lttb";

export type EnvironmentChartProps = {
  deviceId: string;
  rows: readonly Point[];
  xDomain: readonly [number, number];
  xTicks: readonly number[];
  yDomain: readonly [number, number];
  band: { from: number; to: number };
};

const hourMinute = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dateTime = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export function EnvironmentChart({ deviceId, rows, xDomain, xTicks, yDomain, band }: EnvironmentChartProps) {
  return (
    <div
      className="h-40 w-full"
      data-testid={`environment-chart-${deviceId}`}
      data-points={rows.length}
      role="img"
      aria-label={`Temperature of ${deviceId} over the last 24 hours, ${rows.length} points; allowed ${band.from} to ${band.to} °C`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...rows]} margin={{ top: 6, right: 8, bottom: 0, left: -20 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
          <ReferenceArea y1={band.from} y2={band.to} ifOverflow="hidden" fill="var(--color-ok)" fillOpacity={0.08} stroke="none" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[xDomain[0], xDomain[1]]}
            ticks={[...xTicks]}
            tickFormatter={(t: number) => hourMinute.format(t)}
            tick={{ fontSize: 11 }}
          />
          <YAxis domain={[yDomain[0], yDomain[1]]} tick={{ fontSize: 11 }} allowDecimals={false} />
          <Tooltip
            contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-line)" }}
            labelFormatter={(t) => (typeof t === "number" ? dateTime.format(t) : String(t))}
            formatter={(v) => [`${String(v)} °C`, "Temperature"]}
          />
          <Line dataKey="v" stroke="var(--color-vital-spo2)" dot={false} strokeWidth={1.5} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

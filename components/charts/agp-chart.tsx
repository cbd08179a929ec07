"use client";
// The ambulatory glucose profile: all days folded onto one, 5–95 % band (light), 25–75 % band (dark)
// and the median, over the 70–180 mg/dL target range, with the 54 and 250 thresholds. Presentational:
// rows, axes and ticks come from lib/charts/prepare-agp.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { AgpRow } from "@/lib/charts/prepare-agp";

export type AgpChartProps = {
  rows: readonly AgpRow[];
  yDomain: readonly [number, number];
  yTicks: readonly number[];
  xTicks: readonly number[];
  formatMinute: (minute: number) => string;
  height?: number;
};

const BAND = "var(--color-vital-spo2)";

function pair(v: unknown): string | null {
  return Array.isArray(v) && v.length === 2 ? `${Math.round(Number(v[0]))}–${Math.round(Number(v[1]))} mg/dL` : null;
}

export function AgpChart(p: AgpChartProps) {
  return (
    <div style={{ height: p.height ?? 240 }} data-testid="agp-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={p.rows} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="2 4" vertical={false} />
          <ReferenceArea y1={70} y2={180} fill="var(--color-ok)" fillOpacity={0.08} stroke="none" ifOverflow="hidden" />
          <ReferenceLine
            y={70}
            stroke="var(--color-ok)"
            strokeOpacity={0.7}
            label={{ value: "70", position: "insideBottomLeft", fill: "var(--color-ok)", fontSize: 10 }}
          />
          <ReferenceLine
            y={180}
            stroke="var(--color-ok)"
            strokeOpacity={0.7}
            label={{ value: "180", position: "insideTopLeft", fill: "var(--color-ok)", fontSize: 10 }}
          />
          <ReferenceLine y={54} stroke="#ff5c5c" strokeDasharray="4 4" strokeOpacity={0.8} />
          <ReferenceLine y={250} stroke="#e67e22" strokeDasharray="4 4" strokeOpacity={0.8} />
          <XAxis
            dataKey="minute"
            type="number"
            domain={[0, 1440]}
            ticks={[...p.xTicks]}
            tickFormatter={(m: number) => p.formatMinute(m)}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <YAxis
            domain={[p.yDomain[0], p.yDomain[1]]}
            ticks={[...p.yTicks]}
            allowDataOverflow
            width={44}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(m) => (typeof m === "number" ? p.formatMinute(m) : String(m))}
            formatter={(value, name) => [pair(value) ?? (typeof value === "number" ? `${Math.round(value)} mg/dL` : String(value)), name]}
            contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)", borderRadius: 6 }}
            labelStyle={{ color: "var(--color-ink-muted)" }}
            itemStyle={{ color: "var(--color-ink)" }}
          />
          <Area
            dataKey="outer"
            name="5–95 %"
            type="monotone"
            fill={BAND}
            fillOpacity={0.15}
            stroke="none"
            connectNulls={false}
            isAnimationActive={false}
          />
          <Area
            dataKey="inner"
            name="25–75 %"
            type="monotone"
            fill={BAND}
            fillOpacity={0.4}
            stroke="none"
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="median"
            name="Median"
            type="monotone"
            stroke="var(--color-ink)"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

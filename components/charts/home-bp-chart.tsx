"use client";
// Home blood pressure per day: systolic and diastolic daily means over 14 days, with the home targets
// (135 and 85 mmHg) as dashed lines. Presentational: the rows come from lib/portal/bp-view.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type HomeBpChartProps = {
  rows: readonly { label: string; sys: number | null; dia: number | null }[];
  targets: { sys: number; dia: number };
  height?: number;
};

export function HomeBpChart({ rows, targets, height = 220 }: HomeBpChartProps) {
  return (
    <div style={{ height }} data-testid="home-bp-chart" role="img" aria-label="Daily average blood pressure over 14 days">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="2 4" vertical={false} />
          <ReferenceLine y={targets.sys} stroke="var(--color-alarm-medium)" strokeDasharray="4 4" />
          <ReferenceLine y={targets.dia} stroke="var(--color-alarm-medium)" strokeDasharray="4 4" />
          <XAxis
            dataKey="label"
            interval="preserveStartEnd"
            minTickGap={24}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <YAxis
            domain={[60, 180]}
            ticks={[60, 85, 120, 135, 180]}
            width={36}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)", borderRadius: 6 }}
            labelStyle={{ color: "var(--color-ink-muted)" }}
            itemStyle={{ color: "var(--color-ink)" }}
          />
          <Line
            dataKey="sys"
            name="Systolic"
            stroke="var(--color-vital-bp)"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="dia"
            name="Diastolic"
            stroke="var(--color-vital-spo2)"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

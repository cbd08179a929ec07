"use client";
// Rescue inhaler puffs per day (bars, marked on trigger days) over 14 days with the day's highest pollen index
// (line, right axis, high from 7.3). Presentational: rows come from lib/portal/asthma-view.
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type RescueTriggersRow = { label: string; rescuePuffs: number; pollen: number | null; trigger: boolean };

export function RescueTriggersChart({
  rows,
  highPollen,
  height = 220,
}: {
  rows: readonly RescueTriggersRow[];
  highPollen: number;
  height?: number;
}) {
  return (
    <div
      style={{ height }}
      data-testid="rescue-triggers-chart"
      role="img"
      aria-label="Rescue inhaler puffs per day and pollen index over 14 days"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...rows]} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="label"
            interval="preserveStartEnd"
            minTickGap={24}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <YAxis
            yAxisId="puffs"
            allowDecimals={false}
            width={28}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <YAxis
            yAxisId="pollen"
            orientation="right"
            domain={[0, 12]}
            ticks={[0, 4, 8, 12]}
            width={28}
            stroke="var(--color-line-strong)"
            tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
          />
          <ReferenceLine yAxisId="pollen" y={highPollen} stroke="var(--color-alarm-medium)" strokeDasharray="4 4" />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)", borderRadius: 6 }}
            labelStyle={{ color: "var(--color-ink-muted)" }}
            itemStyle={{ color: "var(--color-ink)" }}
          />
          <Bar yAxisId="puffs" dataKey="rescuePuffs" name="Rescue puffs" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.label} fill={r.trigger ? "var(--color-alarm-medium)" : "var(--color-accent)"} />
            ))}
          </Bar>
          <Line
            yAxisId="pollen"
            dataKey="pollen"
            name="Pollen index"
            stroke="var(--color-ok)"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

"use client";
// Utilization per class per day (percent in use), one line per class. Presentational: rows come from
// components/assets/prepare-utilization.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UtilizationRow } from "./prepare-utilization";
import { classLabel } from "./asset-types";

const COLORS = ["var(--color-accent)", "var(--color-ok)", "var(--color-alarm-medium)", "var(--color-vital-bp)", "var(--color-alarm-low)"];

export function UtilizationChart({
  rows,
  classes,
  height = 260,
}: {
  rows: readonly UtilizationRow[];
  classes: readonly string[];
  height?: number;
}) {
  return (
    <div style={{ height }} data-testid="utilization-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows as UtilizationRow[]} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="day" stroke="var(--color-ink-muted)" fontSize={11} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis domain={[0, 100]} unit="%" stroke="var(--color-ink-muted)" fontSize={11} width={44} />
          <Tooltip contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-line)" }} />
          <Legend formatter={(v: string) => classLabel(v)} />
          {classes.map((c, i) => (
            <Line
              key={c}
              type="monotone"
              dataKey={c}
              name={c}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

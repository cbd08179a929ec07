"use client";
// The 30-day flow trend: admissions and discharges per day (bars) and the midnight census (line).
// Presentational: rows come from lib/charts/prepare-flow.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendRow } from "@/lib/charts/prepare-flow";

export function FlowTrendChart({ rows }: { rows: TrendRow[] }) {
  return (
    <div
      className="h-64 w-full"
      data-testid="flow-trend"
      role="img"
      aria-label={`Admissions, discharges and census over ${rows.length} days`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-line)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="admissions" name="Admissions" fill="#38bdf8" isAnimationActive={false} />
          <Bar dataKey="discharges" name="Discharges" fill="#a78bfa" isAnimationActive={false} />
          <Line dataKey="census" name="Census (midnight)" stroke="#facc15" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

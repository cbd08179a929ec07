"use client";
// Length of stay by ward: median and p90 hours of the ward stays that ended in the period.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LosBar } from "@/lib/charts/prepare-flow";

export function LengthOfStayChart({ bars }: { bars: LosBar[] }) {
  if (bars.length === 0) return <p className="text-sm text-ink-muted">No ward stay ended in this period.</p>;
  return (
    <div className="h-56 w-full" data-testid="los-chart" role="img" aria-label="Length of stay by ward in hours">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
          <XAxis dataKey="ward" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} unit=" h" />
          <Tooltip contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-line)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="medianHours" name="Median (h)" fill="#38bdf8" isAnimationActive={false} />
          <Bar dataKey="p90Hours" name="p90 (h)" fill="#f97316" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

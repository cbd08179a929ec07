// The 30-day flow trend: admissions and discharges per day (bars) and the midnight census (line).
// Presentational: rows come from lib/charts/prepare-flow. Plain SVG (svg-chart), rendered with the page.
import type { TrendRow } from "@/lib/charts/prepare-flow";
import { categoryTicks, niceScale } from "@/lib/charts/nice-scale";
import { barRects, categoryDomain } from "@/lib/charts/svg-shapes";
import { ChartHover } from "./chart-hover";
import { ChartLegend } from "./chart-legend";
import { BarMarks, LineMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

const SERIES = [
  { key: "admissions", label: "Admissions", color: "#38bdf8" },
  { key: "discharges", label: "Discharges", color: "#a78bfa" },
  { key: "census", label: "Census (midnight)", color: "#facc15" },
] as const;

export function FlowTrendChart({ rows }: { rows: TrendRow[] }) {
  const points = rows.map((r, i) => ({ t: i, admissions: r.admissions, discharges: r.discharges, census: r.census }));
  const y = niceScale(0, Math.max(0, ...rows.flatMap((r) => [r.admissions, r.discharges, r.census])), {
    integer: true,
    zero: true,
    maxTicks: 6,
  });
  const xDomain = categoryDomain(rows.length);
  const colorOf = (key: string) => SERIES.find((s) => s.key === key)?.color ?? "currentColor";
  return (
    <div data-testid="flow-trend">
      <SvgChart
        height={232}
        ariaLabel={`Admissions, discharges and census over ${rows.length} days`}
        xDomain={xDomain}
        xTicks={categoryTicks(
          rows.map((r) => r.label),
          7,
        )}
        y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: String(v) })), width: 36 }}
        plot={(box) => (
          <>
            <BarMarks rects={barRects(points, ["admissions", "discharges"], box, "grouped")} colorOf={(r) => colorOf(r.key)} />
            <LineMark rows={points} dataKey="census" box={box} color={colorOf("census")} width={2} />
          </>
        )}
        overlay={
          <ChartHover
            column
            xDomain={xDomain}
            ts={points.map((r) => r.t)}
            titles={rows.map((r) => r.day)}
            series={SERIES.map((s) => ({ label: s.label, color: s.color, values: rows.map((r) => r[s.key]) }))}
          />
        }
      />
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color, shape: s.key === "census" ? "line" : "block" }))} />
    </div>
  );
}

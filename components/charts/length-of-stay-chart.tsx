// Length of stay by ward: median and p90 hours of the ward stays that ended in the period.
// Plain SVG (svg-chart), rendered with the page.
import type { LosBar } from "@/lib/charts/prepare-flow";
import { niceScale } from "@/lib/charts/nice-scale";
import { barRects, categoryDomain } from "@/lib/charts/svg-shapes";
import { ChartHover } from "./chart-hover";
import { ChartLegend } from "./chart-legend";
import { BarMarks } from "./svg-marks";
import { SvgChart } from "./svg-chart";

const SERIES = [
  { key: "medianHours", label: "Median (h)", color: "#38bdf8" },
  { key: "p90Hours", label: "p90 (h)", color: "#f97316" },
] as const;

export function LengthOfStayChart({ bars }: { bars: LosBar[] }) {
  if (bars.length === 0) return <p className="text-sm text-ink-muted">No ward stay ended in this period.</p>;
  const rows = bars.map((b, i) => ({ t: i, medianHours: b.medianHours, p90Hours: b.p90Hours }));
  const y = niceScale(0, Math.max(...bars.map((b) => b.p90Hours), ...bars.map((b) => b.medianHours)), { zero: true, maxTicks: 6 });
  const xDomain = categoryDomain(bars.length);
  return (
    <div data-testid="los-chart">
      <SvgChart
        height={200}
        ariaLabel="Length of stay by ward in hours"
        xDomain={xDomain}
        xTicks={bars.map((b, i) => ({ v: i, label: b.ward }))}
        y={{ domain: y.domain, ticks: y.ticks.map((v) => ({ v, label: `${v} h` })), width: 44 }}
        plot={(box) => (
          <BarMarks
            rects={barRects(rows, ["medianHours", "p90Hours"], box, "grouped", 0.7 * Math.min(1, bars.length / 4))}
            colorOf={(r) => SERIES.find((s) => s.key === r.key)!.color}
          />
        )}
        overlay={
          <ChartHover
            column
            xDomain={xDomain}
            ts={rows.map((r) => r.t)}
            titles={bars.map((b) => `${b.ward} · ${b.stays} stay${b.stays === 1 ? "" : "s"}`)}
            series={SERIES.map((s) => ({ label: s.label, color: s.color, values: bars.map((b) => b[s.key]), decimals: 1 }))}
          />
        }
      />
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color, shape: "block" }))} />
    </div>
  );
}

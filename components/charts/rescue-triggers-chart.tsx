// Rescue inhaler puffs per day (bars, marked on trigger days) over 14 days with the day's highest pollen index
// (line, right axis, high from 7.3). Presentational: rows come from lib/portal/asthma-view. Plain SVG
// (svg-chart).
import { categoryTicks, niceScale } from "@/lib/charts/nice-scale";
import { barRects, categoryDomain } from "@/lib/charts/svg-shapes";
import { ChartHover } from "./chart-hover";
import { ChartLegend } from "./chart-legend";
import { BarMarks, LineMark } from "./svg-marks";
import { SvgChart } from "./svg-chart";

export type RescueTriggersRow = { label: string; rescuePuffs: number; pollen: number | null; trigger: boolean };

const PUFFS = "var(--color-accent)";
const TRIGGER = "var(--color-alarm-medium)";
const POLLEN = "var(--color-ok)";

export function RescueTriggersChart({
  rows,
  highPollen,
  height = 220,
}: {
  rows: readonly RescueTriggersRow[];
  highPollen: number;
  height?: number;
}) {
  const points = rows.map((r, i) => ({ t: i, rescuePuffs: r.rescuePuffs, pollen: r.pollen ?? undefined }));
  const puffs = niceScale(0, Math.max(0, ...rows.map((r) => r.rescuePuffs)), { integer: true, zero: true, maxTicks: 5 });
  const xDomain = categoryDomain(rows.length);
  return (
    <div data-testid="rescue-triggers-chart">
      <SvgChart
        height={height}
        ariaLabel="Rescue inhaler puffs per day and pollen index over 14 days"
        xDomain={xDomain}
        xTicks={categoryTicks(
          rows.map((r) => r.label),
          7,
        )}
        y={{ domain: puffs.domain, ticks: puffs.ticks.map((v) => ({ v, label: String(v) })), width: 28 }}
        right={{ domain: [0, 12], ticks: [0, 4, 8, 12].map((v) => ({ v, label: String(v) })), width: 28 }}
        rules={[{ y: highPollen, axis: "right", color: TRIGGER, dashed: true }]}
        plot={(box, pollenBox) => (
          <>
            <BarMarks
              rects={barRects(points, ["rescuePuffs"], box, "grouped", 0.6)}
              colorOf={(r) => (rows[r.index]!.trigger ? TRIGGER : PUFFS)}
            />
            {pollenBox && <LineMark rows={points} dataKey="pollen" box={pollenBox} color={POLLEN} width={2} connectNulls />}
          </>
        )}
        overlay={
          <ChartHover
            column
            xDomain={xDomain}
            ts={points.map((p) => p.t)}
            titles={rows.map((r) => (r.trigger ? `${r.label} · trigger day` : r.label))}
            series={[
              { label: "Rescue puffs", color: PUFFS, values: rows.map((r) => r.rescuePuffs) },
              { label: "Pollen index", color: POLLEN, values: rows.map((r) => r.pollen), decimals: 1 },
            ]}
          />
        }
      />
      <ChartLegend
        items={[
          { label: "Rescue puffs", color: PUFFS, shape: "block" },
          { label: "Puffs on a trigger day", color: TRIGGER, shape: "block" },
          { label: "Pollen index (right)", color: POLLEN },
        ]}
      />
    </div>
  );
}

// The frame of the plain-SVG charts (flow, spend, portal, devices, environment, assets): value and time or
// category axes with their labels, a light grid, shaded value ranges and reference rules, and the plot's
// own marks drawn by the caller in plot coordinates. No hooks: it renders on the server as well as in a
// client component, so a chart is on screen at first paint with no chart library to load (see README,
// "Performance"). The SVG is stretched to the card's width (its strokes keep their width); text is HTML
// placed over it, like the patient's trend charts (vital-trend-chart).
import type { ReactNode } from "react";
import { PLOT_WIDTH, percentX, plotX, plotY, type PlotBox } from "@/lib/charts/svg-plot";
import { BandAreas } from "./chart-overlays";

export type AxisTick = { v: number; label: string };

export type ValueAxis = { domain: readonly [number, number]; ticks: readonly AxisTick[]; width?: number };

/** A horizontal line at a value (a target, a threshold, a limit), optionally labelled at its left or right end. */
export type ChartRule = {
  y: number;
  color: string;
  dashed?: boolean;
  opacity?: number;
  label?: string;
  labelAt?: "left" | "right";
  axis?: "right";
};

/** A shaded value range (a target range, an allowed band). */
export type ChartShade = { y1: number; y2: number; color: string; opacity?: number };

export type SvgChartProps = {
  height: number;
  xDomain: readonly [number, number];
  xTicks: readonly AxisTick[];
  /** Vertical grid lines at the x ticks too (time axes). */
  verticalGrid?: boolean;
  y: ValueAxis;
  /** A second value axis on the right with its own scale. */
  right?: ValueAxis;
  shades?: readonly ChartShade[];
  rules?: readonly ChartRule[];
  /** The chart's marks, drawn inside the plot SVG in its coordinates (`right` for the right axis' scale). */
  plot: (box: PlotBox, right: PlotBox | null) => ReactNode;
  /** HTML over the plot (the hover read-out). */
  overlay?: ReactNode;
  testId?: string;
  ariaLabel?: string;
  /** Extra data-* attributes for tests and benches. */
  data?: Record<`data-${string}`, string | number>;
};

const PLOT_TOP = 8;
const PLOT_BOTTOM = 22;
const NON_SCALING = { vectorEffect: "non-scaling-stroke" } as const;
const LABEL = "pointer-events-none absolute whitespace-nowrap text-[11px] leading-none text-ink-muted tabular";

export function SvgChart(p: SvgChartProps) {
  const plotHeight = Math.max(1, p.height - PLOT_TOP - PLOT_BOTTOM);
  const box: PlotBox = { xDomain: p.xDomain, yDomain: p.y.domain, width: PLOT_WIDTH, height: plotHeight };
  const rightBox: PlotBox | null = p.right ? { ...box, yDomain: p.right.domain } : null;
  const boxOf = (r: { axis?: "right" }) => (r.axis === "right" && rightBox ? rightBox : box);
  const inView = (v: number, b: PlotBox) => v >= b.yDomain[0] && v <= b.yDomain[1];
  return (
    <div style={{ height: p.height }} className="relative w-full" data-testid={p.testId} role="img" aria-label={p.ariaLabel} {...p.data}>
      <div className="absolute" style={{ top: PLOT_TOP, bottom: PLOT_BOTTOM, left: p.y.width ?? 44, right: p.right?.width ?? 12 }}>
        <svg
          viewBox={`0 0 ${PLOT_WIDTH} ${plotHeight}`}
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full"
          aria-hidden="true"
        >
          <BandAreas bands={(p.shades ?? []).map((s) => ({ ...s, label: "", opacity: s.opacity ?? 0.08 }))} box={box} />
          <g stroke="var(--color-line)" strokeDasharray="2 4">
            {p.y.ticks.map((t) => (
              <line key={`gy-${t.v}`} x1={0} x2={PLOT_WIDTH} y1={plotY(t.v, box)} y2={plotY(t.v, box)} style={NON_SCALING} />
            ))}
            {p.verticalGrid &&
              p.xTicks.map((t) => (
                <line key={`gx-${t.v}`} x1={plotX(t.v, box)} x2={plotX(t.v, box)} y1={0} y2={plotHeight} style={NON_SCALING} />
              ))}
          </g>
          {(p.rules ?? [])
            .filter((r) => inView(r.y, boxOf(r)))
            .map((r) => (
              <line
                key={`rule-${r.axis ?? "left"}-${r.y}`}
                x1={0}
                x2={PLOT_WIDTH}
                y1={plotY(r.y, boxOf(r))}
                y2={plotY(r.y, boxOf(r))}
                stroke={r.color}
                strokeOpacity={r.opacity ?? 0.8}
                strokeDasharray={r.dashed ? "4 4" : undefined}
                style={NON_SCALING}
              />
            ))}
          {p.plot(box, rightBox)}
          <path
            d={`M0,0V${plotHeight}H${PLOT_WIDTH}${p.right ? "V0" : ""}`}
            fill="none"
            stroke="var(--color-line-strong)"
            style={NON_SCALING}
          />
        </svg>
        {p.y.ticks.map((t) => (
          <span key={`yl-${t.v}`} className={`${LABEL} right-full mr-1.5 -translate-y-1/2`} style={{ top: plotY(t.v, box) }}>
            {t.label}
          </span>
        ))}
        {rightBox &&
          p.right?.ticks.map((t) => (
            <span key={`rl-${t.v}`} className={`${LABEL} left-full ml-1.5 -translate-y-1/2`} style={{ top: plotY(t.v, rightBox) }}>
              {t.label}
            </span>
          ))}
        {p.xTicks.map((t) => (
          <span key={`xl-${t.v}`} className={`${LABEL} top-full mt-1.5 -translate-x-1/2`} style={{ left: `${percentX(t.v, box)}%` }}>
            {t.label}
          </span>
        ))}
        {(p.rules ?? [])
          .filter((r) => r.label && inView(r.y, boxOf(r)))
          .map((r) => (
            <span
              key={`rule-label-${r.axis ?? "left"}-${r.y}`}
              className={`pointer-events-none absolute -translate-y-full pb-0.5 text-[10px] leading-none ${r.labelAt === "right" ? "right-1" : "left-1"}`}
              style={{ top: plotY(r.y, boxOf(r)), color: r.color }}
            >
              {r.label}
            </span>
          ))}
        {p.overlay}
      </div>
    </div>
  );
}

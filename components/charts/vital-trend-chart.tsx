// One vital-sign trend: a card with title, latest value and a time-axis line chart of prepared data
// (see lib/charts/prepare-trend), optionally with shaded bands (NEWS2 risk bands), alarm limits and
// alarm markers (lib/charts/prepare-limits). Presentational only: no fetching, no domain logic.
// Plain SVG, not Recharts: the server renders it into the page, so the chart is on screen at first paint
// with no chart library to load or hydrate (see README, "Performance"). The plot SVG is stretched to
// the card's width (its lines keep their stroke); text and markers are HTML placed over it.
import type { ReactNode } from "react";
import type { AlarmMarker, LimitLine } from "@/lib/charts/prepare-limits";
import type { ReferenceBand, TrendRow } from "@/lib/charts/prepare-trend";
import { dotsPath, linePath, PLOT_WIDTH, percentX, plotX, plotY, type PlotBox } from "@/lib/charts/svg-plot";
import { AlarmMarkers, BandAreas, BandLabels, LimitLabels, LimitRules, type ChartBand } from "./chart-overlays";
import { TrendHover } from "./trend-hover";

export type TrendLine = { key: string; label: string; color: string; dashed?: boolean };

export type VitalTrendChartProps = {
  /** Chart id, used in `data-testid="trend-{code}"`. */
  code: string;
  title: string;
  /** Display unit, e.g. "bpm". */
  unit: string;
  decimals: number;
  rows: readonly TrendRow[];
  lines: readonly TrendLine[];
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yTicks: readonly number[];
  xTicks: readonly number[];
  formatTick: (t: number) => string;
  /** The NEWS2 "score 0" range, shaded green. */
  band: ReferenceBand | null;
  /** Further shaded value bands (e.g. NEWS2 risk bands), drawn under the lines. */
  bands?: readonly ChartBand[];
  /** Alarm limits in force, as dashed horizontal lines labelled in a right-hand gutter (given, even empty: the gutter is kept so stacked charts share their time axis). */
  limits?: readonly LimitLine[];
  /** Where alarms of this parameter were raised. */
  markers?: readonly AlarmMarker[];
  /** "stepAfter" for a value that holds until the next one (a score). */
  lineType?: "linear" | "stepAfter";
  dots: boolean;
  /** Join across missing values (intermittent measurements); false breaks the line at gaps. */
  connectNulls: boolean;
  /** Shown in place of the lines (loading, error, no data). */
  placeholder?: ReactNode;
  /** Latest value as text, e.g. "120/80". */
  latest?: string | null;
  latestAt?: string | null;
  /** Shown after the latest value, e.g. the NEWS2 band and its clinical response. */
  latestNote?: ReactNode;
  /** Small print under the chart, e.g. readings stored vs drawn. */
  footnote?: string | null;
  height?: number;
};

/** Room for limit labels such as "Sys crit hi 220" right of the plot. */
const LIMIT_GUTTER = 88;
/** Room for the value axis' labels left of the plot. */
const AXIS_WIDTH = 44;
/** Above the plot, and below it for the time axis' labels. */
const PLOT_TOP = 6;
const PLOT_BOTTOM = 24;
const NON_SCALING = { vectorEffect: "non-scaling-stroke" } as const;

export function VitalTrendChart(p: VitalTrendChartProps) {
  const height = p.height ?? 180;
  return (
    <figure data-testid={`trend-${p.code}`} className="rounded-lg border border-line bg-panel p-3">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-1">
        <span className="flex items-baseline gap-3">
          <span className="font-medium">{p.title}</span>
          {p.lines.length > 1 && (
            <span className="flex gap-3 text-xs text-ink-muted">
              {p.lines.map((l) => (
                <span key={l.key} className="flex items-center gap-1">
                  <svg width="18" height="6" aria-hidden="true">
                    <line x1="0" y1="3" x2="18" y2="3" stroke={l.color} strokeWidth="2" strokeDasharray={l.dashed ? "4 3" : undefined} />
                  </svg>
                  {l.label}
                </span>
              ))}
            </span>
          )}
        </span>
        <span className="flex flex-wrap items-baseline justify-end gap-x-3">
          {p.latest && (
            <span className="tabular text-sm">
              <span className="text-lg font-semibold" style={{ color: p.lines[0]?.color }}>
                {p.latest}
              </span>{" "}
              <span className="text-ink-muted">{p.unit}</span>
              {p.latestAt && <span className="ml-2 text-xs text-ink-faint">at {p.latestAt}</span>}
            </span>
          )}
          {p.latestNote}
        </span>
      </figcaption>
      <div style={{ height }} className="relative mt-2">
        {p.placeholder ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-line text-sm text-ink-muted">
            {p.placeholder}
          </div>
        ) : (
          <TrendPlot {...p} height={height} />
        )}
      </div>
      {p.footnote && <p className="mt-1 px-1 text-xs text-ink-faint tabular">{p.footnote}</p>}
    </figure>
  );
}

function TrendPlot(p: VitalTrendChartProps & { height: number }) {
  const box: PlotBox = { xDomain: p.xDomain, yDomain: p.yDomain, width: PLOT_WIDTH, height: p.height - PLOT_TOP - PLOT_BOTTOM };
  const bands: ChartBand[] = [...(p.band ? [{ ...p.band, color: "var(--color-ok)" }] : []), ...(p.bands ?? [])];
  const xTicks = p.xTicks.filter((t) => t >= p.xDomain[0] && t <= p.xDomain[1]);
  const step = p.lineType === "stepAfter";
  return (
    <div
      className="absolute"
      style={{ top: PLOT_TOP, bottom: PLOT_BOTTOM, left: AXIS_WIDTH, right: p.limits ? LIMIT_GUTTER : 12 }}
      data-testid="trend-plot"
    >
      <svg
        viewBox={`0 0 ${PLOT_WIDTH} ${box.height}`}
        preserveAspectRatio="none"
        className="absolute inset-0 h-full w-full"
        aria-hidden="true"
      >
        <BandAreas bands={bands} box={box} />
        <g stroke="var(--color-line)" strokeDasharray="2 4" style={NON_SCALING}>
          {p.yTicks.map((v) => (
            <line key={`y-${v}`} x1={0} x2={PLOT_WIDTH} y1={plotY(v, box)} y2={plotY(v, box)} style={NON_SCALING} />
          ))}
          {xTicks.map((t) => (
            <line key={`x-${t}`} x1={plotX(t, box)} x2={plotX(t, box)} y1={0} y2={box.height} style={NON_SCALING} />
          ))}
        </g>
        <LimitRules lines={p.limits ?? []} box={box} />
        {p.lines.map((l) => (
          <path
            key={l.key}
            data-trend-line={l.key}
            d={linePath(p.rows, l.key, box, { connectNulls: p.connectNulls, step })}
            fill="none"
            stroke={l.color}
            strokeWidth={1.5}
            strokeLinejoin="round"
            strokeDasharray={l.dashed ? "4 3" : undefined}
            style={NON_SCALING}
          />
        ))}
        {p.dots &&
          p.lines.map((l) => (
            <path
              key={`dots-${l.key}`}
              d={dotsPath(p.rows, l.key, box)}
              stroke={l.color}
              strokeWidth={4}
              strokeLinecap="round"
              style={NON_SCALING}
            />
          ))}
        <path d={`M0,0V${box.height}H${PLOT_WIDTH}`} fill="none" stroke="var(--color-line-strong)" style={NON_SCALING} />
      </svg>
      <BandLabels bands={bands} box={box} />
      {p.yTicks.map((v) => (
        <span
          key={`yl-${v}`}
          className="pointer-events-none absolute right-full mr-1.5 -translate-y-1/2 text-[11px] leading-none text-ink-muted tabular"
          style={{ top: plotY(v, box) }}
        >
          {v.toFixed(p.decimals)}
        </span>
      ))}
      {xTicks.map((t) => (
        <span
          key={`xl-${t}`}
          className="pointer-events-none absolute top-full mt-1.5 -translate-x-1/2 text-[11px] leading-none text-ink-muted tabular"
          style={{ left: `${percentX(t, box)}%` }}
        >
          {p.formatTick(t)}
        </span>
      ))}
      <LimitLabels lines={p.limits ?? []} box={box} />
      <TrendHover rows={p.rows} lines={p.lines} xDomain={p.xDomain} decimals={p.decimals} unit={p.unit} />
      <AlarmMarkers markers={p.markers ?? []} box={box} />
    </div>
  );
}

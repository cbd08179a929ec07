"use client";
// One vital-sign trend: a card with title, latest value and a time-axis line chart of prepared data
// (see lib/charts/prepare-trend), optionally with shaded bands (NEWS2 risk bands), alarm limits and
// alarm markers (lib/charts/prepare-limits). Presentational only: no fetching, no domain logic.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReactNode } from "react";
import type { AlarmMarker, LimitLine } from "@/lib/charts/prepare-limits";
import type { ReferenceBand, TrendRow } from "@/lib/charts/prepare-trend";
import { renderAlarmMarkers, renderBands, renderLimitLines, type ChartBand } from "./chart-overlays";

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
/** Chart height not used by the plot: top margin and the time axis. */
const PLOT_INSET = 36;

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

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
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={p.rows} margin={{ top: 6, right: p.limits ? LIMIT_GUTTER : 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--color-line)" strokeDasharray="2 4" />
              {renderBands([...(p.band ? [{ ...p.band, color: "var(--color-ok)" }] : []), ...(p.bands ?? [])])}
              {renderLimitLines(p.limits ?? [], p.yDomain, height - PLOT_INSET)}
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[p.xDomain[0], p.xDomain[1]]}
                ticks={p.xTicks}
                tickFormatter={(t: number) => p.formatTick(t)}
                allowDataOverflow
                stroke="var(--color-line-strong)"
                tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
              />
              <YAxis
                domain={[p.yDomain[0], p.yDomain[1]]}
                ticks={p.yTicks}
                allowDataOverflow
                width={44}
                tickFormatter={(v: number) => v.toFixed(p.decimals)}
                stroke="var(--color-line-strong)"
                tick={{ fill: "var(--color-ink-muted)", fontSize: 11 }}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(label) => (typeof label === "number" ? dateTime.format(label) : label)}
                formatter={(value, name) => [typeof value === "number" ? `${value.toFixed(p.decimals)} ${p.unit}` : String(value), name]}
                contentStyle={{ background: "var(--color-panel-raised)", border: "1px solid var(--color-line-strong)", borderRadius: 6 }}
                labelStyle={{ color: "var(--color-ink-muted)" }}
                itemStyle={{ color: "var(--color-ink)" }}
              />
              {p.lines.map((l) => (
                <Line
                  key={l.key}
                  dataKey={l.key}
                  name={l.label}
                  type={p.lineType ?? "linear"}
                  stroke={l.color}
                  strokeWidth={1.5}
                  strokeDasharray={l.dashed ? "4 3" : undefined}
                  dot={p.dots ? { r: 2, fill: l.color, strokeWidth: 0 } : false}
                  activeDot={{ r: 3 }}
                  connectNulls={p.connectNulls}
                  isAnimationActive={false}
                />
              ))}
              {renderAlarmMarkers(p.markers ?? [])}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      {p.footnote && <p className="mt-1 px-1 text-xs text-ink-faint tabular">{p.footnote}</p>}
    </figure>
  );
}

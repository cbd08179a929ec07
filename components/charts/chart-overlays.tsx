"use client";
// Overlays for cartesian Recharts charts, returned as element arrays (so they stay direct chart children):
// shaded value bands (NEWS2 risk bands, the NEWS2 "score 0" range), alarm limits as dashed reference
// lines, and alarm markers (a dot at the alarm's value, or a triangle at the top edge when the alarm has
// no value on this axis) with a native hover title. Presentational only: data come from lib/charts.
import { ReferenceArea, ReferenceDot, ReferenceLine } from "recharts";
import type { ReactElement } from "react";
import { labelOffsets, type AlarmMarker, type LimitLine } from "@/lib/charts/prepare-limits";

export type ChartBand = { y1: number; y2: number; label: string; color: string; opacity?: number };

export function renderBands(bands: readonly ChartBand[]): ReactElement[] {
  return bands.map((b) => (
    <ReferenceArea
      key={`band-${b.y1}-${b.y2}`}
      y1={b.y1}
      y2={b.y2}
      ifOverflow="hidden"
      fill={b.color}
      fillOpacity={b.opacity ?? 0.07}
      stroke="none"
      label={{ value: b.label, position: "insideTopLeft", fill: "var(--color-ink-faint)", fontSize: 10 }}
    />
  ));
}

/**
 * Labelled in the right-hand gutter of the chart (see VitalTrendChart), level with the line, nudged
 * apart where limits lie close together (`plotHeightPx`: the plot's approximate height).
 */
export function renderLimitLines(lines: readonly LimitLine[], yDomain: readonly [number, number], plotHeightPx: number): ReactElement[] {
  const dy = labelOffsets(
    lines.map((l) => l.y),
    yDomain,
    plotHeightPx,
  );
  return lines.map((l, i) => (
    <ReferenceLine
      key={`limit-${l.key}`}
      y={l.y}
      ifOverflow="discard"
      stroke={l.color}
      strokeOpacity={l.critical ? 0.45 : 0.8}
      strokeWidth={1}
      strokeDasharray={l.critical ? "2 4" : "6 4"}
      label={{
        value: l.label,
        position: "right",
        dy: dy[i] ?? 0,
        fill: l.color,
        fillOpacity: l.critical ? 0.6 : 0.9,
        fontSize: 10,
      }}
    />
  ));
}

type ShapeProps = { cx?: number; cy?: number };

function markerElement(m: AlarmMarker, { cx, cy }: ShapeProps): ReactElement<SVGElement> {
  const x = cx ?? 0;
  const y = cy ?? 0;
  const common = {
    fill: m.color,
    stroke: "var(--color-canvas)",
    strokeWidth: 1.5,
    "data-testid": "alarm-marker",
    "data-priority": m.priority,
  };
  return m.atValue ? (
    <circle cx={x} cy={y} r={5} {...common}>
      <title>{m.title}</title>
    </circle>
  ) : (
    <path d={`M${x - 5},${y} L${x + 5},${y} L${x},${y + 8} Z`} {...common}>
      <title>{m.title}</title>
    </path>
  );
}

export function renderAlarmMarkers(markers: readonly AlarmMarker[]): ReactElement[] {
  return markers.map((m) => (
    <ReferenceDot key={`alarm-${m.id}`} x={m.t} y={m.y} ifOverflow="visible" shape={(props: ShapeProps) => markerElement(m, props)} />
  ));
}

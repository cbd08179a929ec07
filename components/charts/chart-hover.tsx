"use client";
// The hover layer of the plain-SVG charts (svg-chart): the point nearest the pointer, read out. Its props
// are plain, compact data (times and values, not formatted rows), so a chart rendered on the server hands
// them over as they are; only the point under the pointer is formatted, and moving the pointer redraws
// only this layer.
import { useMemo, useState, type PointerEvent } from "react";
import { nearestIndex } from "@/lib/charts/svg-shapes";
import { HoverReadout, xAtPointer } from "./hover-readout";

export type HoverSeries = {
  label: string;
  color: string;
  /** One per point: a number (written with `decimals` and `unit`), text as it is, or null for none. */
  values: readonly (number | string | null)[];
  decimals?: number;
  unit?: string;
};

export type ChartHoverProps = {
  /** The points' x positions, ascending (times, or category indices). */
  ts: readonly number[];
  /** The points' headings; without them the time is written, in UTC or the browser's zone. */
  titles?: readonly string[];
  time?: "utc" | "local";
  series: readonly HoverSeries[];
  xDomain: readonly [number, number];
  /** Shade the whole category (bars) instead of drawing a cursor line. */
  column?: boolean;
};

const localTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function heading(p: ChartHoverProps, i: number): string {
  const title = p.titles?.[i];
  if (title !== undefined) return title;
  const t = p.ts[i]!;
  return p.time === "utc" ? `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC` : localTime.format(t);
}

export function ChartHover(p: ChartHoverProps) {
  const [index, setIndex] = useState(-1);
  const { ts, series, xDomain } = p;
  const shown = useMemo(
    () => ts.flatMap((_, i) => (series.some((s) => s.values[i] !== null && s.values[i] !== undefined) ? [i] : [])),
    [ts, series],
  );
  const shownTs = useMemo(() => shown.map((i) => ts[i]!), [shown, ts]);
  const [from, to] = xDomain;
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const x = xAtPointer(e, xDomain);
    if (x === null) return;
    const k = nearestIndex(shownTs, x);
    setIndex(k < 0 ? -1 : shown[k]!);
  };
  const left = index >= 0 && to > from ? ((ts[index]! - from) / (to - from)) * 100 : null;
  return (
    <div className="absolute inset-0" onPointerMove={onMove} onPointerLeave={() => setIndex(-1)} data-testid="chart-hover">
      {left !== null && left >= 0 && left <= 100 && (
        <HoverReadout
          left={left}
          // a category's slot is one unit of a category axis (lib/charts/svg-shapes' categoryDomain)
          columnWidth={p.column ? (100 / (to - from)) * 0.9 : undefined}
          title={heading(p, index)}
          items={series.flatMap((s) => {
            const v = s.values[index];
            if (v === null || v === undefined) return [];
            const text = typeof v === "string" ? v : `${v.toFixed(s.decimals ?? 0)}${s.unit ? ` ${s.unit}` : ""}`;
            return [{ label: s.label, color: s.color, text }];
          })}
        />
      )}
    </div>
  );
}

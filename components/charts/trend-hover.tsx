"use client";
// The hover read-out of a trend chart: a cursor line at the reading nearest the pointer and a box with
// its date, time and the value of each line. Its own component, so moving the pointer redraws only this,
// never the chart's paths.
import { useState, type PointerEvent } from "react";
import type { TrendRow } from "@/lib/charts/prepare-trend";
import { nearestRowIndex } from "@/lib/charts/svg-plot";
import { HoverReadout, xAtPointer } from "./hover-readout";

type HoverLine = { key: string; label: string; color: string };

export type TrendHoverProps = {
  rows: readonly TrendRow[];
  lines: readonly HoverLine[];
  xDomain: readonly [number, number];
  decimals: number;
  unit: string;
};

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function TrendHover({ rows, lines, xDomain, decimals, unit }: TrendHoverProps) {
  const [index, setIndex] = useState(-1);
  const [from, to] = xDomain;
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const t = xAtPointer(e, xDomain);
    if (t === null) return;
    setIndex(
      nearestRowIndex(
        rows,
        t,
        lines.map((l) => l.key),
      ),
    );
  };
  const row = index >= 0 ? rows[index] : undefined;
  const left = row && to > from ? ((row.t - from) / (to - from)) * 100 : null;
  return (
    <div className="absolute inset-0" onPointerMove={onMove} onPointerLeave={() => setIndex(-1)}>
      {row && left !== null && left >= 0 && left <= 100 && (
        <HoverReadout
          left={left}
          title={dateTime.format(row.t)}
          items={lines.flatMap((l) => {
            const v = row[l.key];
            return v === undefined ? [] : [{ label: l.label, color: l.color, text: `${v.toFixed(decimals)} ${unit}` }];
          })}
        />
      )}
    </div>
  );
}

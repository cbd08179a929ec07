// What a chart shows at the pointer: a cursor (a line, or a shaded column for bars) at `left` % of the
// plot and a box beside it with a heading and one coloured line per series. Presentational; the hover
// layers (trend-hover, chart-hover) decide which point it is, from the x value under the pointer.
import type { PointerEvent } from "react";

/** The x value under the pointer on a layer that spans `xDomain` across its width (null when it has none). */
export function xAtPointer(e: PointerEvent<HTMLElement>, [from, to]: readonly [number, number]): number | null {
  const rect = e.currentTarget.getBoundingClientRect();
  if (rect.width <= 0 || to <= from) return null;
  return from + ((e.clientX - rect.left) / rect.width) * (to - from);
}

export type ReadoutItem = { label: string; color: string; text: string };

export function HoverReadout({
  left,
  columnWidth,
  title,
  items,
}: {
  left: number;
  columnWidth?: number;
  title: string;
  items: readonly ReadoutItem[];
}) {
  return (
    <>
      {columnWidth ? (
        <div
          className="pointer-events-none absolute inset-y-0 -translate-x-1/2 bg-ink/10"
          style={{ left: `${left}%`, width: `${columnWidth}%` }}
        />
      ) : (
        <div className="pointer-events-none absolute inset-y-0 w-px bg-line-strong" style={{ left: `${left}%` }} />
      )}
      <div
        role="tooltip"
        className="pointer-events-none absolute top-1 z-10 whitespace-nowrap rounded-md border border-line-strong bg-panel-raised px-2 py-1 text-xs"
        style={
          left < 60
            ? { left: `calc(${left}% + ${(columnWidth ?? 0) / 2}% + 8px)` }
            : { right: `calc(${100 - left}% + ${(columnWidth ?? 0) / 2}% + 8px)` }
        }
      >
        <p className="text-ink-muted">{title}</p>
        {items.map((i) => (
          <p key={i.label} style={{ color: i.color }}>
            {i.label}: {i.text}
          </p>
        ))}
      </div>
    </>
  );
}

// A tiny inline SVG line for tiles: it draws already-prepared polyline strings (lib/charts/prepare-sparkline)
// and nothing else, so dozens of them can redraw every second.
import { memo } from "react";

export const Sparkline = memo(function Sparkline({
  segments,
  width,
  height,
  label,
  className,
}: {
  segments: readonly string[];
  /** Drawing units of the prepared points, and the default size; CSS in `className` may stretch it. */
  width: number;
  height: number;
  /** Accessible description, e.g. "Pulse, last 10 minutes". */
  label: string;
  className?: string;
}) {
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={segments.length ? label : `${label}: no data`}
      className={className}
      preserveAspectRatio="none"
    >
      {segments.map((points, i) => (
        <polyline
          key={i}
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
});

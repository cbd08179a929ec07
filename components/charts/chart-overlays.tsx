// Overlays of the plain-SVG trend chart (VitalTrendChart): shaded value bands (NEWS2 risk bands, the
// NEWS2 "score 0" range) and alarm limits as dashed lines inside the stretched plot SVG, their labels,
// and alarm markers (a dot at the alarm's value, or a triangle at the top edge when the alarm has no
// value on this axis) with a native hover title, as HTML over it so they keep their shape at any width.
// Presentational only: the data come from lib/charts.
import type { ReactElement } from "react";
import { labelOffsets, type AlarmMarker, type LimitLine } from "@/lib/charts/prepare-limits";
import { PLOT_WIDTH, percentX, plotY, type PlotBox } from "@/lib/charts/svg-plot";

export type ChartBand = { y1: number; y2: number; label: string; color: string; opacity?: number };

const NON_SCALING = { vectorEffect: "non-scaling-stroke" } as const;

function clampToAxis(v: number, box: PlotBox): number {
  return Math.min(box.yDomain[1], Math.max(box.yDomain[0], v));
}

function inAxis(v: number, box: PlotBox): boolean {
  return v >= box.yDomain[0] && v <= box.yDomain[1];
}

/** Band areas, drawn inside the plot SVG under the lines. */
export function BandAreas({ bands, box }: { bands: readonly ChartBand[]; box: PlotBox }): ReactElement {
  return (
    <g>
      {bands.map((b) => {
        const top = plotY(clampToAxis(Math.max(b.y1, b.y2), box), box);
        const bottom = plotY(clampToAxis(Math.min(b.y1, b.y2), box), box);
        if (!(bottom > top)) return null;
        return (
          <rect
            key={`band-${b.y1}-${b.y2}`}
            x={0}
            y={top}
            width={PLOT_WIDTH}
            height={bottom - top}
            fill={b.color}
            fillOpacity={b.opacity ?? 0.07}
          />
        );
      })}
    </g>
  );
}

/** Band names at the top left of each band that is in view (HTML over the plot). */
export function BandLabels({ bands, box }: { bands: readonly ChartBand[]; box: PlotBox }): ReactElement {
  return (
    <>
      {bands.map((b) => {
        const top = plotY(clampToAxis(Math.max(b.y1, b.y2), box), box);
        const bottom = plotY(clampToAxis(Math.min(b.y1, b.y2), box), box);
        if (!(bottom > top)) return null;
        return (
          <span
            key={`band-label-${b.y1}-${b.y2}`}
            className="pointer-events-none absolute left-1 text-[10px] leading-none text-ink-faint"
            style={{ top: top + 3 }}
          >
            {b.label}
          </span>
        );
      })}
    </>
  );
}

/** Alarm limits in view as dashed lines inside the plot SVG (critical ones fainter). */
export function LimitRules({ lines, box }: { lines: readonly LimitLine[]; box: PlotBox }): ReactElement {
  return (
    <g>
      {lines
        .filter((l) => inAxis(l.y, box))
        .map((l) => (
          <line
            key={`limit-${l.key}`}
            x1={0}
            x2={PLOT_WIDTH}
            y1={plotY(l.y, box)}
            y2={plotY(l.y, box)}
            stroke={l.color}
            strokeOpacity={l.critical ? 0.45 : 0.8}
            strokeWidth={1}
            strokeDasharray={l.critical ? "2 4" : "6 4"}
            style={NON_SCALING}
          />
        ))}
    </g>
  );
}

/** Limit names in the right-hand gutter, level with their line, nudged apart where limits lie close. */
export function LimitLabels({ lines, box }: { lines: readonly LimitLine[]; box: PlotBox }): ReactElement {
  const dy = labelOffsets(
    lines.map((l) => l.y),
    box.yDomain,
    box.height,
  );
  return (
    <>
      {lines.map((l, i) =>
        inAxis(l.y, box) ? (
          <span
            key={`limit-label-${l.key}`}
            className="pointer-events-none absolute left-full ml-1 -translate-y-1/2 whitespace-nowrap text-[10px] leading-none"
            style={{ top: plotY(l.y, box) + (dy[i] ?? 0), color: l.color, opacity: l.critical ? 0.6 : 0.9 }}
          >
            {l.label}
          </span>
        ) : null,
      )}
    </>
  );
}

/** A marker's fill, outline and test hooks: the same for the dot (at the value) and the pointer (at the edge). */
function markerPaint(m: AlarmMarker) {
  return { fill: m.color, stroke: "var(--color-canvas)", strokeWidth: 1.5, "data-testid": "alarm-marker", "data-priority": m.priority };
}

/** Where alarms were raised, over the plot (above the hover layer, so each keeps its native title). */
export function AlarmMarkers({ markers, box }: { markers: readonly AlarmMarker[]; box: PlotBox }): ReactElement {
  return (
    <>
      {markers.map((m) => (
        <svg
          key={`alarm-${m.id}`}
          width={12}
          height={12}
          viewBox="-6 -6 12 12"
          className="absolute -translate-x-1/2 -translate-y-1/2 overflow-visible"
          style={{ left: `${percentX(m.t, box)}%`, top: plotY(m.y, box) }}
        >
          {m.atValue ? (
            <circle r={5} {...markerPaint(m)}>
              <title>{m.title}</title>
            </circle>
          ) : (
            <path d="M-5,0 L5,0 L0,8 Z" {...markerPaint(m)}>
              <title>{m.title}</title>
            </path>
          )}
        </svg>
      ))}
    </>
  );
}

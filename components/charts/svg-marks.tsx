// The marks of the plain-SVG charts, in plot coordinates (svg-chart's `plot`): a series as a line (with
// dots at its readings when asked), bars, and a shaded range between two series. No hooks.
import type { TrendRow } from "@/lib/charts/prepare-trend";
import { dotsPath, linePath, type PlotBox } from "@/lib/charts/svg-plot";
import { rangeAreaPath, type BarRect } from "@/lib/charts/svg-shapes";

const NON_SCALING = { vectorEffect: "non-scaling-stroke" } as const;

export type LineMarkProps = {
  rows: readonly TrendRow[];
  dataKey: string;
  box: PlotBox;
  color: string;
  width?: number;
  dashed?: boolean;
  /** Join across rows without a value instead of breaking the line. */
  connectNulls?: boolean;
  dots?: boolean;
};

export function LineMark(p: LineMarkProps) {
  return (
    <>
      <path
        data-series={p.dataKey}
        d={linePath(p.rows, p.dataKey, p.box, { connectNulls: p.connectNulls ?? false })}
        fill="none"
        stroke={p.color}
        strokeWidth={p.width ?? 1.5}
        strokeLinejoin="round"
        strokeDasharray={p.dashed ? "5 4" : undefined}
        style={NON_SCALING}
      />
      {p.dots && <path d={dotsPath(p.rows, p.dataKey, p.box)} stroke={p.color} strokeWidth={5} strokeLinecap="round" style={NON_SCALING} />}
    </>
  );
}

export function BarMarks({ rects, colorOf }: { rects: readonly BarRect[]; colorOf: (r: BarRect) => string }) {
  return (
    <g data-series="bars">
      {rects.map((r) => (
        <rect key={`${r.key}-${r.index}`} data-bar={r.key} x={r.x} y={r.y} width={r.width} height={r.height} fill={colorOf(r)} />
      ))}
    </g>
  );
}

export function RangeMark(p: { rows: readonly TrendRow[]; lowKey: string; highKey: string; box: PlotBox; color: string; opacity: number }) {
  return (
    <path
      data-range={`${p.lowKey}-${p.highKey}`}
      d={rangeAreaPath(p.rows, p.lowKey, p.highKey, p.box)}
      fill={p.color}
      fillOpacity={p.opacity}
      stroke="none"
    />
  );
}

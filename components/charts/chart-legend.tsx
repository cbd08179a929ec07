// The key of a plain-SVG chart: a swatch (a line, a dashed line or a block) and a name per series.
export type LegendItem = { label: string; color: string; shape?: "line" | "dashed" | "block" };

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs text-ink-muted">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          {i.shape === "block" ? (
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: i.color }} aria-hidden="true" />
          ) : (
            <svg width="18" height="6" aria-hidden="true">
              <line
                x1="0"
                y1="3"
                x2="18"
                y2="3"
                stroke={i.color}
                strokeWidth="2"
                strokeDasharray={i.shape === "dashed" ? "4 3" : undefined}
              />
            </svg>
          )}
          {i.label}
        </li>
      ))}
    </ul>
  );
}

"use client";
// Ward header controls: acuity counts at a glance and the Bed/Acuity sort toggle.
import type { SortMode } from "./ward-order";
import type { BedSummary } from "./bed-summary";

export function WardCounts({ summaries, beds }: { summaries: readonly BedSummary[]; beds: number }) {
  const count = (f: (s: BedSummary) => boolean) => summaries.filter(f).length;
  const high = count((s) => s.news2Band === "high");
  const medium = count((s) => s.news2Band === "medium");
  const single = count((s) => s.news2Band === "low-medium");
  const incomplete = count((s) => !s.news2Complete);
  const offline = count((s) => s.freshness === "offline");
  const chip = "rounded px-2 py-0.5 text-sm font-semibold tabular";
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Ward summary">
      <li className="text-sm text-ink-muted tabular">
        {summaries.length}/{beds} beds occupied
      </li>
      {high > 0 && <li className={`${chip} badge-high`}>{high} high</li>}
      {medium > 0 && <li className={`${chip} badge-medium`}>{medium} medium</li>}
      {single > 0 && <li className={`${chip} border border-alarm-medium text-alarm-medium`}>{single} single-param 3</li>}
      {incomplete > 0 && (
        <li className={`${chip} border border-dashed border-line-strong text-ink-muted`}>{incomplete} NEWS2 incomplete</li>
      )}
      {offline > 0 && <li className={`${chip} badge-inop`}>{offline} offline</li>}
    </ul>
  );
}

export function SortToggle({ value, onChange }: { value: SortMode; onChange: (m: SortMode) => void }) {
  const options: { mode: SortMode; label: string }[] = [
    { mode: "bed", label: "Bed" },
    { mode: "acuity", label: "Acuity" },
  ];
  return (
    <div role="group" aria-label="Sort beds by" className="flex items-center gap-2 text-sm">
      <span className="text-ink-muted">Sort</span>
      <div className="flex overflow-hidden rounded border border-line-strong">
        {options.map((o) => (
          <button
            key={o.mode}
            type="button"
            aria-pressed={value === o.mode}
            onClick={() => onChange(o.mode)}
            className={`px-3 py-1 ${value === o.mode ? "bg-accent font-semibold text-canvas" : "text-ink hover:bg-panel-raised"}`}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

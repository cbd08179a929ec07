"use client";
// "Today" / "14 days": a two-button switch for a portal view's period (aria-pressed, large tap targets).
export type Period = "today" | "days14";

export function PeriodTabs({ value, onChange, label }: { value: Period; onChange: (p: Period) => void; label: string }) {
  return (
    <div role="group" aria-label={label} className="mt-3 inline-flex rounded border border-line-strong">
      {(
        [
          ["today", "Today"],
          ["days14", "14 days"],
        ] as const
      ).map(([p, text]) => (
        <button
          key={p}
          type="button"
          aria-pressed={value === p}
          onClick={() => onChange(p)}
          className={`min-h-11 px-4 text-sm ${value === p ? "bg-accent font-semibold text-canvas" : "text-ink"}`}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

// Key to the alarm overlays on the patient's charts: limit lines coloured by the priority of the alarm
// they raise (IEC 60601-1-8), critical limits dotted, and the markers where alarms were raised.
const SWATCHES = [
  { color: "var(--color-alarm-high)", label: "high" },
  { color: "var(--color-alarm-medium)", label: "medium" },
  { color: "var(--color-alarm-low)", label: "low" },
] as const;

export function ChartLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Chart key">
      <span className="flex items-center gap-1">
        <svg width="22" height="6" aria-hidden="true">
          <line x1="0" y1="3" x2="22" y2="3" stroke="var(--color-alarm-medium)" strokeWidth="1.5" strokeDasharray="6 4" />
        </svg>
        alarm limit
      </span>
      <span className="flex items-center gap-1">
        <svg width="22" height="6" aria-hidden="true">
          <line x1="0" y1="3" x2="22" y2="3" stroke="var(--color-alarm-high)" strokeWidth="1.5" strokeDasharray="2 4" />
        </svg>
        critical limit
      </span>
      <span>* set for this patient</span>
      <span className="flex items-center gap-1">
        <svg width="10" height="10" aria-hidden="true">
          <circle cx="5" cy="5" r="4" fill="var(--color-alarm-medium)" />
        </svg>
        alarm raised (at its value)
      </span>
      <span className="flex items-center gap-1">
        <svg width="10" height="10" aria-hidden="true">
          <path d="M1,1 L9,1 L5,8 Z" fill="var(--color-alarm-high)" />
        </svg>
        alarm without a value on the axis
      </span>
      <span className="flex items-center gap-1">
        priority:
        {SWATCHES.map((s) => (
          <span key={s.label} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </span>
    </p>
  );
}

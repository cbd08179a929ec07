// A ward's open alarms at a glance on the wards overview: one chip per priority in its IEC colour, with
// the count in words and how many of them are acknowledged; "No open alarms" when there are none.
import type { AlertPriority } from "@/lib/events";
import { openCount, type WardAlarmCounts } from "@/lib/alerts/ward-alarm-counts";

const CHIPS: { priority: AlertPriority; label: string; className: string }[] = [
  { priority: "high", label: "high", className: "badge-high" },
  { priority: "medium", label: "medium", className: "badge-medium" },
  { priority: "low", label: "low", className: "border border-alarm-low text-alarm-low" },
  { priority: "technical", label: "INOP", className: "border border-alarm-low text-alarm-low" },
];

export function WardAlarmChips({ counts }: { counts: WardAlarmCounts }) {
  const shown = CHIPS.filter((c) => openCount(counts, c.priority) > 0);
  if (shown.length === 0) {
    return (
      <p className="mt-3 text-sm text-ok" data-testid="ward-alarms" data-open="0">
        No open alarms
      </p>
    );
  }
  const total = CHIPS.reduce((n, c) => n + openCount(counts, c.priority), 0);
  return (
    <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Open alarms" data-testid="ward-alarms" data-open={total}>
      {shown.map((c) => {
        const { acknowledged } = counts[c.priority];
        return (
          <li
            key={c.priority}
            data-priority={c.priority}
            className={`rounded px-2 py-0.5 text-sm font-semibold tabular ${c.className}`}
            title={`${openCount(counts, c.priority)} open ${c.label} priority alarms, ${acknowledged} acknowledged`}
          >
            {openCount(counts, c.priority)} {c.label}
            {acknowledged > 0 && <span className="font-normal"> ({acknowledged} ack)</span>}
          </li>
        );
      })}
    </ul>
  );
}

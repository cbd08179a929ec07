// The device's connectivity over the window as one bar: online (green), offline (cyan, INOP colour) and
// no data (grey), each period titled with its times; from lib/charts/prepare-connectivity.
import type { ConnectivitySegment } from "@/lib/charts/prepare-connectivity";
import { formatClockUtc } from "@/lib/charts/prepare-device-trends";

const TONE: Record<ConnectivitySegment["state"], string> = { online: "bg-ok", offline: "bg-alarm-low", no_data: "bg-line" };
const LABEL: Record<ConnectivitySegment["state"], string> = { online: "Online", offline: "Offline", no_data: "No data" };

export function ConnectivityBar({ segments, from }: { segments: ConnectivitySegment[]; from: number }) {
  return (
    <div>
      <div
        className="flex h-4 w-full overflow-hidden rounded border border-line"
        data-testid="connectivity-timeline"
        role="img"
        aria-label={segments.map((s) => `${LABEL[s.state]} ${formatClockUtc(s.from)}–${formatClockUtc(s.to)}`).join(", ")}
      >
        {segments.map((s) => (
          <div
            key={`${s.state}-${s.from}`}
            className={TONE[s.state]}
            style={{ width: `${s.pct}%` }}
            title={`${LABEL[s.state]} ${formatClockUtc(s.from)}–${formatClockUtc(s.to)} UTC`}
          />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-ink-muted tabular">
        <span>{formatClockUtc(from)} UTC</span>
        <span>now</span>
      </div>
    </div>
  );
}

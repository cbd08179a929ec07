// Reference: each device type and the metrics it may send (a frame with any other metric is refused).
import { DEVICE_TYPES, DEVICE_TYPE_KEYS } from "@/lib/domain/device-types";

export function DeviceTypesHelp() {
  return (
    <details className="mt-8 rounded-lg border border-line bg-panel p-4">
      <summary className="cursor-pointer font-medium">Device types and the metrics each may send</summary>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {DEVICE_TYPE_KEYS.map((k) => (
          <div key={k} className="contents">
            <dt>
              {DEVICE_TYPES[k].label} <span className="font-mono text-xs text-ink-muted">{k}</span>
            </dt>
            <dd className="font-mono text-xs text-ink-muted">{DEVICE_TYPES[k].metrics.join(", ")}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

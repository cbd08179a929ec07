"use client";
// The live-connection indicator of a live screen (ward, alert queue): Live, Connecting…, Reconnecting…,
// or "Live updates stopped" with a Reload button. Not being live is a technical condition: cyan.
import type { ConnectionStatus } from "./use-live-socket";

export function ConnectionBadge({ status, error, onReload }: { status: ConnectionStatus; error: string | null; onReload: () => void }) {
  const stopped = status === "refused" || (status === "live" && error !== null);
  const text = stopped ? "Live updates stopped" : status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…";
  const tone = status === "live" && !stopped ? "border-ok/60 text-ok" : "border-alarm-low text-alarm-low";
  return (
    <div className="flex items-center gap-2">
      <span
        role="status"
        aria-live="polite"
        data-testid="connection"
        data-status={stopped ? "stopped" : status}
        title={error ?? undefined}
        className={`flex items-center gap-1.5 rounded border px-2 py-0.5 text-sm font-semibold ${tone}`}
      >
        <span aria-hidden className={`inline-block size-2 rounded-full ${status === "live" && !stopped ? "bg-ok" : "bg-alarm-low"}`} />
        {text}
      </span>
      {stopped && (
        <button type="button" onClick={onReload} className="rounded border border-line-strong px-2 py-0.5 text-sm hover:bg-panel-raised">
          Reload
        </button>
      )}
    </div>
  );
}

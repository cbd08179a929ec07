// Pure preparation of a device's connectivity timeline (device page): from the minutes in which it sent
// frames, the online and offline periods of a window, as the platform judges them (silent for longer than
// its type's inactivity timeout = offline), with each period's share of the bar. Before the first frame of
// the window the state is "no data". No React, no I/O; unit-tested.

export type ConnectivityState = "online" | "offline" | "no_data";
export type ConnectivitySegment = { state: ConnectivityState; from: number; to: number; pct: number };

export type ConnectivityWindow = { from: number; to: number; bucketMs: number; timeoutMs: number };

export function prepareConnectivityTimeline(
  bucketStarts: readonly number[],
  w: ConnectivityWindow,
): {
  segments: ConnectivitySegment[];
  onlinePct: number;
  offlinePeriods: number;
} {
  const span = w.to - w.from;
  if (span <= 0) return { segments: [], onlinePct: 0, offlinePeriods: 0 };
  const buckets = [...new Set(bucketStarts)].filter((t) => t + w.bucketMs > w.from && t < w.to).sort((a, b) => a - b);
  const raw: Omit<ConnectivitySegment, "pct">[] = [];
  const push = (state: ConnectivityState, from: number, to: number) => {
    const a = Math.max(w.from, from);
    const b = Math.min(w.to, to);
    if (b <= a) return;
    const last = raw[raw.length - 1];
    if (last && last.state === state && last.to >= a) last.to = Math.max(last.to, b);
    else raw.push({ state, from: a, to: b });
  };
  if (buckets.length === 0) push("no_data", w.from, w.to);
  else {
    push("no_data", w.from, buckets[0]!);
    for (let i = 0; i < buckets.length; i++) {
      const seenUntil = buckets[i]! + w.bucketMs;
      const next = buckets[i + 1] ?? w.to;
      push("online", buckets[i]!, seenUntil);
      if (next - seenUntil > w.timeoutMs) {
        push("online", seenUntil, seenUntil + w.timeoutMs);
        push("offline", seenUntil + w.timeoutMs, next);
      } else push("online", seenUntil, next);
    }
  }
  const segments = raw.map((s) => ({ ...s, pct: Math.round(((s.to - s.from) / span) * 1000) / 10 }));
  const online = raw.filter((s) => s.state === "online").reduce((n, s) => n + (s.to - s.from), 0);
  return {
    segments,
    onlinePct: Math.round((online / span) * 1000) / 10,
    offlinePeriods: raw.filter((s) => s.state === "offline").length,
  };
}

// Live alert lists kept in the browser (queue, ward tiles, nav count): every version of an alert seen so
// far, keyed by id, updated from "alert:raised"/"alert:updated" and merged with server snapshots after a
// reconnect. An older version never overwrites a newer one (the lifecycle only moves forward:
// active → acknowledged → resolved, escalation level only rises). Pure.
import { compareAlerts } from "@/lib/alerts/alert-policy";
import type { AlertView } from "@/lib/events";
import { matchesFilter, type QueueFilter } from "./queue-filter";

export type AlertLike = Pick<AlertView, "id" | "priority" | "state" | "raisedAt" | "escalationLevel" | "wardId">;

const STATE_RANK: Record<AlertView["state"], number> = { active: 0, acknowledged: 1, resolved: 2 };

/** True when `incoming` is an older version than `current` of the same alert. */
export function isBehind(incoming: AlertLike, current: AlertLike): boolean {
  const byState = STATE_RANK[incoming.state] - STATE_RANK[current.state];
  if (byState !== 0) return byState < 0;
  return incoming.escalationLevel < current.escalationLevel;
}

/** Adds or updates one alert; returns `known` itself when nothing changed. */
export function applyAlert<T extends AlertLike>(known: ReadonlyMap<string, T>, alert: T): ReadonlyMap<string, T> {
  const current = known.get(alert.id);
  if (current === alert || (current && isBehind(alert, current))) return known;
  const next = new Map(known);
  next.set(alert.id, alert);
  return next;
}

export function applyAlerts<T extends AlertLike>(known: ReadonlyMap<string, T>, alerts: readonly T[]): ReadonlyMap<string, T> {
  return alerts.reduce<ReadonlyMap<string, T>>((m, a) => applyAlert(m, a), known);
}

/**
 * Merges a server snapshot taken at `generatedAt` (server time). The snapshot wins unless we already
 * hold a newer version. An alert we hold that the snapshot lacks although `expected(alert)` says it
 * should be there (e.g. resolved while we were offline) is dropped, unless it was raised after the
 * snapshot was taken.
 */
export function mergeSnapshot<T extends AlertLike>(
  known: ReadonlyMap<string, T>,
  snapshot: readonly T[],
  generatedAt: string,
  expected: (a: T) => boolean,
): ReadonlyMap<string, T> {
  const next = new Map<string, T>();
  for (const a of snapshot) {
    const current = known.get(a.id);
    next.set(a.id, current && isBehind(a, current) ? current : a);
  }
  const taken = Date.parse(generatedAt);
  for (const [id, a] of known) {
    if (next.has(id)) continue;
    if (Date.parse(a.raisedAt) > taken || !expected(a)) next.set(id, a);
  }
  return next;
}

/** Queue order: high → medium → low → technical, then the oldest first; ties by id for a stable list. */
export function sortQueue<T extends Pick<AlertView, "id" | "priority" | "raisedAt">>(alerts: Iterable<T>): T[] {
  return [...alerts].sort((a, b) => compareAlerts(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The queue as shown: what matches the filter (`listed`: ids the server's list contained), in queue order. */
export function visibleQueue<T extends AlertLike>(
  known: ReadonlyMap<string, T>,
  filter: QueueFilter,
  listed: ReadonlySet<string> = new Set(),
): T[] {
  return sortQueue([...known.values()].filter((a) => matchesFilter(a, filter, listed.has(a.id))));
}

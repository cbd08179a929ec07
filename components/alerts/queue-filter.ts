// The alert queue's filters (ward, priority, state) as they live in the URL, and whether an alert
// matches them. Pure and client-safe: the page parses the URL with it, the client re-checks live events.
import { ALERT_PRIORITIES, type AlertPriority, type AlertView } from "@/lib/events";

/** "open" = active or acknowledged (the default); "all" includes resolved. */
export const QUEUE_STATES = ["open", "active", "acknowledged", "resolved", "all"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export type QueueFilter = { wardId: string | null; priority: AlertPriority | null; state: QueueState };
export const DEFAULT_QUEUE_FILTER: QueueFilter = { wardId: null, priority: null, state: "open" };

/** At most this many alerts in one queue list (narrow the filters to see the rest). */
export const QUEUE_LIMIT = 500;

/** What the filters need of an alert (full views and the nav's light marks both fit). */
export type FilterableAlert = Pick<AlertView, "priority" | "state" | "wardId">;

type Params = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

function first(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

const isPriority = (v: string | undefined): v is AlertPriority => ALERT_PRIORITIES.some((p) => p === v);
const isQueueState = (v: string | undefined): v is QueueState => QUEUE_STATES.some((s) => s === v);

/** Unknown values fall back to the defaults; a ward outside `wardIds` (when given) is ignored. */
export function parseQueueFilter(params: Params, wardIds?: readonly string[]): QueueFilter {
  const ward = first(params, "ward");
  const priority = first(params, "priority");
  const state = first(params, "state");
  return {
    wardId: ward && (!wardIds || wardIds.includes(ward)) ? ward : null,
    priority: isPriority(priority) ? priority : null,
    state: isQueueState(state) ? state : "open",
  };
}

/** "?ward=…&priority=…&state=…" without the defaults; "" when every filter is at its default. */
export function queueSearch(f: QueueFilter): string {
  const q = new URLSearchParams();
  if (f.wardId) q.set("ward", f.wardId);
  if (f.priority) q.set("priority", f.priority);
  if (f.state !== "open") q.set("state", f.state);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function matchesState(state: AlertView["state"], filter: QueueState): boolean {
  if (filter === "all") return true;
  if (filter === "open") return state !== "resolved";
  return state === filter;
}

/**
 * Whether an alert belongs in the filtered queue. The server also matches a ward by the patient's
 * current bed, which the client cannot see: `listedByServer` keeps what the server put in the list.
 */
export function matchesFilter(a: FilterableAlert, f: QueueFilter, listedByServer = false): boolean {
  if (!matchesState(a.state, f.state)) return false;
  if (f.priority !== null && a.priority !== f.priority) return false;
  if (f.wardId !== null && !listedByServer && a.wardId !== f.wardId) return false;
  return true;
}

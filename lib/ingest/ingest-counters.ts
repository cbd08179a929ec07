// In-memory ingest counters for this process, by transport and outcome: what was accepted, what was
// refused and why (including MQTT refusals, which have no status code to show the device). Shown on
// the admin ingest page and in GET /api/v1/ingest/rejections; reset when the process restarts.
import "server-only";
import { processSingleton } from "@/lib/process-singleton";

export const TRANSPORTS = ["mqtt", "http"] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const OUTCOMES = {
  accepted: "frames stored",
  duplicate: "frames seen before (acknowledged, not stored again)",
  artifact: "values stored flagged as artifacts",
  invalid: "bodies refused as invalid (quarantined)",
  too_large: "bodies over the size limit (quarantined)",
  rate_limited: "bodies over the per-device rate limit",
  busy: "bodies refused because the ingest buffer was full",
  not_stored: "bodies not stored because the database failed (device resends)",
  timeout: "HTTP bodies not confirmed in time (may still be stored)",
  unauthorized: "publishes to a topic the device may not use (quarantined)",
} as const;
export type Outcome = keyof typeof OUTCOMES;

export type IngestCounts = { since: string; counts: Record<Transport, Record<Outcome, number>> };

const zero = (): Record<Outcome, number> => Object.fromEntries(Object.keys(OUTCOMES).map((k) => [k, 0])) as Record<Outcome, number>;

type State = { since: string; counts: Record<Transport, Record<Outcome, number>> };
let cached: State | undefined; // the process-wide object, looked up once (this is on every frame's path)
const state = (): State =>
  (cached ??= processSingleton<State>("ingestCounters", () => ({
    since: new Date().toISOString(),
    counts: { mqtt: zero(), http: zero() },
  })));

export function countIngest(transport: Transport, outcome: Outcome, n = 1): void {
  state().counts[transport][outcome] += n;
}

export function ingestCounts(): IngestCounts {
  const s = state();
  return { since: s.since, counts: { mqtt: { ...s.counts.mqtt }, http: { ...s.counts.http } } };
}

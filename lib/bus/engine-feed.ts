// The bus events the alarm engine consumes (frames, equipment readings, connectivity, device and alert
// changes, limit changes), as one message type: what start-alerting subscribes to, and what crosses to
// the alerting node when several app nodes run (lib/socket/cluster-feed).
import type { BusEvents } from "./event-bus";

export const ENGINE_FEED_EVENTS = [
  "vitals",
  "equipment:readings",
  "device:status",
  "alert:changed",
  "alarm-limits:changed",
  "device:changed",
] as const;
export type EngineFeedEvent = (typeof ENGINE_FEED_EVENTS)[number];
export type EngineFeedMessage = { [K in EngineFeedEvent]: { event: K; payload: BusEvents[K][0] } }[EngineFeedEvent];

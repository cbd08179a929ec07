// Events between app nodes (Socket.IO server-side events over the cluster adapter).
import type { EngineFeedMessage } from "@/lib/bus/engine-feed";

export interface InterServerEvents {
  /** A bus event of one node for the alarm engine, which runs on the elected alerting node. */
  "engine:feed": (m: EngineFeedMessage) => void;
}

// Several app nodes: each node's bus carries only the frames that node consumed (the broker splits the
// stream), but one alarm engine must see every patient's every frame. So every node sends the engine's
// events from its bus to the other nodes (Socket.IO server-side events over the cluster adapter), and the
// node holding the alerting lead (lib/alerts/alerting-lead) feeds what arrives into its engine, exactly
// as it does its own. Alert changes cross only when a person made them (acknowledge, resolve, silence,
// escalate on another node); the engine's own are already on the alerting node.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { ENGINE_FEED_EVENTS, type EngineFeedMessage } from "@/lib/bus/engine-feed";
import type { AppServer } from "./socket-types";

/** `alertingHere`: this node's alerting (lib/alerts/start-alerting) while it holds the lead, else null. */
export function shareEngineFeed(io: AppServer, alertingHere: () => { accept(m: EngineFeedMessage): void } | null): () => void {
  const bus = eventBus();
  const offs = ENGINE_FEED_EVENTS.map((event) =>
    bus.subscribe(event, (payload: EngineFeedMessage["payload"]) => {
      const m = { event, payload } as EngineFeedMessage;
      if (m.event === "alert:changed" && m.payload.actor === null) return;
      io.serverSideEmit("engine:feed", m);
    }),
  );
  const receive = (m: EngineFeedMessage) => {
    try {
      alertingHere()?.accept(m);
    } catch (err) {
      console.error(`[alerts] a ${m.event} event from another node failed:`, err instanceof Error ? err.message : err);
    }
  };
  io.on("engine:feed", receive);
  return () => {
    offs.forEach((off) => off());
    io.off("engine:feed", receive);
  };
}

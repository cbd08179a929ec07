// Alerting on Socket.IO: live NEWS2 and alert changes go to the patient's and ward's rooms (a complete
// NEWS2 also as a `vitals` reading, so tiles and charts that follow vitals show it unchanged); a
// notification goes to each recipient's own room, every socket of theirs is asked to acknowledge it,
// and the first acknowledgement becomes the "delivered" receipt ("not_delivered" if none in time).
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import type { AlertNotification, PersonRef } from "@/lib/events";
import { recordDeliveryReceipt } from "@/lib/alerts/alert-receipts";
import { EQUIPMENT_SCOPE, rooms, roomsOf, userRoom } from "./events";
import type { AppServer } from "./socket-types";
import { news2AsVitals, news2Payload } from "./wire-payloads";

/** How long a recipient's client has to acknowledge a notification. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** An alert on no patient (equipment) also goes to the equipment room (admin, biomed). */
function alertRoomsOf(a: { patientId: string | null; wardId: string | null }): string[] {
  return a.patientId ? roomsOf(a) : [...roomsOf(a), rooms.equipment(EQUIPMENT_SCOPE)];
}

/** Sends to each of the recipient's sockets (on any app node: fetchSockets and a room per socket go
 *  through the cluster adapter); the first acknowledgement is the "delivered" receipt, "not_delivered"
 *  if none comes within the timeout. */
export async function deliverNotification(
  io: AppServer,
  notification: AlertNotification,
  recipient: PersonRef,
  timeoutMs: number,
): Promise<void> {
  const sockets = await io.in(userRoom(recipient.id)).fetchSockets();
  const record = (delivered: boolean) =>
    recordDeliveryReceipt(notification.alert.id, notification.level, recipient, delivered).catch((err: Error) =>
      console.error("[alerts] recording a delivery receipt failed:", err.message),
    );
  if (sockets.length === 0) return void record(false);
  let done = false;
  let waiting = sockets.length;
  for (const s of sockets) {
    io.to(s.id)
      .timeout(timeoutMs)
      .emit("alert:notify", notification, (_err, responses) => {
        waiting--;
        if (done) return;
        if (responses.length > 0) {
          done = true;
          void record(true);
        } else if (waiting === 0) {
          done = true;
          void record(false);
        }
      });
  }
}

/** Subscribes the Socket.IO server to the alerting events of the bus; returns the unsubscribe. */
export function forwardAlerting(io: AppServer, opts: { deliveryTimeoutMs?: number } = {}): () => void {
  const bus = eventBus();
  const offs = [
    bus.subscribe("news2", (e) => {
      const targets = roomsOf(e);
      if (!targets.length) return;
      io.to(targets).emit("news2", news2Payload(e));
      const asVitals = news2AsVitals(e);
      if (asVitals) io.to(targets).emit("vitals", asVitals);
    }),
    bus.subscribe("alert:changed", (u) => {
      const targets = alertRoomsOf(u.alert);
      if (!targets.length) return;
      if (u.change === "raised") io.to(targets).emit("alert:raised", u.alert);
      else io.to(targets).emit("alert:updated", u);
    }),
    bus.subscribe("alert:notify", ({ notification, recipients }) => {
      for (const r of recipients) {
        deliverNotification(io, notification, r, opts.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS).catch((err: Error) =>
          console.error("[alerts] notification failed:", err.message),
        );
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}

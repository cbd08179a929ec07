// Care messages live: a new message between a home patient and the care team goes to the recipients' own
// rooms (userRoom), on every node through the cluster adapter.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { userRoom } from "./events";
import type { AppServer } from "./socket-types";

export function forwardCareMessages(io: AppServer): () => void {
  return eventBus().subscribe("care-message:new", ({ message, recipientUserIds }) => {
    if (recipientUserIds.length) io.to(recipientUserIds.map(userRoom)).emit("message:new", message);
  });
}

import "server-only";
import type { Server, Socket } from "socket.io";
import type { Principal } from "@/lib/auth/principal";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import type { InterServerEvents } from "./inter-server-events";

export type SocketData = {
  principal: Principal;
  meta: { ip: string | null; userAgent: string | null };
  /** Rooms whose subscription this connection has already audited (one row per room per connection). */
  auditedRooms?: Set<string>;
};
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

import "server-only";
import type { Server, Socket } from "socket.io";
import type { Principal } from "@/lib/auth/principal";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type SocketData = { principal: Principal; meta: { ip: string | null; userAgent: string | null } };
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// Live fan-out: Socket.IO on the app's HTTP server. Connections authenticate (session or API token),
// join only rooms their principal may see (audited), and receive validated frames from the bus the
// moment ingest accepts them, with live NEWS2 and alert changes on the same ward and patient rooms.
// Each connection also joins its user's own room, where alert notifications arrive; the client's ack
// becomes a delivery receipt and its "alert:read" a read receipt. Connection state recovery replays
// what a briefly disconnected client missed; clients also resync from the server after a longer gap.
import "server-only";
import type http from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import { eventBus } from "@/lib/bus/event-bus";
import { canSeePatient, canSeeWard, CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordAudit, recordPatientReads } from "@/lib/audit/record-audit";
import { findPatient } from "@/lib/patients/patient-queries";
import { recordAlertRead } from "@/lib/alerts/alert-receipts";
import { handshakeClientIp } from "@/lib/net/client-address";
import { authenticateSocket } from "./socket-auth";
import { applyAccessChange, startSessionSweep } from "./socket-access";
import { checkSocketOrigin } from "./socket-origin";
import { socketHandler } from "./socket-handler";
import type { AppServer, AppSocket } from "./socket-types";
import type { ClusterAdapter } from "./cluster-adapter";
import { EQUIPMENT_ROOM_ROLES, EQUIPMENT_SCOPE, rooms, roomsOf, userRoom } from "./events";
import { forwardAlerting } from "./alert-fanout";
import { forwardAssets, registerAssetHandlers } from "./asset-fanout";
import { forwardCareMessages } from "./message-fanout";
import { deviceStatusPayload, vitalsPayload } from "./wire-payloads";

/** setTimeout fires at once beyond 2^31-1 ms; sessions are far shorter, but never risk it. */
const MAX_TIMER_MS = 2_147_483_647;

const idSchema = z.string({ error: "an id is required" }).min(1, "an id is required").max(100);

/**
 * Subscriptions are audited once per connection and room: the first join of a ward room ("ward.subscribe")
 * or a patient room ("patient.subscribe") opens a live stream of patient data and writes one row; joining
 * the same room again on that connection (a page remounting, a resync) streams nothing new and writes none.
 * The equipment and asset rooms carry no patient data and write none. Page loads audit what they show.
 */
function firstJoin(socket: AppSocket, room: string): boolean {
  const seen = (socket.data.auditedRooms ??= new Set());
  if (seen.has(room)) return false;
  seen.add(room);
  return true;
}

function registerHandlers(socket: AppSocket): void {
  void socket.join(userRoom(socket.data.principal.userId));
  registerAssetHandlers(socket);
  socket.on(
    "ward:subscribe",
    socketHandler(socket, { roles: CLINICAL_ROLES, input: idSchema }, async ({ principal, input: wardId }) => {
      if (!canSeeWard(principal, wardId)) return { ok: false, error: "you may not see this ward" };
      await socket.join(rooms.ward(wardId));
      if (firstJoin(socket, rooms.ward(wardId)))
        await recordAudit([{ actor: principal, action: "ward.subscribe", detail: { wardId }, meta: socket.data.meta }]);
      return { ok: true };
    }),
  );
  socket.on(
    "patient:subscribe",
    socketHandler(socket, { input: idSchema }, async ({ principal, input: patientId }) => {
      const patient = await findPatient(patientId);
      if (!patient || !canSeePatient(principal, { patientId, wardId: patient.ward?.id ?? null })) {
        return { ok: false, error: "you may not see this patient" };
      }
      await socket.join(rooms.patient(patientId));
      if (firstJoin(socket, rooms.patient(patientId)))
        await recordPatientReads(principal, "patient.subscribe", [patientId], socket.data.meta);
      return { ok: true };
    }),
  );
  socket.on(
    "equipment:subscribe",
    socketHandler(
      socket,
      { roles: EQUIPMENT_ROOM_ROLES, input: z.literal(EQUIPMENT_SCOPE, { error: `the only scope is "${EQUIPMENT_SCOPE}"` }) },
      async ({ input: scope }) => {
        await socket.join(rooms.equipment(scope));
        return { ok: true };
      },
    ),
  );
  socket.on("unsubscribe", (room) => {
    if (typeof room === "string" && room !== userRoom(socket.data.principal.userId)) void socket.leave(room);
  });
  socket.on(
    "alert:read",
    socketHandler(socket, { input: idSchema }, async ({ principal, input: alertId }) => {
      await recordAlertRead(principal, alertId);
      return { ok: true };
    }),
  );
}

/** `adapter`: the cluster adapter (lib/socket/cluster-adapter) when several app nodes serve the same wards. */
export function attachSocketServer(
  httpServer: http.Server,
  opts: { adapter?: ClusterAdapter["adapter"] } = {},
): { io: AppServer; close(): Promise<void> } {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    allowRequest: checkSocketOrigin,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
  });

  io.use((socket, next) => {
    authenticateSocket(socket.handshake)
      .then((identity) => {
        if (!identity) return next(new Error("unauthorized: sign in or pass auth.token"));
        socket.data.principal = identity.principal;
        socket.data.meta = {
          ip: handshakeClientIp(socket.handshake.address, socket.handshake.headers),
          userAgent: socket.handshake.headers["user-agent"] ?? null,
        };
        if (identity.expiresAt) {
          // Automatic logoff reaches live connections too.
          const timer = setTimeout(() => socket.disconnect(true), Math.min(MAX_TIMER_MS, Math.max(0, identity.expiresAt - Date.now())));
          socket.once("disconnect", () => clearTimeout(timer));
        }
        next();
      })
      .catch((err: Error) => next(new Error(`authentication unavailable: ${err.message}`)));
  });

  io.on("connection", registerHandlers);

  const bus = eventBus();
  const offVitals = bus.subscribe("vitals", (e) => {
    if (e.late) return; // an uploaded backlog's NEWS2 set: for the alarm engine only
    const target = e.wardId ? io.to(rooms.patient(e.patientId)).to(rooms.ward(e.wardId)) : io.to(rooms.patient(e.patientId));
    // Volatile: the recovery buffer keeps every non-volatile broadcast for two minutes, which at ingest
    // rates costs gigabytes. Vitals are a display stream (all are stored); a client that reconnects
    // reloads its snapshot from the server. Alerts and device status stay recoverable.
    target.volatile.emit("vitals", vitalsPayload(e));
  });
  const offStatus = bus.subscribe("device:status", (e) => {
    const targets = roomsOf(e);
    if (targets.length) io.to(targets).emit("device:status", deviceStatusPayload(e));
  });
  const offAlerting = forwardAlerting(io);
  const offAssets = forwardAssets(io);
  const offMessages = forwardCareMessages(io);
  const offAccess = bus.subscribe("access:changed", (e) => {
    void applyAccessChange(io, e).catch((err: Error) => console.error("[socket] access change failed:", err.message));
  });
  const stopSweep = startSessionSweep(io);
  return {
    io,
    close() {
      offAccess();
      stopSweep();
      offVitals();
      offStatus();
      offAlerting();
      offAssets();
      offMessages();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

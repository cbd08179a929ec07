// Live connections follow the caller's rights (ASVS V7.4, V8.1): on `access:changed` (lib/events) the
// connections of that user are dropped at once when their credential ended (sign-out, token revoked,
// account disabled) or re-scoped when role, wards or care-team patients changed (rooms no longer allowed are left). A sweep
// also drops connections whose session ended without an event (idle timeout, absolute end, another
// node's sign-out) and re-scopes patient rooms (a patient moved to another ward).
import "server-only";
import type { AccessChangedEvent } from "@/lib/events";
import { canSeePatient, canSeeWard, type Principal } from "@/lib/auth/principal";
import { recheckPrincipal } from "@/lib/auth/recheck-principal";
import { checkSession, touchIntervalMs } from "@/lib/auth/user-sessions";
import { findPatient } from "@/lib/patients/patient-queries";
import { canSeeFloor } from "@/lib/asset-tracking/floor-store";
import { getPrisma } from "@/lib/db/database";
import { EQUIPMENT_ROOM_ROLES, userRoom } from "./events";
import type { AppServer, AppSocket } from "./socket-types";

const SWEEP_MAX_MS = 30_000;

function endsCredential(e: AccessChangedEvent, p: Principal): boolean {
  switch (e.change) {
    case "disabled":
      return true;
    case "token_revoked":
      return !!p.tokenId && (!e.tokenId || p.tokenId === e.tokenId);
    case "signed_out":
      return !!p.sessionId && (!e.sessionId || p.sessionId === e.sessionId);
    default:
      return false;
  }
}

/** Leaves every room the (fresh) principal may no longer follow. */
export async function rescopeSocket(socket: AppSocket, principal: Principal): Promise<string[]> {
  const left: string[] = [];
  for (const room of socket.rooms) {
    const [kind, id] = [room.slice(0, room.indexOf(":")), room.slice(room.indexOf(":") + 1)];
    let allowed = true;
    if (kind === "ward") allowed = canSeeWard(principal, id);
    else if (kind === "patient") {
      const patient = await findPatient(id);
      allowed = !!patient && canSeePatient(principal, { patientId: id, wardId: patient.ward?.id ?? null });
    } else if (kind === "assets") {
      const floor = await (await getPrisma()).mapFloor.findUnique({ where: { id }, select: { wardId: true } });
      allowed = !!floor && canSeeFloor(principal, floor);
    } else if (kind === "equipment") allowed = (EQUIPMENT_ROOM_ROLES as readonly string[]).includes(principal.role);
    else if (kind === "user") allowed = room === userRoom(principal.userId);
    if (!allowed) {
      await socket.leave(room);
      left.push(room);
    }
  }
  return left;
}

/** Applies one access change to this node's connections of that user. */
export async function applyAccessChange(io: AppServer, e: AccessChangedEvent): Promise<void> {
  const sockets = (await io.local.in(userRoom(e.userId)).fetchSockets()) as unknown as AppSocket[];
  for (const socket of sockets) {
    const current = socket.data.principal;
    if (endsCredential(e, current)) {
      socket.disconnect(true);
      continue;
    }
    if (e.change !== "role_changed" && e.change !== "wards_changed" && e.change !== "care_team_changed") continue;
    const fresh = await recheckPrincipal(current, { activity: false });
    if (!fresh) {
      socket.disconnect(true);
      continue;
    }
    socket.data.principal = fresh;
    await rescopeSocket(socket, fresh);
  }
}

/** Drops connections whose session ended (idle, expired, revoked elsewhere), returns how many, and makes
 *  connections leave the rooms of patients no longer in their scope (moved to another ward). */
export async function sweepEndedSessions(io: AppServer): Promise<number> {
  let dropped = 0;
  const bySession = new Map<string, AppSocket[]>();
  for (const socket of io.of("/").sockets.values()) {
    const sid = socket.data.principal?.sessionId;
    if (sid) bySession.set(sid, [...(bySession.get(sid) ?? []), socket]);
  }
  for (const [sid, sockets] of bySession) {
    const check = await checkSession(sid, Date.now(), { activity: false });
    if (check.ok) continue;
    for (const s of sockets) s.disconnect(true);
    dropped += sockets.length;
  }
  // A patient moved to another ward (transfer, discharge) changes who may follow that patient's room.
  for (const socket of io.of("/").sockets.values()) {
    if (socket.connected && [...socket.rooms].some((r) => r.startsWith("patient:"))) await rescopeSocket(socket, socket.data.principal);
  }
  return dropped;
}

/** Runs the sweep every 30 s (sooner with a very short idle timeout); returns the stop function. */
export function startSessionSweep(io: AppServer): () => void {
  const timer = setInterval(
    () => void sweepEndedSessions(io).catch((err: Error) => console.error("[socket] session sweep failed:", err.message)),
    Math.min(SWEEP_MAX_MS, touchIntervalMs()),
  );
  timer.unref();
  return () => clearInterval(timer);
}

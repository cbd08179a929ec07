// Server-side browser sessions (HIPAA 164.312(a)(2)(iii) automatic logoff, ASVS V7): a session row is
// created at sign-in and its id travels in the encrypted next-auth JWT (`sid`); every request checks it.
// A session ends at sign-out, after SESSION_IDLE_MINUTES without a request (not for a wall screen
// account), at its absolute end (SESSION_MAX_HOURS), when the account is disabled, or when an admin ends
// it. The last-seen time is written at most once a minute per session, so the check costs one read.
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { env } from "@/lib/env";
import { eventBus } from "@/lib/bus/event-bus";

export type SessionEndReason = "signed_out" | "idle" | "expired" | "disabled" | "admin" | "revoked" | "unknown";

export type ValidSession = { id: string; userId: string; authAt: number; expiresAt: number };
export type SessionCheck = { ok: true; session: ValidSession } | { ok: false; reason: SessionEndReason };

/** Longest gap between two last-seen writes of one session (shorter when the idle timeout is very short). */
const TOUCH_INTERVAL_MS = 60_000;

function idleMs(): number {
  return env().SESSION_IDLE_MINUTES * 60_000;
}

export function sessionMaxAgeMs(): number {
  return env().SESSION_MAX_HOURS * 3_600_000;
}

export function touchIntervalMs(): number {
  return Math.min(TOUCH_INTERVAL_MS, idleMs() / 4);
}

/** Opens a session for a user who has just proved who they are. */
export async function createSession(
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<ValidSession> {
  const prisma = await getPrisma();
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionMaxAgeMs());
  await prisma.userSession.create({
    data: { id, userId, authAt: now, lastSeenAt: now, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { id, userId, authAt: now.getTime(), expiresAt: expiresAt.getTime() };
}

/**
 * Checks a session on a request and counts the request as activity. A session past its idle time is ended
 * here (reason `idle`); a disabled account's sessions are ended too. `activity: false` checks without
 * counting as activity (the live-connection sweep: an open socket is not a person at the keyboard).
 */
export async function checkSession(sid: string, now = Date.now(), opts: { activity?: boolean } = {}): Promise<SessionCheck> {
  const prisma = await getPrisma();
  const row = await prisma.userSession.findUnique({
    where: { id: sid },
    select: {
      id: true,
      userId: true,
      authAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      revokeReason: true,
      user: { select: { disabledAt: true, security: { select: { wallScreen: true } } } },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: (row.revokeReason as SessionEndReason | null) ?? "revoked" };
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  if (row.user.disabledAt) {
    await endSession(sid, "disabled");
    return { ok: false, reason: "disabled" };
  }
  const wallScreen = row.user.security?.wallScreen ?? false;
  if (!wallScreen && now - row.lastSeenAt.getTime() > idleMs()) {
    await endSession(sid, "idle");
    return { ok: false, reason: "idle" };
  }
  if (opts.activity !== false && now - row.lastSeenAt.getTime() >= touchIntervalMs()) {
    // Conditional: concurrent requests of one session write once.
    await prisma.userSession.updateMany({
      where: { id: sid, lastSeenAt: row.lastSeenAt, revokedAt: null },
      data: { lastSeenAt: new Date(now) },
    });
  }
  return { ok: true, session: { id: row.id, userId: row.userId, authAt: row.authAt.getTime(), expiresAt: row.expiresAt.getTime() } };
}

/** Ends one session; live connections on it are dropped (access:changed). Idempotent. */
export async function endSession(sid: string, reason: SessionEndReason): Promise<boolean> {
  const prisma = await getPrisma();
  const row = await prisma.userSession.findUnique({ where: { id: sid }, select: { userId: true } });
  if (!row) return false;
  const { count } = await prisma.userSession.updateMany({
    where: { id: sid, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
  if (count > 0) eventBus().publish("access:changed", { userId: row.userId, change: "signed_out", sessionId: sid });
  return count > 0;
}

/** Ends every open session of a user (account disabled, password reset by an admin). */
export async function endUserSessions(userId: string, reason: SessionEndReason): Promise<number> {
  const prisma = await getPrisma();
  const { count } = await prisma.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
  return count;
}

/** Records a fresh proof of identity (password confirmation) for the re-authentication of admin changes. */
export async function markReauthenticated(sid: string, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  await prisma.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { authAt: now, lastSeenAt: now } });
}

/** Whether a change by this session needs the password again (admin accounts, sign-in older than ADMIN_REAUTH_MINUTES). */
export function needsReauth(authAt: number | undefined, now = Date.now()): boolean {
  return authAt !== undefined && now - authAt > env().ADMIN_REAUTH_MINUTES * 60_000;
}

/** An admin's change through a browser session older than ADMIN_REAUTH_MINUTES: ask for the password first. */
export function mustReauthenticate(p: { role: string; via: string; authAt?: number }, now = Date.now()): boolean {
  return p.role === "admin" && p.via === "session" && needsReauth(p.authAt, now);
}

export function reauthMessage(): string {
  return `Confirm your password first (Account → Confirm it is you): admin changes need a sign-in less than ${env().ADMIN_REAUTH_MINUTES} minutes old.`;
}

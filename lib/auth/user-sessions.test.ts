// Server-side sessions: a cookie is only as good as its session row. Sign-out, idle time, the absolute
// lifetime and a disabled account end it; a wall screen account has no idle timeout; last-seen writes
// are throttled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { AccessChangedEvent } from "@/lib/events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { sessionCookie, sessionlessCookie } from "@/test/support/sessions";
import { principalFromCookieHeader } from "./session-cookie";
import { checkSession, endSession, needsReauth, touchIntervalMs } from "./user-sessions";

describe.each(testDatabaseKinds)("server-side sessions on %s", (kind) => {
  let db: TestDatabase;
  const access: AccessChangedEvent[] = [];
  let off: () => void;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    off = eventBus().subscribe("access:changed", (e) => access.push(e));
  });
  afterAll(async () => {
    off();
    await db.destroy();
  });

  const nurse = async () => (await createUserWithToken(db.prisma, "nurse")).user;

  it("accepts a live session and rejects its copied cookie once it is signed out", async () => {
    const user = await nurse();
    const { cookie, sid } = await sessionCookie(user.id);
    const before = await principalFromCookieHeader(cookie);
    expect(before?.principal).toMatchObject({ userId: user.id, sessionId: sid, via: "session" });
    expect(await endSession(sid, "signed_out")).toBe(true);
    expect(await principalFromCookieHeader(cookie)).toBeNull();
    expect(access).toContainEqual({ userId: user.id, change: "signed_out", sessionId: sid });
    const row = await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokeReason).toBe("signed_out");
  });

  it("rejects a cookie that names no server-side session", async () => {
    const user = await nurse();
    expect(await principalFromCookieHeader(await sessionlessCookie(user.id))).toBeNull();
  });

  it("ends a session idle longer than SESSION_IDLE_MINUTES (15 by default), except for a wall screen account", async () => {
    const user = await nurse();
    const { cookie, sid } = await sessionCookie(user.id);
    await db.prisma.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await principalFromCookieHeader(cookie)).toBeNull();
    expect((await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).revokeReason).toBe("idle");

    const wall = await nurse();
    await db.prisma.userSecurity.create({ data: { userId: wall.id, wallScreen: true } });
    const w = await sessionCookie(wall.id);
    await db.prisma.userSession.update({ where: { id: w.sid }, data: { lastSeenAt: new Date(Date.now() - 6 * 3_600_000) } });
    expect((await principalFromCookieHeader(w.cookie))?.principal.userId).toBe(wall.id);
  });

  it("keeps the absolute lifetime, wall screen or not", async () => {
    const user = await nurse();
    await db.prisma.userSecurity.create({ data: { userId: user.id, wallScreen: true } });
    const { cookie, sid } = await sessionCookie(user.id);
    await db.prisma.userSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await principalFromCookieHeader(cookie)).toBeNull();
    expect(await checkSession(sid)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects and ends the sessions of a disabled account", async () => {
    const user = await nurse();
    const { cookie, sid } = await sessionCookie(user.id);
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await principalFromCookieHeader(cookie)).toBeNull();
    expect((await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).revokeReason).toBe("disabled");
  });

  it("writes last-seen at most once per interval per session", async () => {
    const user = await nurse();
    const { sid } = await sessionCookie(user.id);
    const t0 = (await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    for (let i = 1; i <= 5; i++) expect((await checkSession(sid, t0 + i * 1000)).ok).toBe(true);
    expect((await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(t0);
    const later = t0 + touchIntervalMs() + 1;
    expect((await checkSession(sid, later)).ok).toBe(true);
    expect((await db.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(later);
  });

  it("asks an admin for the password again when the sign-in is older than ADMIN_REAUTH_MINUTES (15)", () => {
    const now = Date.now();
    expect(needsReauth(now - 14 * 60_000, now)).toBe(false);
    expect(needsReauth(now - 16 * 60_000, now)).toBe(true);
    expect(needsReauth(undefined, now)).toBe(false);
  });
});

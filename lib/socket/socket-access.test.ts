// A live socket never outlives its rights: token revocation, account disable and sign-out drop it at
// once; a changed ward assignment re-scopes it; every subscribe re-checks the caller; a session that
// ended without an event (idle) is swept; a foreign Origin cannot open one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connectClient } from "socket.io-client";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { endSession } from "@/lib/auth/user-sessions";
import { runCliCommand } from "@/lib/cli/commands";
import type { VitalsEvent } from "@/lib/events";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { sessionCookie } from "@/test/support/sessions";
import { startSocketHarness, type SocketHarness, type TestClient } from "@/test/support/socket-harness";
import { sweepEndedSessions } from "./socket-access";
import { originAllowed, parseOrigins } from "./socket-origin";

describe("live sockets follow the caller's rights", () => {
  let db: TestDatabase;
  let harness: SocketHarness;
  let wardA: Awaited<ReturnType<typeof createWardWithPatients>>;
  let wardB: Awaited<ReturnType<typeof createWardWithPatients>>;
  const extra: TestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    wardA = await createWardWithPatients(db.prisma, 1);
    wardB = await createWardWithPatients(db.prisma, 1);
    harness = await startSocketHarness();
  });
  afterAll(async () => {
    for (const c of extra) c.disconnect();
    await harness.close();
    await db.destroy();
  });

  const vitals = (ward = wardA, seq = 1): VitalsEvent => ({
    deviceId: "dev",
    patientId: ward.patients[0]!.id,
    wardId: ward.ward.id,
    seq,
    ts: Date.now(),
    values: { heart_rate: 72 },
  });
  const dropped = (c: TestClient) => new Promise<string>((resolve) => c.once("disconnect", (reason) => resolve(reason)));
  const receives = (c: TestClient, ward = wardA, ms = 300) =>
    new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      c.once("vitals", () => {
        clearTimeout(t);
        resolve(true);
      });
      eventBus().publish("vitals", vitals(ward));
    });
  const connectWithCookie = async (cookie: string) => {
    const c: TestClient = connectClient(harness.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    extra.push(c);
    await new Promise<void>((resolve, reject) => {
      c.once("connect", () => resolve());
      c.once("connect_error", reject);
    });
    return c;
  };

  it("drops a token's connection at once when the token is revoked (tokens revoke <id>)", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const other = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const c = await harness.connect(token);
    const keeps = await harness.connect(other.token);
    expect(await harness.subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: true });
    expect(await harness.subscribe(keeps, "ward", wardA.ward.id)).toEqual({ ok: true });
    expect(await receives(c)).toBe(true);
    const row = await db.prisma.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    const gone = dropped(c);
    await runCliCommand(["tokens", "revoke", row.id]);
    expect(await gone).toBe("io server disconnect");
    expect(keeps.connected).toBe(true);
    await expect(harness.connect(token)).rejects.toThrow(/unauthorized/);
  });

  it("drops every connection of an account when it is disabled (users disable)", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const byToken = await harness.connect(token);
    const bySession = await connectWithCookie((await sessionCookie(user.id)).cookie);
    const gone = Promise.all([dropped(byToken), dropped(bySession)]);
    await runCliCommand(["users", "disable", "--email", user.email]);
    expect(await gone).toEqual(["io server disconnect", "io server disconnect"]);
    expect(await db.prisma.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("drops the signed-out session's connection and keeps the same user's other session", async () => {
    const { user } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const one = await sessionCookie(user.id);
    const two = await sessionCookie(user.id);
    const a = await connectWithCookie(one.cookie);
    const b = await connectWithCookie(two.cookie);
    const gone = dropped(a);
    await endSession(one.sid, "signed_out");
    expect(await gone).toBe("io server disconnect");
    await new Promise((r) => setTimeout(r, 100));
    expect(b.connected).toBe(true);
    await expect(connectWithCookie(one.cookie)).rejects.toThrow(/unauthorized/);
  });

  it("leaves a ward room at once when the ward is taken off the nurse (users wards), and stays connected", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id, wardB.ward.id] });
    const c = await harness.connect(token);
    expect(await harness.subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: true });
    expect(await harness.subscribe(c, "patient", wardA.patients[0]!.id)).toEqual({ ok: true });
    expect(await harness.subscribe(c, "ward", wardB.ward.id)).toEqual({ ok: true });
    await runCliCommand(["users", "wards", "--email", user.email, "--ward", wardB.ward.code]);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.connected).toBe(true);
    expect(await receives(c, wardA)).toBe(false);
    expect(await receives(c, wardB)).toBe(true);
    expect(await harness.subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: false, error: "you may not see this ward" });
  });

  it("re-checks the caller on every subscribe, even when no event was published", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const c = await harness.connect(token);
    await db.prisma.userWard.deleteMany({ where: { userId: user.id } });
    expect(await harness.subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: false, error: "you may not see this ward" });
    await db.prisma.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    const gone = dropped(c);
    expect(await harness.subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: false, error: "your session has ended" });
    expect(await gone).toBe("io server disconnect");
  });

  it("sweeps a connection whose session went idle, without counting the connection as activity", async () => {
    const { user } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const s = await sessionCookie(user.id);
    const c = await connectWithCookie(s.cookie);
    expect(await sweepEndedSessions(harness.io)).toBe(0);
    await db.prisma.userSession.update({ where: { id: s.sid }, data: { lastSeenAt: new Date(Date.now() - 20 * 60_000) } });
    const gone = dropped(c);
    expect(await sweepEndedSessions(harness.io)).toBe(1);
    expect(await gone).toBe("io server disconnect");
  });

  it("refuses a browser handshake from a foreign origin and accepts the app's own", async () => {
    const { token } = await createUserWithToken(db.prisma, "nurse");
    const foreign = connectClient(harness.url, {
      transports: ["polling"],
      auth: { token },
      extraHeaders: { origin: "http://evil.example" },
      reconnection: false,
    });
    extra.push(foreign);
    await expect(
      new Promise<void>((resolve, reject) => {
        foreign.once("connect", () => resolve());
        foreign.once("connect_error", reject);
      }),
    ).rejects.toThrow();
    const own = connectClient(harness.url, {
      transports: ["polling"],
      auth: { token },
      extraHeaders: { origin: harness.url },
      reconnection: false,
    });
    extra.push(own);
    await new Promise<void>((resolve, reject) => {
      own.once("connect", () => resolve());
      own.once("connect_error", reject);
    });
    expect(originAllowed("https://wall.example", "app.example", parseOrigins("https://wall.example/, https://x.example"))).toBe(true);
    expect(originAllowed("https://evil.example", "app.example", parseOrigins("https://wall.example"))).toBe(false);
    expect(originAllowed(undefined, "app.example", [])).toBe(true);
  });
});

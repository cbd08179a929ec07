import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connectClient } from "socket.io-client";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { sessionCookie } from "@/test/support/sessions";
import { encode } from "next-auth/jwt";
import { startSocketHarness, type SocketHarness, type TestClient as Client } from "@/test/support/socket-harness";
import type { VitalsEvent, VitalsPayload } from "@/lib/events";

describe("Socket.IO live fan-out", () => {
  let db: TestDatabase;
  let harness: SocketHarness;
  let url: string;
  let wardA: Awaited<ReturnType<typeof createWardWithPatients>>;
  let wardB: Awaited<ReturnType<typeof createWardWithPatients>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    wardA = await createWardWithPatients(db.prisma, 2);
    wardB = await createWardWithPatients(db.prisma, 1);
    harness = await startSocketHarness();
    url = harness.url;
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await harness.close();
    await db.destroy();
  });

  const connect = (token?: string) => harness.connect(token);
  const subscribe = (c: Client, kind: "ward" | "patient", id: string) => harness.subscribe(c, kind, id);
  const vitals = (patientIndex: number, seq: number, ward = wardA): VitalsEvent => ({
    deviceId: "dev",
    patientId: ward.patients[patientIndex]!.id,
    wardId: ward.ward.id,
    seq,
    ts: Date.now(),
    values: { heart_rate: 70 + seq },
  });
  const nextVitals = (c: Client) => new Promise<VitalsPayload>((resolve) => c.once("vitals", resolve));

  it("refuses a connection without valid credentials", async () => {
    await expect(connect()).rejects.toThrow(/unauthorized/);
    await expect(connect("iomt_invalid")).rejects.toThrow(/unauthorized/);
  });

  it("delivers a ward's frames to a nurse of that ward and refuses other wards", async () => {
    const { token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const c = await connect(token);
    expect(await subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: true });
    expect(await subscribe(c, "ward", wardB.ward.id)).toEqual({ ok: false, error: "you may not see this ward" });
    const received: VitalsPayload[] = [];
    c.on("vitals", (e) => received.push(e));
    eventBus().publish("vitals", vitals(0, 1, wardB)); // not for this nurse
    const got = nextVitals(c);
    eventBus().publish("vitals", vitals(1, 2));
    expect(await got).toMatchObject({ patientId: wardA.patients[1]!.id, values: { heart_rate: 72 } });
    expect(received.every((e) => e.wardId === wardA.ward.id)).toBe(true);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "ward.subscribe" } });
    expect(audit?.detail).toEqual({ wardId: wardA.ward.id });
    // Joining the same room again on this connection (a page remount) writes no second row.
    expect(await subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: true });
    expect(await db.prisma.auditEvent.count({ where: { action: "ward.subscribe" } })).toBe(1);
  });

  it("lets a patient account join only its own patient room", async () => {
    const own = wardA.patients[0]!.id;
    const { token } = await createUserWithToken(db.prisma, "patient", { patientId: own });
    const c = await connect(token);
    expect(await subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: false, error: "not permitted for your role" });
    expect(await subscribe(c, "patient", wardA.patients[1]!.id)).toEqual({ ok: false, error: "you may not see this patient" });
    expect(await subscribe(c, "patient", own)).toEqual({ ok: true });
    const got = nextVitals(c);
    eventBus().publish("vitals", vitals(0, 3));
    expect((await got).patientId).toBe(own);
  });

  it("authenticates a browser session cookie and keeps the connection open", async () => {
    const { user } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    // A cookie valid for 30 days once overflowed the logoff timer and dropped the socket at once.
    const { cookie } = await sessionCookie(user.id, { maxAgeS: 30 * 24 * 3600 });
    const c: Client = connectClient(url, { transports: ["websocket"], extraHeaders: { cookie } });
    clients.push(c);
    await new Promise<void>((resolve, reject) => {
      c.once("connect", () => resolve());
      c.once("connect_error", reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.connected).toBe(true);
    expect(await subscribe(c, "ward", wardA.ward.id)).toEqual({ ok: true });

    const expired = await encode({ token: { sub: user.id }, secret: process.env.AUTH_SECRET ?? "", maxAge: -10 });
    const e: Client = connectClient(url, {
      transports: ["websocket"],
      extraHeaders: { cookie: `next-auth.session-token=${expired}` },
      reconnection: false,
    });
    clients.push(e);
    const outcome = new Promise<void>((resolve, reject) => {
      e.once("connect", () => resolve());
      e.once("connect_error", reject);
    });
    await expect(outcome).rejects.toThrow(/unauthorized/);
  });

  it("validates the payload of a subscription", async () => {
    const { token } = await createUserWithToken(db.prisma, "admin");
    const c = await connect(token);
    expect(await subscribe(c, "ward", "")).toEqual({ ok: false, error: "an id is required" });
  });

  it("replays device status missed during a short disconnection (connection state recovery), but not vitals", async () => {
    const { token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA.ward.id] });
    const c = await connect(token);
    await subscribe(c, "ward", wardA.ward.id);
    const status = (deviceId: string) => ({
      deviceId,
      patientId: wardA.patients[0]!.id,
      wardId: wardA.ward.id,
      status: "offline" as const,
      at: Date.now(),
    });
    // Let the server record a first offset so the session can be recovered.
    const first = new Promise((resolve) => c.once("device:status", resolve));
    eventBus().publish("device:status", status("dev-1"));
    await first;
    const seenStatus: string[] = [];
    const seenVitals: number[] = [];
    c.on("device:status", (e) => seenStatus.push(e.deviceId));
    c.on("vitals", (e) => seenVitals.push(e.seq));
    const reconnected = new Promise<void>((resolve) => c.io.once("reconnect", () => resolve()));
    c.io.engine.close(); // network drop: the client reconnects by itself
    await new Promise((r) => setTimeout(r, 20));
    eventBus().publish("device:status", status("dev-2")); // sent while the client is away
    eventBus().publish("vitals", vitals(0, 11)); // a display frame: not buffered, the screen resyncs instead
    await reconnected;
    await new Promise((r) => setTimeout(r, 200));
    expect(c.recovered).toBe(true);
    expect(seenStatus).toContain("dev-2");
    expect(seenVitals).not.toContain(11);
  });
});

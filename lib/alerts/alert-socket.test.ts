import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness, type TestClient as Client } from "@/test/support/socket-harness";
import type { SubscribeAck } from "@/lib/socket/events";
import { GET as listAlertsRoute } from "@/app/api/v1/alerts/route";
import { AlertWriter } from "./alert-writer";
import { acknowledgeAlert } from "./alert-actions";
import { getAlertDetail } from "./alert-queries";
import { finding } from "./rule-types";
import type { AlertUpdate, AlertView } from "@/lib/events";

describe.each(testDatabaseKinds)("alerts over Socket.IO on %s", (kind) => {
  let db: TestDatabase;
  let harness: SocketHarness;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  let other: Awaited<ReturnType<typeof createWardWithPatients>>;
  let writer: AlertWriter;
  let nurse: { token: string; userId: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 3);
    other = await createWardWithPatients(db.prisma, 1);
    const n = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] });
    nurse = { token: n.token, userId: n.user.id };
    writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: Date.now,
      escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 },
    });
    harness = await startSocketHarness();
  });
  afterAll(async () => {
    await harness.close();
    await db.destroy();
  });

  const connect = (token: string, onNotify?: "ack" | "ignore") =>
    harness.connect(token, (c) => {
      if (onNotify === "ack") c.on("alert:notify", (_n, ack) => ack({ ok: true }));
    });
  const subscribeWard = (c: Client, wardId: string) => harness.subscribe(c, "ward", wardId);
  const raise = async (patientIndex: number, rule = "spo2.low") => {
    const f = finding("violated", Date.now(), 0, {
      rule,
      priority: "high",
      message: `${rule} test`,
      value: 80,
      patientId: ward.patients[patientIndex]!.id,
      wardId: ward.ward.id,
      deviceId: "mon-1",
    });
    writer.raise(f);
    await writer.drain();
    return (await db.prisma.alert.findUniqueOrThrow({ where: { openKey: f.key } })).id;
  };
  const nextRaised = (c: Client) => new Promise<AlertView>((resolve) => c.once("alert:raised", resolve));

  it("sends a raised alert to the ward room, notifies the ward's nurse and records the delivery and read receipts", async () => {
    const c = await connect(nurse.token, "ack");
    expect(await subscribeWard(c, ward.ward.id)).toEqual({ ok: true });
    const got = nextRaised(c);
    const id = await raise(0);
    expect(await got).toMatchObject({ id, rule: "spo2.low", state: "active", patientId: ward.patients[0]!.id });
    await expect
      .poll(async () => (await db.prisma.alertEvent.findMany({ where: { alertId: id, type: "delivered" } })).map((e) => e.recipientId), {
        timeout: 5000,
      })
      .toEqual([nurse.userId]);

    const read = () => new Promise<SubscribeAck>((resolve) => c.emit("alert:read", id, resolve));
    expect(await read()).toEqual({ ok: true });
    expect(await read()).toEqual({ ok: true });
    expect(await db.prisma.alertEvent.count({ where: { alertId: id, type: "read", actorId: nurse.userId } })).toBe(1);
  });

  it("records not_delivered when a recipient's client does not acknowledge", async () => {
    const quiet = await createUserWithToken(db.prisma, "nurse", { wardIds: [other.ward.id] });
    await connect(quiet.token, "ignore");
    const f = finding("violated", Date.now(), 0, {
      rule: "spo2.low",
      priority: "high",
      message: "x",
      value: 80,
      patientId: other.patients[0]!.id,
      wardId: other.ward.id,
      deviceId: "mon-9",
    });
    writer.raise(f);
    await writer.drain();
    const id = (await db.prisma.alert.findUniqueOrThrow({ where: { openKey: f.key } })).id;
    await expect
      .poll(async () => db.prisma.alertEvent.count({ where: { alertId: id, type: "not_delivered", recipientId: quiet.user.id } }), {
        timeout: 15_000,
        interval: 250,
      })
      .toBe(1);
  }, 20_000);

  it("refuses a read receipt for an alert outside the caller's scope", async () => {
    const outsider = await createUserWithToken(db.prisma, "nurse", { wardIds: [other.ward.id] });
    const c = await connect(outsider.token);
    const id = await raise(1);
    expect(await new Promise<SubscribeAck>((resolve) => c.emit("alert:read", id, resolve))).toEqual({
      ok: false,
      error: "you may not see this alert",
    });
  });

  it("shows a second screen the acknowledgement live", async () => {
    const a = await connect(nurse.token);
    const b = await connect(nurse.token);
    await subscribeWard(a, ward.ward.id);
    await subscribeWard(b, ward.ward.id);
    const id = await raise(2);
    const update = new Promise<AlertUpdate>((resolve) => b.on("alert:updated", (u) => u.alert.id === id && resolve(u)));
    await acknowledgeAlert((await loadPrincipal(nurse.userId, "token"))!, id);
    expect(await update).toMatchObject({
      change: "acknowledged",
      alert: { id, state: "acknowledged", acknowledgedBy: { id: nurse.userId } },
      actor: { id: nurse.userId },
    });
  });

  it("catches up after a reconnect: missed alerts are replayed, and the list is there to resync", async () => {
    const c = await connect(nurse.token);
    await subscribeWard(c, ward.ward.id);
    // Let the server record a first offset so the session can be recovered.
    const first = nextRaised(c);
    await raise(0, "heart_rate.high");
    await first;
    const seen: string[] = [];
    c.on("alert:raised", (a) => seen.push(a.rule));
    const reconnected = new Promise<void>((resolve) => c.io.once("reconnect", () => resolve()));
    c.io.engine.close(); // network drop
    await new Promise((r) => setTimeout(r, 20));
    const missedId = await raise(0, "resp_rate.high"); // raised while the client is away
    await reconnected;
    await new Promise((r) => setTimeout(r, 200));
    expect(c.recovered).toBe(true);
    expect(seen).toContain("resp_rate.high");

    const res = await listAlertsRoute(
      new NextRequest(`http://x/api/v1/alerts?wardId=${ward.ward.id}`, { headers: { authorization: `Bearer ${nurse.token}` } }),
      { params: Promise.resolve({}) },
    );
    const body = (await res.json()) as { alerts: AlertView[] };
    expect(body.alerts.map((a) => a.id)).toContain(missedId);
    const detail = await getAlertDetail((await loadPrincipal(nurse.userId, "token"))!, missedId);
    expect(detail.events[0]).toMatchObject({ type: "raised" });
  });
});

// Several app nodes in one process: two Socket.IO servers joined by the Redis Streams adapter on this
// machine's Redis (TEST_REDIS_URL in CI), and the alerting lead on its PostgreSQL (TEST_DATABASE_URL).
// Without those the suites are reported as skipped, never as passed; CI always sets both.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { EngineFeedMessage } from "@/lib/bus/engine-feed";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness } from "@/test/support/socket-harness";
import { holdAlertingLead } from "@/lib/alerts/alerting-lead";
import type { AlertView, DeviceStatusPayload } from "@/lib/events";
import { connectClusterAdapter, type ClusterAdapter } from "./cluster-adapter";
import { rooms } from "./events";
import { deliverNotification } from "./alert-fanout";
import { shareEngineFeed } from "./cluster-feed";

const redisUrl = process.env.TEST_REDIS_URL;
const pgUrl = process.env.TEST_DATABASE_URL;
const quiet = () => undefined;

describe.skipIf(!redisUrl)("two app nodes joined through Redis", () => {
  let db: TestDatabase;
  let adapters: ClusterAdapter[] = [];
  let a: SocketHarness;
  let b: SocketHarness;
  let wardId: string;
  let nurse: { id: string; name: string; token: string };

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    setDatabase(db);
    const ward = await createWardWithPatients(db.prisma, 1);
    wardId = ward.ward.id;
    const n = await createUserWithToken(db.prisma, "nurse", { wardIds: [wardId] });
    nurse = { id: n.user.id, name: n.user.name, token: n.token };
    const streamName = `iomt-test:${crypto.randomUUID()}`;
    adapters = [
      await connectClusterAdapter(redisUrl!, quiet, { streamName }),
      await connectClusterAdapter(redisUrl!, quiet, { streamName }),
    ];
    a = await startSocketHarness({ adapter: adapters[0]!.adapter });
    b = await startSocketHarness({ adapter: adapters[1]!.adapter });
    // The adapters find each other by heartbeat: wait until each counts two nodes.
    for (let i = 0; i < 100 && (await Promise.all([a, b].map((n) => n.io.of("/").adapter.serverCount()))).some((c) => c < 2); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const x of adapters) await x.close();
    await db?.destroy();
  });

  it("a broadcast on one node reaches the ward's clients on the other", async () => {
    const client = await b.connect(nurse.token);
    expect(await b.subscribe(client, "ward", wardId)).toEqual({ ok: true });
    const got: DeviceStatusPayload[] = [];
    client.on("device:status", (e) => got.push(e));
    const e: DeviceStatusPayload = { deviceId: "mon-x", patientId: null, wardId, status: "offline", at: new Date().toISOString() };
    a.io.to(rooms.ward(wardId)).emit("device:status", e);
    await expect.poll(() => got, { timeout: 5000 }).toEqual([e]);
  });

  it("an alert notification sent by one node is delivered to the recipient's browser on the other, with its receipt", async () => {
    const client = await b.connect(nurse.token);
    const shown: string[] = [];
    client.on("alert:notify", (n, ack) => {
      shown.push(n.alert.id);
      ack({ ok: true });
    });
    const row = await db.prisma.alert.create({ data: { rule: "spo2.low", priority: "medium", wardId, message: "SpO2 low" } });
    const alert = { id: row.id } as Pick<AlertView, "id"> as AlertView;
    await deliverNotification(a.io, { alert, level: 0, reason: "raised" }, nurse, 3000);
    await expect
      .poll(() => db.prisma.alertEvent.findMany({ where: { alertId: row.id }, select: { type: true, recipientId: true } }), {
        timeout: 8000,
      })
      .toEqual([{ type: "delivered", recipientId: nurse.id }]);
    expect(shown).toContain(row.id);
  });

  it("feeds every node's engine events to the node that runs alerting, and only a person's alert changes", async () => {
    const received: EngineFeedMessage[] = [];
    const offA = shareEngineFeed(a.io, () => ({ accept: (m) => received.push(m) }));
    const offB = shareEngineFeed(b.io, () => null); // not the alerting node: ignores what arrives
    try {
      const vitals = { deviceId: "mon-1", patientId: "p1", wardId, seq: 1, ts: Date.now(), values: { spo2: 88 } };
      eventBus().publish("vitals", vitals); // one process: both nodes' buses are this one
      await expect.poll(() => received.map((m) => m.event), { timeout: 5000 }).toEqual(["vitals"]);
      expect(received[0]!.payload).toEqual(vitals);
      const view = { id: "al-1", rule: "spo2.low" } as Pick<AlertView, "id" | "rule"> as AlertView;
      eventBus().publish("alert:changed", { change: "raised", alert: view, actor: null });
      eventBus().publish("alert:changed", { change: "acknowledged", alert: view, actor: { id: nurse.id, name: nurse.name } });
      await expect.poll(() => received.map((m) => m.event), { timeout: 5000 }).toEqual(["vitals", "alert:changed"]);
      expect(received[1]).toMatchObject({ payload: { change: "acknowledged" } });
    } finally {
      offA();
      offB();
    }
  });
});

describe.skipIf(!pgUrl)("the alerting lead (PostgreSQL advisory lock)", () => {
  it("is held by exactly one node, and taken over when that node goes", async () => {
    const started: string[] = [];
    const stopped: string[] = [];
    const node = (name: string) =>
      holdAlertingLead({
        databaseUrl: pgUrl!,
        retryMs: 100,
        log: quiet,
        start: () => {
          started.push(name);
          return Promise.resolve({ name, stop: () => Promise.resolve(void stopped.push(name)) });
        },
      });
    const first = await node("first");
    const second = await node("second");
    try {
      expect(first.current()?.name).toBe("first");
      await new Promise((r) => setTimeout(r, 300));
      expect(second.current()).toBeNull(); // tried again, still not the lead
      expect(started).toEqual(["first"]);
      await first.stop();
      expect(stopped).toEqual(["first"]);
      await expect.poll(() => second.current()?.name, { timeout: 5000 }).toBe("second");
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

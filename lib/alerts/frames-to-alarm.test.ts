import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { io as connectClient, type Socket } from "socket.io-client";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { createDevice } from "@/lib/devices/manage-devices";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { attachSocketServer } from "@/lib/socket/socket-server";
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from "@/lib/socket/events";
import { GET as listAlertsRoute } from "@/app/api/v1/alerts/route";
import { startAlerting, type Alerting } from "./start-alerting";
import type { AlertView, News2Payload } from "@/lib/events";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// Recent (ingest refuses frames older than its horizon), on a whole hour.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const HTTP = { transport: "http" as const, topic: null };
const CONFIG = { escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 }, news2WindowMs: 15 * 60_000 };

describe.each(testDatabaseKinds)("frames in → alarm out on %s", (kind) => {
  let db: TestDatabase;
  let alerting: Alerting;
  let server: http.Server;
  let closeSockets: () => Promise<void>;
  let client: Client;
  let nurseToken: string;
  let patientId: string;
  let wardId: string;
  let now = T0;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await createWardWithPatients(db.prisma, 1);
    patientId = ward.patients[0]!.id;
    wardId = ward.ward.id;
    nurseToken = (await createUserWithToken(db.prisma, "nurse", { wardIds: [wardId] })).token;
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    server = http.createServer();
    closeSockets = attachSocketServer(server).close;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    client = connectClient(url, { auth: { token: nurseToken }, transports: ["websocket"] });
    await new Promise<void>((resolve, reject) => {
      client.once("connect", () => resolve());
      client.once("connect_error", reject);
    });
    const ack = await new Promise<SubscribeAck>((resolve) => client.emit("ward:subscribe", wardId, resolve));
    expect(ack).toEqual({ ok: true });
  });
  afterAll(async () => {
    client?.disconnect();
    await alerting?.stop();
    await closeSockets?.();
    await db?.destroy();
  });

  it("raises a desaturation from 1 Hz frames after 15 s, stored before the screen hears of it, with live NEWS2", async () => {
    const device = await createDevice({ type: "bedside_monitor", patientId });
    const record = (await (await deviceDirectory()).get(device.id))!;
    const raised: { alert: AlertView; inDatabase: boolean }[] = [];
    const news2: News2Payload[] = [];
    const news2Vitals: number[] = [];
    client.on("alert:raised", (alert) => {
      void db.prisma.alert.findUnique({ where: { id: alert.id } }).then((row) => raised.push({ alert, inDatabase: row !== null }));
    });
    client.on("news2", (e) => news2.push(e));
    client.on("vitals", (e) => {
      if (e.values.news2 !== undefined) news2Vitals.push(e.values.news2);
    });

    const values = { resp_rate: 16, spo2: 88, o2_supplement: 0, bp_sys: 120, heart_rate: 70, consciousness: 0, temp: 37 };
    for (let seq = 1; seq <= 20; seq++) {
      now = T0 + (seq - 1) * 1000;
      const result = await acceptTelemetry(
        record,
        frameJson(seq, seq === 1 ? values : { spo2: 88, heart_rate: 70, resp_rate: 16 }, new Date(now)),
        HTTP,
      );
      expect(result).toMatchObject({ ok: true, accepted: 1 });
      if (seq === 14) {
        await alerting.writer.drain();
        expect(await db.prisma.alert.count()).toBe(0); // 13 s below the limit: nothing yet
      }
    }
    await alerting.writer.drain();
    await expect.poll(() => raised.length, { timeout: 5000 }).toBe(2);
    expect(raised.every((r) => r.inDatabase)).toBe(true);
    expect(raised.map((r) => [r.alert.rule, r.alert.priority]).sort()).toEqual([
      ["news2.high", "high"],
      ["spo2.low", "medium"],
    ]);
    expect(raised[0]!.alert).toMatchObject({ patientId, wardId, state: "active", bedLabel: "1" });
    expect(await db.prisma.alert.count()).toBe(2); // 5 more seconds of the same condition: no duplicates

    expect(news2.at(-1)).toMatchObject({ patientId, total: 3, band: "low-medium", anySingleThree: true, components: { spo2: 3 } });
    expect(news2Vitals).toContain(3);
  });

  it("stores NEWS2 and its components as observations", async () => {
    await alerting.stop();
    alerting = await startAlerting({ config: CONFIG, now: () => now, tickMs: 3_600_000 });
    const rows = await db.prisma.observation.findMany({ where: { patientId, deviceId: "platform:news2" }, orderBy: { code: "asc" } });
    expect(Object.fromEntries(rows.map((r) => [r.code, r.value]))).toEqual({
      news2: 3,
      "news2.bp_sys": 0,
      "news2.consciousness": 0,
      "news2.heart_rate": 0,
      "news2.o2_supplement": 0,
      "news2.resp_rate": 0,
      "news2.spo2": 3,
      "news2.temp": 0,
    });
  });

  it("after a restart, a persisting condition is not raised again", async () => {
    const record = (await (await deviceDirectory()).get((await db.prisma.device.findFirstOrThrow({ where: { patientId } })).id))!;
    for (let seq = 21; seq <= 40; seq++) {
      now = T0 + (seq - 1) * 1000;
      await acceptTelemetry(record, frameJson(seq, { spo2: 88, heart_rate: 70, resp_rate: 16 }, new Date(now)), HTTP);
    }
    alerting.engine.tick();
    await alerting.writer.drain();
    expect(await db.prisma.alert.count()).toBe(2);
  });

  it("lists the alarms over the API, high priority first", async () => {
    const res = await listAlertsRoute(
      new NextRequest("http://x/api/v1/alerts?status=open", { headers: { authorization: `Bearer ${nurseToken}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { alerts: AlertView[] };
    expect(body.alerts.map((a) => a.rule)).toEqual(["news2.high", "spo2.low"]);
  });
});

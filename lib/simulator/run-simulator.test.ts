import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { Aedes, type AuthenticateError } from "aedes";
import { parseTelemetryBody } from "@/lib/ingest/frame-schema";
import { DEVICE_TYPES } from "@/lib/domain/device-types";
import { startSimulator, type SimulatedDevice, type SimulatedEquipment, type SimulatorHandle } from "./run-simulator";
import { SCHEDULED_METRICS } from "./schedule";

type Received = { deviceId: string; qos: number; body: unknown; at: number };

type TestBroker = {
  url: string;
  broker: Aedes;
  received: Received[];
  /** Highest number of unacknowledged publishes seen at once, per client. */
  maxInFlight: Map<string, number>;
  /** Connection attempts per client id. */
  authAttempts: Map<string, number>;
  close(): Promise<void>;
};

/** A real MQTT broker on a free port that knows the devices' secrets, optionally slow to acknowledge some devices. */
async function startBroker(secrets: Map<string, string>, ackDelayMs: Map<string, number> = new Map()): Promise<TestBroker> {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const authAttempts = new Map<string, number>();
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      authAttempts.set(client.id, (authAttempts.get(client.id) ?? 0) + 1);
      const ok = username !== undefined && username === client.id && secrets.get(username) === password?.toString("utf8");
      if (ok) return done(null, true);
      const err = new Error("bad username or password") as AuthenticateError;
      err.returnCode = 4; // AuthErrorCode.BAD_USERNAME_OR_PASSWORD (a const enum, not importable at runtime)
      done(err, null);
    },
    // Acknowledgement (PUBACK) is sent only after this calls back: a delay here is a slow broker.
    authorizePublish: (client, _packet, callback) => {
      const id = client?.id ?? "";
      const now = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, now);
      maxInFlight.set(id, Math.max(maxInFlight.get(id) ?? 0, now));
      setTimeout(
        () => {
          inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
          callback(null);
        },
        ackDelayMs.get(id) ?? 0,
      );
    },
  });
  const received: Received[] = [];
  await new Promise<void>((resolve) =>
    broker.subscribe(
      "devices/+/telemetry",
      (packet, cb) => {
        const deviceId = packet.topic.split("/")[1] ?? "";
        received.push({ deviceId, qos: packet.qos, body: JSON.parse(packet.payload.toString()), at: Date.now() });
        cb();
      },
      resolve,
    ),
  );
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `mqtt://127.0.0.1:${address.port}`,
    broker,
    received,
    maxInFlight,
    authAttempts,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function framesOf(received: Received[], deviceId: string) {
  return received.filter((r) => r.deviceId === deviceId);
}

function seqsOf(received: Received[], deviceId: string): number[] {
  return framesOf(received, deviceId).map((r) => (r.body as { seq: number }).seq);
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("startSimulator", () => {
  it("publishes valid QoS 1 frames for every device through the broker, and refuses a device with a wrong secret", async () => {
    const devices: SimulatedDevice[] = [
      { deviceId: "mon-1", secret: "s1", startSeq: 0, scenario: "stable", seed: 1 },
      { deviceId: "mon-2", secret: "s2", startSeq: 1000, scenario: "deteriorating", seed: 2 },
      { deviceId: "mon-3", secret: "s3", startSeq: 42, scenario: "desaturation", seed: 3 },
      { deviceId: "mon-4", secret: "s4", startSeq: 7, scenario: "silent", seed: 4 },
    ];
    const impostor: SimulatedDevice = { deviceId: "mon-5", secret: "guessed", startSeq: 0, scenario: "stable", seed: 5 };
    const secrets = new Map([...devices.map((d) => [d.deviceId, d.secret] as const), ["mon-5", "the-real-secret"]]);
    const b = await startBroker(secrets);
    cleanups.push(() => b.close());
    const logs: string[] = [];
    const sim: SimulatorHandle = await startSimulator({
      brokerUrl: b.url,
      devices: [...devices, impostor],
      intervalMs: 100,
      log: (m) => logs.push(m),
    });
    cleanups.push(() => sim.stop());

    await waitFor(() => devices.every((d) => framesOf(b.received, d.deviceId).length >= 20), 15_000);
    // the impostor keeps retrying (reconnect period 2 s), as a real device would
    await waitFor(() => (b.authAttempts.get("mon-5") ?? 0) >= 2, 5000);
    await sim.stop();
    const countAtStop = b.received.length;

    for (const d of devices) {
      const seqs = seqsOf(b.received, d.deviceId);
      expect(seqs[0], d.deviceId).toBe(d.startSeq);
      expect(seqs, d.deviceId).toEqual(seqs.map((_, i) => d.startSeq + i)); // increasing by one, never reused
      const frames = framesOf(b.received, d.deviceId);
      for (const f of frames) {
        expect(f.qos).toBe(1);
        const parsed = parseTelemetryBody(f.body);
        expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      }
      const first = frames[0]?.body as { values: Record<string, number> };
      expect(Object.keys(first.values).sort()).toEqual([...SCHEDULED_METRICS].sort());
      const second = frames[1]?.body as { values: Record<string, number> };
      expect(Object.keys(second.values).sort()).toEqual(["heart_rate", "resp_rate", "spo2"]);
    }
    expect(sim.published).toBe(countAtStop);
    expect(framesOf(b.received, "mon-5")).toEqual([]);
    const impostorLogs = logs.filter((l) => l.includes("mon-5"));
    expect(impostorLogs).toHaveLength(1); // logged once, not on every retry
    expect(impostorLogs[0]).toMatch(/bad user ?name or password|not authori[sz]ed/i);
    expect(logs.filter((l) => !l.includes("mon-5"))).toEqual([]);

    // stopped means stopped: nothing more arrives and every client has left the broker
    await sleep(300);
    expect(b.received.length).toBe(countAtStop);
    await waitFor(() => b.broker.connectedClients === 0, 2000);
  });

  it("skips ticks while a publish is unacknowledged (no queueing, no reused seq) and stays silent when scripted", async () => {
    const devices: SimulatedDevice[] = [
      { deviceId: "slow-1", secret: "a", startSeq: 500, scenario: "stable", seed: 10 },
      { deviceId: "quiet-1", secret: "b", startSeq: 1, scenario: "silent", seed: 11 },
      { deviceId: "calm-1", secret: "c", startSeq: 1, scenario: "stable", seed: 12 },
    ];
    const b = await startBroker(new Map(devices.map((d) => [d.deviceId, d.secret])), new Map([["slow-1", 350]]));
    cleanups.push(() => b.close());
    const speedup = 600; // one 100 ms tick = one simulated minute: silent from 0.7 s to 1.0 s of every second
    const t0 = Date.now();
    const sim = await startSimulator({ brokerUrl: b.url, devices, intervalMs: 100, speedup });
    cleanups.push(() => sim.stop());
    await sleep(2600);
    await sim.stop();

    const slow = seqsOf(b.received, "slow-1");
    expect(slow.length).toBeGreaterThanOrEqual(3);
    expect(slow.length).toBeLessThanOrEqual(10); // ~1 per 350 ms, not 1 per 100 ms
    expect(slow).toEqual(slow.map((_, i) => 500 + i));
    expect(b.maxInFlight.get("slow-1")).toBe(1);

    const quiet = framesOf(b.received, "quiet-1");
    const calm = framesOf(b.received, "calm-1");
    expect(quiet.length).toBeGreaterThan(5);
    expect(quiet.length).toBeLessThan(calm.length);
    expect(seqsOf(b.received, "quiet-1")).toEqual(quiet.map((_, i) => 1 + i)); // silence consumes no seq
    const tenMin = 10 * 60_000;
    for (const f of quiet) {
      const simMs = (Date.parse((f.body as { ts: string }).ts) - t0) * speedup;
      const phase = simMs % tenMin;
      // nothing published inside a silent window (7-10 min of each 10), allowing a few ms of clock skew
      expect(phase < 7 * 60_000 + 20 * speedup || phase > tenMin - 20 * speedup, `phase ${phase}`).toBe(true);
    }
    const gaps = quiet.slice(1).map((f, i) => f.at - (quiet[i]?.at ?? f.at));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(250);
  });

  it("runs pumps and fridge loggers: first their recent past as paced arrays of past frames, then a live reading per interval", async () => {
    const MIN = 60_000;
    const t0 = Date.now();
    const equipment: SimulatedEquipment[] = [
      { deviceId: "pump-1", secret: "p1", startSeq: 1, scenario: "pump-failing", seed: 21, anchorMs: t0, backfillMs: 30 * MIN },
      { deviceId: "fridge-1", secret: "f1", startSeq: 5, scenario: "fridge-warm", seed: 22, anchorMs: t0, backfillMs: 30 * MIN },
      { deviceId: "pump-2", secret: "p2", startSeq: 77, scenario: "pump-healthy", seed: 23, anchorMs: t0 - 60 * MIN, backfillMs: 0 },
    ];
    const typeOf: Record<string, keyof typeof DEVICE_TYPES> = {
      "pump-1": "infusion_pump",
      "fridge-1": "env_sensor",
      "pump-2": "infusion_pump",
    };
    const b = await startBroker(new Map(equipment.map((d) => [d.deviceId, d.secret])));
    cleanups.push(() => b.close());
    const logs: string[] = [];
    // burst 16 → bodies of at most 8 frames, one every 100 ms (8 frames at 80 % of 100/s)
    const sim = await startSimulator({
      brokerUrl: b.url,
      devices: [],
      log: (m) => logs.push(m),
      equipment,
      equipmentOptions: { intervalMs: 100, ratePerSec: 100, burst: 16 },
    });
    cleanups.push(() => sim.stop());
    const live = (id: string) => framesOf(b.received, id).filter((r) => !Array.isArray(r.body));
    await waitFor(() => equipment.every((d) => live(d.deviceId).length >= 5), 10_000);
    await sim.stop();
    expect(sim.published).toBe(b.received.length);

    for (const d of equipment) {
      const bodies = framesOf(b.received, d.deviceId);
      const firstLive = bodies.findIndex((r) => !Array.isArray(r.body));
      const backfill = bodies.slice(0, firstLive);
      expect(
        bodies.slice(firstLive).every((r) => !Array.isArray(r.body)),
        d.deviceId,
      ).toBe(true); // never past frames after live ones
      const frames = bodies.flatMap(
        (r) => (Array.isArray(r.body) ? r.body : [r.body]) as { seq: number; ts: string; values: Record<string, number> }[],
      );
      expect(
        frames.map((f) => f.seq),
        d.deviceId,
      ).toEqual(frames.map((_, i) => d.startSeq + i));
      const times = frames.map((f) => Date.parse(f.ts));
      expect(times, d.deviceId).toEqual([...times].sort((x, y) => x - y));
      for (const r of bodies) {
        expect(r.qos).toBe(1);
        expect(parseTelemetryBody(r.body).ok, JSON.stringify(r.body)).toBe(true);
      }
      const allowed = DEVICE_TYPES[typeOf[d.deviceId]!].metrics as readonly string[];
      for (const f of frames)
        expect(
          Object.keys(f.values).filter((k) => !allowed.includes(k)),
          d.deviceId,
        ).toEqual([]);
      const backfilled = backfill.flatMap((r) => r.body as { ts: string }[]);
      for (const f of backfilled) expect(Date.parse(f.ts)).toBeLessThan(t0 + 1000);
      if (d.deviceId === "pump-2") expect(backfill).toEqual([]);
      if (d.deviceId === "fridge-1") {
        expect(backfill).toHaveLength(1); // a logger's past in one body …
        expect(backfilled).toHaveLength(2); // … a reading every 15 min
      }
      if (d.deviceId === "pump-1") {
        expect(backfilled).toHaveLength(30); // every minute
        expect(backfill.map((r) => (r.body as unknown[]).length)).toEqual([8, 8, 8, 6]);
        // Paced under the rate limit: a chunk is never sent before its slot (≥ 90 ms apart), so the last of
        // four arrives at least three slots after the start. (Gaps between arrivals shrink on a loaded machine
        // when one waits for its acknowledgement; the plan's token-bucket check is equipment-backfill.test.ts.)
        expect(backfill.at(-1)!.at - t0).toBeGreaterThanOrEqual(3 * 90);
        expect(Date.parse(backfilled[0]!.ts)).toBeGreaterThanOrEqual(t0 - 30 * MIN - 1000);
      }
    }
    expect(logs.filter((l) => /uploaded its last 30 min/.test(l)).length).toBe(2);
  });

  it("uploads a monitor's history (one frame a minute, paced, in arrays) alongside its live frames, with disjoint seqs", async () => {
    const device: SimulatedDevice = {
      deviceId: "mon-h",
      secret: "sh",
      startSeq: 1,
      scenario: "deteriorating",
      seed: 1002,
      clockAtStartMs: 25 * 60_000,
      backfillMs: 30 * 60_000,
    };
    const b = await startBroker(new Map([["mon-h", "sh"]]));
    cleanups.push(() => b.close());
    const logs: string[] = [];
    const t0 = Date.now();
    const sim = await startSimulator({
      brokerUrl: b.url,
      devices: [device],
      intervalMs: 100,
      log: (m) => logs.push(m),
      ingestLimits: { ratePerSec: 100, burst: 20, maxBodyBytes: 256 * 1024, maxFramesPerBody: 1000 },
    });
    cleanups.push(() => sim.stop());
    await waitFor(() => logs.some((l) => /mon-h: uploaded its last 30 min \(30 frames\)/.test(l)), 10_000);
    await sim.stop();
    const arrays = framesOf(b.received, "mon-h").filter((r) => Array.isArray(r.body));
    const live = framesOf(b.received, "mon-h").filter((r) => !Array.isArray(r.body));
    expect(arrays.map((r) => (r.body as unknown[]).length)).toEqual([10, 10, 10]); // half the burst per body
    const history = arrays.flatMap((r) => r.body as { seq: number; ts: string; values: Record<string, number> }[]);
    expect(history.map((f) => f.seq).sort((a, b) => a - b)).toEqual(history.map((_, i) => i + 1));
    expect(Date.parse(history[0]!.ts)).toBeGreaterThan(Date.parse(history.at(-1)!.ts)); // newest body first
    for (const f of history) {
      expect(Date.parse(f.ts)).toBeLessThan(t0);
      expect(parseTelemetryBody([f]).ok).toBe(true);
    }
    // the live frames start after the history's seqs, and the first one arrives before any history
    expect((live[0]!.body as { seq: number }).seq).toBe(31);
    expect(live[0]!.at).toBeLessThanOrEqual(arrays[0]!.at);
  });
});

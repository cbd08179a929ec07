// The home runner against a real MQTT broker (aedes) that checks each device's own credentials: the first run
// uploads the device's past newest first, in bodies within the pacing limits, every frame valid for its type;
// then it sends what the model recorded since, with seqs continuing and no reading sent twice.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Aedes, type AuthenticateError } from "aedes";
import { metricAllowed } from "@/lib/domain/device-types";
import { parseTelemetryBody, type TelemetryFrame } from "@/lib/ingest/frame-schema";
import { startHomeDevices, type HomeHandle } from "./run-home";

type Received = { deviceId: string; body: unknown };
const SECRETS = new Map([
  ["cgm-t", "s-cgm"],
  ["inh-t", "s-inh"],
]);

describe("home devices over MQTT", () => {
  let broker: Aedes;
  let server: net.Server;
  let url = "";
  const received: Received[] = [];
  let handle: HomeHandle | null = null;

  beforeAll(async () => {
    broker = await Aedes.createBroker({
      authenticate: (client, username, password, done) => {
        if (username === client.id && SECRETS.get(username ?? "") === password?.toString("utf8")) return done(null, true);
        const err = new Error("bad username or password") as AuthenticateError;
        err.returnCode = 4;
        done(err, null);
      },
    });
    await new Promise<void>((resolve) =>
      broker.subscribe(
        "devices/+/telemetry",
        (packet, cb) => {
          received.push({ deviceId: packet.topic.split("/")[1] ?? "", body: JSON.parse(packet.payload.toString()) });
          cb();
        },
        resolve,
      ),
    );
    server = net.createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    url = `mqtt://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await handle?.stop();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const framesOf = (deviceId: string): TelemetryFrame[][] =>
    received
      .filter((r) => r.deviceId === deviceId)
      .map((r) => {
        const parsed = parseTelemetryBody(r.body);
        if (!parsed.ok) throw new Error(parsed.error);
        return parsed.frames;
      });

  it("uploads 6 hours newest first in paced bodies with its own credentials, and its live ticks send nothing twice", async () => {
    const anchorMs = Date.now() - 3 * 86_400_000;
    const logs: string[] = [];
    handle = startHomeDevices({
      brokerUrl: url,
      log: (m) => logs.push(m),
      intervalMs: 300,
      ratePerSec: 200,
      burst: 40, // bodies of at most 20 frames
      tzOffsetMinutes: 0,
      devices: [
        { deviceId: "cgm-t", secret: "s-cgm", startSeq: 10, scenario: "cgm-diabetes", seed: 1, anchorMs, backfillMs: 6 * 3_600_000 },
        { deviceId: "inh-t", secret: "s-inh", startSeq: 1, scenario: "inhaler-controller", seed: 2, anchorMs, backfillMs: 0 },
      ],
    });
    await handle.ready;
    const deadline = Date.now() + 15_000;
    while (!logs.some((l) => l.includes("cgm-t: uploaded its last 6 h (72 readings)")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(logs.filter((l) => l.includes("cannot connect"))).toEqual([]);
    expect(logs).toContain("simulator: device cgm-t: uploaded its last 6 h (72 readings) before reporting live");

    const bodies = framesOf("cgm-t");
    expect(bodies.slice(0, 4).every((b) => b.length <= 20)).toBe(true);
    const backfill = bodies.flat().slice(0, 72);
    // Newest first; seqs follow time (the newest has the highest), from the device's next seq.
    expect(backfill.map((f) => f.seq)).toEqual(Array.from({ length: 72 }, (_, i) => 81 - i));
    expect(backfill.every((f, i) => i === 0 || f.ts < backfill[i - 1]!.ts)).toBe(true);
    expect(backfill.every((f) => Object.keys(f.values).every((k) => metricAllowed("cgm", k)))).toBe(true);

    // Live: the CGM's next 5-minute reading is at most 5 minutes away: rather than wait, check the ticks send
    // nothing twice, and the inhaler (no backfill) has sent nothing it had not recorded since start.
    await new Promise((r) => setTimeout(r, 1000));
    const all = framesOf("cgm-t").flat();
    expect(new Set(all.map((f) => f.seq)).size).toBe(all.length);
    const inhaler = framesOf("inh-t").flat();
    expect(inhaler.every((f) => f.seq >= 1 && Object.keys(f.values).every((k) => metricAllowed("smart_inhaler", k)))).toBe(true);
    await handle.stop();
    handle = null;
  });
});

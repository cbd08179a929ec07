// The equipment side of the simulator: infusion pumps (device_temp, vibration, power, battery) and vaccine
// fridge loggers (env_temp, humidity, battery), each a real MQTT client with its own id and secret, reporting
// once a minute on the wall clock (lib/simulator/equipment-source). On a device's first run it first uploads
// its recent past, as arrays of frames with past `ts` (lib/simulator/equipment-backfill), so the maintenance
// detector has the hours it needs to learn the pump's normal; only then does it report live, so every frame
// it sends is later than the ones before.
import { trackedSleep } from "./tracked-sleep";
import "server-only";
import type { MqttClient } from "mqtt";
import { connectDevice, describeError, endClient, firstOutcome, redactUrl } from "./device-client";
import { planBackfill } from "./equipment-backfill";
import { describeSpan, sendBackfill } from "./send-backfill";
import { createEquipmentSource, type EquipmentScenario, type EquipmentSource } from "./equipment-source";

export type SimulatedEquipment = {
  deviceId: string;
  secret: string;
  startSeq: number;
  scenario: EquipmentScenario;
  seed: number;
  /** Wall time of the device's demo start: its scenario is placed relative to this. */
  anchorMs: number;
  /** Upload this much of the recent past before reporting live (0: none, e.g. it has reported before). */
  backfillMs: number;
};

export type EquipmentOptions = {
  /** Live reporting interval, default 60 s. */
  intervalMs?: number;
  /**
   * Spacing of the uploaded past: a pump's every minute (the maintenance detector summarizes 10-minute
   * epochs), a fridge logger's every 15 minutes (well within the 30 minutes a vaccine logger must keep), so its
   * 24 h fit one body (96 readings, under the half-burst a body may carry) and the excursion detector never
   * sees a half-uploaded history (its wall-clock gap check would open a gap, withdrawn only once the rest arrives).
   */
  backfillStepMs?: { pump?: number; fridge?: number };
  /** The receiver's per-device rate limit (INGEST_RATE_PER_SEC, INGEST_RATE_BURST) and body limits. */
  ratePerSec?: number;
  burst?: number;
  maxBodyBytes?: number;
  maxFramesPerBody?: number;
};

export type EquipmentHandle = { ready: Promise<void>; readonly published: number; stop(): Promise<void> };

const DEFAULTS = {
  intervalMs: 60_000,
  pumpStepMs: 60_000,
  fridgeStepMs: 15 * 60_000,
  ratePerSec: 20,
  burst: 200,
  maxBodyBytes: 256 * 1024,
  maxFramesPerBody: 1000,
};

type Runner = {
  device: SimulatedEquipment;
  client: MqttClient;
  source: EquipmentSource;
  topic: string;
  nextSeq: number;
  inFlight: boolean;
  lastError: string | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  tickTimer: ReturnType<typeof setInterval> | null;
};

export function startEquipment(
  opts: { brokerUrl: string; devices: SimulatedEquipment[]; log: (msg: string) => void } & EquipmentOptions,
): EquipmentHandle {
  const o = {
    intervalMs: opts.intervalMs ?? DEFAULTS.intervalMs,
    pumpStepMs: opts.backfillStepMs?.pump ?? DEFAULTS.pumpStepMs,
    fridgeStepMs: opts.backfillStepMs?.fridge ?? DEFAULTS.fridgeStepMs,
    ratePerSec: opts.ratePerSec ?? DEFAULTS.ratePerSec,
    burst: opts.burst ?? DEFAULTS.burst,
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxFramesPerBody: opts.maxFramesPerBody ?? DEFAULTS.maxFramesPerBody,
  };
  if (!(o.intervalMs > 0)) throw new RangeError(`intervalMs must be > 0 (got ${o.intervalMs})`);
  const { log } = opts;
  const brokerForLog = redactUrl(opts.brokerUrl);
  let published = 0;
  let stopped = false;
  const runners: Runner[] = [];

  const noteError = (r: Runner, message: string): void => {
    if (r.lastError === message) return;
    r.lastError = message;
    log(`simulator: device ${r.device.deviceId}: ${message}`);
  };
  const sleep = (r: Runner, ms: number) => trackedSleep(r.timers, ms);
  const publish = (r: Runner, body: unknown) =>
    new Promise<Error | null>((resolve) => {
      r.inFlight = true;
      r.client.publish(r.topic, JSON.stringify(body), { qos: 1 }, (err) => {
        r.inFlight = false;
        if (!err) published++;
        resolve(err ?? null);
      });
    });

  const backfill = async (r: Runner): Promise<void> => {
    const { device, source } = r;
    const plan = planBackfill({
      endMs: Date.now(),
      spanMs: device.backfillMs,
      stepMs: source.kind === "pump" ? o.pumpStepMs : o.fridgeStepMs,
      startSeq: r.nextSeq,
      sample: (t) => source.sample(t),
      ratePerSec: o.ratePerSec,
      burst: o.burst,
      maxBodyBytes: o.maxBodyBytes,
      maxFramesPerBody: o.maxFramesPerBody,
    });
    r.nextSeq = plan.nextSeq; // consumed now: a seq is never reused
    const done = await sendBackfill(plan, {
      connected: () => r.client.connected,
      stopped: () => stopped,
      sleep: (ms) => sleep(r, ms),
      publish: (frames) => publish(r, frames),
      onError: (err) => noteError(r, `backfill publish failed, retrying: ${describeError(err)}`),
    });
    if (done && plan.frameCount > 0) {
      log(
        `simulator: device ${device.deviceId}: uploaded its last ${describeSpan(device.backfillMs)} (${plan.frameCount} readings) before reporting live`,
      );
    }
  };

  const tick = (r: Runner): void => {
    if (stopped || !r.client.connected || r.inFlight) return; // skip rather than queue, like the monitors
    const now = Date.now();
    const values = r.source.sample(now);
    if (values === null) return; // the logger is out: nothing recorded, no seq consumed
    const frame = { seq: r.nextSeq++, ts: new Date(now).toISOString(), values };
    void publish(r, frame).then((err) => {
      if (err && !stopped) noteError(r, `publish failed: ${describeError(err)}`);
    });
  };

  const outcomes: Promise<void>[] = [];
  opts.devices.forEach((device, i) => {
    const client = connectDevice(opts.brokerUrl, device.deviceId, device.secret);
    const r: Runner = {
      device,
      client,
      source: createEquipmentSource({ scenario: device.scenario, seed: device.seed, anchorMs: device.anchorMs }),
      topic: `devices/${device.deviceId}/telemetry`,
      nextSeq: device.startSeq,
      inFlight: false,
      lastError: null,
      timers: new Set(),
      tickTimer: null,
    };
    runners.push(r);
    outcomes.push(firstOutcome(client));
    client.on("connect", () => {
      if (r.lastError !== null) log(`simulator: device ${device.deviceId}: connected`);
      r.lastError = null;
    });
    client.on("error", (err) => noteError(r, `cannot connect to ${brokerForLog}: ${describeError(err)}`));

    // Stagger devices (at most 10 s apart in all) so their uploads and readings do not coincide.
    const offsetMs = Math.floor((i * Math.min(o.intervalMs, 10_000)) / Math.max(1, opts.devices.length));
    void (async () => {
      await sleep(r, offsetMs);
      if (device.backfillMs > 0) await backfill(r);
      if (stopped) return;
      tick(r);
      r.tickTimer = setInterval(() => tick(r), o.intervalMs);
    })();
  });

  return {
    ready: Promise.all(outcomes).then(() => undefined),
    get published() {
      return published;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const r of runners) {
        for (const t of r.timers) clearTimeout(t);
        r.timers.clear();
        if (r.tickTimer) clearInterval(r.tickTimer);
        r.tickTimer = null;
      }
      await Promise.all(runners.map((r) => endClient(r.client, () => r.inFlight)));
    },
  };
}

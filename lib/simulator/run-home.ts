// The home side of the simulator: each home device (CGM, BP cuff, smart inhalers, home air sensor) is a real MQTT
// client with its own id and secret, sending what its scenario (lib/simulator/home-scenarios) records. On its
// first run it uploads its last 14 days in bodies paced under the per-device rate limit (a CGM's 4,032 readings
// take about four minutes at the default 20 frames/s), newest first: the alarm engine judges a patient's newest
// reading and an older one never replaces it, so last week's night-time lows are stored and charted without
// raising alerts now (seqs still follow time: the newest reading has the highest). Then, once a minute, it
// sends whatever its model recorded since the last send, so a skipped tick loses nothing and none is sent twice.
import "server-only";
import type { MqttClient } from "mqtt";
import { connectDevice, describeError, endClient, firstOutcome, redactUrl } from "./device-client";
import { paceFrames, type BackfillFrame, type PacingLimits } from "./equipment-backfill";
import { createHomeSource, type HomeReading, type HomeScenario, type HomeSource } from "./home-scenarios";
import { describeSpan, sendBackfill } from "./send-backfill";
import { trackedSleep } from "./tracked-sleep";

export type SimulatedHomeDevice = {
  deviceId: string;
  secret: string;
  startSeq: number;
  scenario: HomeScenario;
  seed: number;
  /** Wall time the device's story is placed around (its creation). */
  anchorMs: number;
  /** Upload this much of the past first (0: none, e.g. it has reported before). */
  backfillMs: number;
};

export type HomeOptions = Partial<PacingLimits> & {
  /** How often a device sends what it recorded since its last send; default 60 s. */
  intervalMs?: number;
  /** The patients' local offset from UTC in minutes; default the server's. */
  tzOffsetMinutes?: number;
};

export type HomeHandle = { ready: Promise<void>; readonly published: number; stop(): Promise<void> };

export const HOME_BACKFILL_MS = 14 * 24 * 3_600_000;

/** Readings as frames with consecutive seqs from `startSeq`, in the readings' (time) order. */
export function toFrames(readings: readonly HomeReading[], startSeq: number): BackfillFrame[] {
  return readings.map((r, i) => ({ seq: startSeq + i, ts: new Date(r.ts).toISOString(), values: r.values }));
}

type Runner = {
  device: SimulatedHomeDevice;
  client: MqttClient;
  source: HomeSource;
  topic: string;
  nextSeq: number;
  /** Readings before this wall time were sent (or planned). */
  sentUpTo: number;
  inFlight: boolean;
  lastError: string | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  tickTimer: ReturnType<typeof setInterval> | null;
};

export function startHomeDevices(
  opts: { brokerUrl: string; devices: SimulatedHomeDevice[]; log: (msg: string) => void } & HomeOptions,
): HomeHandle {
  const intervalMs = opts.intervalMs ?? 60_000;
  const limits: PacingLimits = {
    ratePerSec: opts.ratePerSec ?? 20,
    burst: opts.burst ?? 200,
    maxBodyBytes: opts.maxBodyBytes ?? 256 * 1024,
    maxFramesPerBody: opts.maxFramesPerBody ?? 1000,
  };
  const tzOffsetMinutes = opts.tzOffsetMinutes ?? -new Date().getTimezoneOffset();
  const { log } = opts;
  let published = 0;
  let stopped = false;
  const runners: Runner[] = [];

  const noteError = (r: Runner, message: string): void => {
    if (r.lastError === message) return;
    r.lastError = message;
    log(`simulator: device ${r.device.deviceId}: ${message}`);
  };
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
    const end = Date.now();
    const frames = toFrames(r.source.readings(end - r.device.backfillMs, end), r.nextSeq).reverse();
    r.nextSeq += frames.length; // consumed now: a seq is never reused
    r.sentUpTo = end;
    const done = await sendBackfill(
      { chunks: paceFrames(frames, limits), nextSeq: r.nextSeq, frameCount: frames.length },
      {
        connected: () => r.client.connected,
        stopped: () => stopped,
        sleep: (ms) => trackedSleep(r.timers, ms),
        publish: (body) => publish(r, body),
        onError: (err) => noteError(r, `backfill publish failed, retrying: ${describeError(err)}`),
      },
    );
    if (done && frames.length > 0) {
      log(
        `simulator: device ${r.device.deviceId}: uploaded its last ${describeSpan(r.device.backfillMs)} (${frames.length} readings) before reporting live`,
      );
    }
  };

  const tick = (r: Runner): void => {
    if (stopped || !r.client.connected || r.inFlight) return; // the next tick sends this one's readings too
    const now = Date.now();
    const frames = toFrames(r.source.readings(r.sentUpTo, now), r.nextSeq);
    if (frames.length === 0) return;
    const from = r.sentUpTo;
    const seq = r.nextSeq;
    r.sentUpTo = now;
    r.nextSeq += frames.length;
    void publish(r, frames.length === 1 ? frames[0] : frames).then((err) => {
      if (!err || stopped) return;
      noteError(r, `publish failed: ${describeError(err)}`);
      // Not acknowledged: send the same readings (same seqs) again next time.
      if (r.nextSeq === seq + frames.length) {
        r.sentUpTo = from;
        r.nextSeq = seq;
      }
    });
  };

  const outcomes: Promise<void>[] = [];
  opts.devices.forEach((device, i) => {
    const client = connectDevice(opts.brokerUrl, device.deviceId, device.secret);
    const now = Date.now();
    const r: Runner = {
      device,
      client,
      source: createHomeSource({ scenario: device.scenario, seed: device.seed, anchorMs: device.anchorMs, tzOffsetMinutes }),
      topic: `devices/${device.deviceId}/telemetry`,
      nextSeq: device.startSeq,
      sentUpTo: now,
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
    client.on("error", (err) => noteError(r, `cannot connect to ${redactUrl(opts.brokerUrl)}: ${describeError(err)}`));
    const offsetMs = Math.floor((i * Math.min(intervalMs, 5_000)) / Math.max(1, opts.devices.length));
    void (async () => {
      await trackedSleep(r.timers, offsetMs);
      if (device.backfillMs > 0) await backfill(r);
      if (stopped) return;
      tick(r);
      r.tickTimer = setInterval(() => tick(r), intervalMs);
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

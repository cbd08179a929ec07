// The device simulator runner: one real MQTT client per simulated device, authenticating with the device's own
// id and secret and publishing telemetry frames through the broker exactly as hardware would (never into the DB).
import "server-only";
import mqtt, { type MqttClient } from "mqtt";
import { isSilent, type ScenarioName } from "./scenarios";
import { metricsDueAt, type ScheduledMetric } from "./schedule";
import { createPatientModel, type PatientModel } from "./vital-model";

export type SimulatedDevice = { deviceId: string; secret: string; startSeq: number; scenario: ScenarioName; seed: number };
export type SimulatorHandle = { stop(): Promise<void>; readonly published: number };

export type SimulatorOptions = {
  brokerUrl: string;
  devices: SimulatedDevice[];
  /** Publish interval per device (one tick), default 1000 ms. */
  intervalMs?: number;
  log?: (msg: string) => void;
  /** Scenario clock multiplier, default 1 (e.g. 60 plays the hour-long deterioration in a minute). */
  speedup?: number;
};

const RECONNECT_PERIOD_MS = 2000;
/** How long startSimulator waits for each device's first connection outcome before running anyway. */
const FIRST_CONNECT_WAIT_MS = 5000;
/** How long stop() waits for in-flight publishes to be acknowledged before closing a client hard. */
const GRACEFUL_END_MS = 2000;

type DeviceRunner = {
  device: SimulatedDevice;
  client: MqttClient;
  model: PatientModel;
  topic: string;
  nextSeq: number;
  tick: number;
  inFlight: boolean;
  /** Metrics due but not yet sent (skipped tick, silence, offline); bounded by the metric vocabulary. */
  pending: Set<ScheduledMetric>;
  lastError: string | null;
  startTimer: ReturnType<typeof setTimeout> | null;
  tickTimer: ReturnType<typeof setInterval> | null;
};

/** The broker URL without any credentials it may carry, fit for a log line. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "the broker";
  }
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const intervalMs = opts.intervalMs ?? 1000;
  const speedup = opts.speedup ?? 1;
  const log = opts.log ?? (() => {});
  if (!(intervalMs > 0)) throw new RangeError(`intervalMs must be > 0 (got ${intervalMs})`);
  if (!(speedup > 0)) throw new RangeError(`speedup must be > 0 (got ${speedup})`);

  let published = 0;
  let stopped = false;
  const startedAt = Date.now();
  const runners: DeviceRunner[] = [];
  const brokerForLog = redactUrl(opts.brokerUrl);

  const noteError = (r: DeviceRunner, message: string): void => {
    if (r.lastError === message) return; // once per device (and per distinct failure), not every retry
    r.lastError = message;
    log(`simulator: device ${r.device.deviceId}: ${message}`);
  };

  const tick = (r: DeviceRunner): void => {
    if (stopped) return;
    const tickNo = r.tick++;
    for (const key of metricsDueAt(tickNo)) r.pending.add(key);
    const elapsedMs = (Date.now() - startedAt) * speedup;
    if (isSilent(r.device.scenario, elapsedMs)) return; // a dead device says nothing, but stays connected
    // Skip rather than queue: mqtt.js would otherwise buffer frames while offline or unacknowledged.
    if (!r.client.connected || r.inFlight) return;
    const sample = r.model.sample(elapsedMs);
    const values: Partial<Record<ScheduledMetric, number>> = {};
    for (const key of r.pending) values[key] = sample[key];
    r.pending.clear();
    const seq = r.nextSeq++; // consumed now: a seq is never reused, even if this publish fails
    const frame = { seq, ts: new Date().toISOString(), values };
    r.inFlight = true;
    r.client.publish(r.topic, JSON.stringify(frame), { qos: 1 }, (err) => {
      r.inFlight = false;
      if (err) {
        if (!stopped) noteError(r, `publish failed: ${describeError(err)}`);
        return;
      }
      published++;
    });
  };

  const firstOutcomes: Promise<void>[] = [];
  opts.devices.forEach((device, i) => {
    const client = mqtt.connect(opts.brokerUrl, {
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.secret,
      protocolVersion: 4, // MQTT 3.1.1: spoken by every broker, the embedded aedes included (it has no MQTT 5)
      clean: true,
      reconnectPeriod: RECONNECT_PERIOD_MS,
      reconnectOnConnackError: true,
      connectTimeout: 10_000,
    });
    const r: DeviceRunner = {
      device,
      client,
      model: createPatientModel({ seed: device.seed, scenario: device.scenario }),
      topic: `devices/${device.deviceId}/telemetry`,
      nextSeq: device.startSeq,
      tick: 0,
      inFlight: false,
      pending: new Set(),
      lastError: null,
      startTimer: null,
      tickTimer: null,
    };
    runners.push(r);

    firstOutcomes.push(
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        client.once("connect", done);
        client.once("error", done);
      }),
    );
    client.on("connect", () => {
      if (r.lastError !== null) log(`simulator: device ${device.deviceId}: connected`);
      r.lastError = null;
    });
    client.on("error", (err) => noteError(r, `cannot connect to ${brokerForLog}: ${describeError(err)}`));

    // Stagger devices across the interval so they do not all publish in the same millisecond.
    const offsetMs = Math.floor((i * intervalMs) / Math.max(1, opts.devices.length));
    r.startTimer = setTimeout(() => {
      r.startTimer = null;
      if (stopped) return;
      tick(r);
      r.tickTimer = setInterval(() => tick(r), intervalMs);
    }, offsetMs);
  });

  await Promise.all(firstOutcomes);

  return {
    get published() {
      return published;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const r of runners) {
        if (r.startTimer) clearTimeout(r.startTimer);
        if (r.tickTimer) clearInterval(r.tickTimer);
        r.startTimer = null;
        r.tickTimer = null;
      }
      await Promise.all(runners.map((r) => endClient(r)));
    },
  };
}

/** Ends a client, giving an in-flight publish a moment to be acknowledged, then closing (hard if it never is). */
async function endClient(r: DeviceRunner): Promise<void> {
  const deadline = Date.now() + GRACEFUL_END_MS;
  while (r.inFlight && r.client.connected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await r.client.endAsync(r.inFlight || !r.client.connected);
}

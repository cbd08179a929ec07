// The device simulator runner: one real MQTT client per simulated device, authenticating with the device's own
// id and secret and publishing telemetry frames through the broker exactly as hardware would (never into the DB).
// Bedside monitors are run here; pumps and environment loggers by lib/simulator/run-equipment. A monitor that
// has never reported first uploads its patient's last day (lib/simulator/monitor-history) while it already
// reports live: the live frames are always the newest, so the history never replaces a current value.
import { trackedSleep } from "./tracked-sleep";
import "server-only";
import type { MqttClient } from "mqtt";
import { connectDevice, describeError, endClient, firstOutcome, redactUrl } from "./device-client";
import { startEquipment, type EquipmentOptions, type SimulatedEquipment } from "./run-equipment";
import type { BackfillFrame, BackfillPlan } from "./equipment-backfill";
import { planMonitorHistory } from "./monitor-history";
import { isSilent, type ScenarioName } from "./scenarios";
import { describeSpan, sendBackfill } from "./send-backfill";
import { metricsDueAt, type ScheduledMetric } from "./schedule";
import { createPatientModel, type PatientModel } from "./vital-model";

export type SimulatedDevice = {
  deviceId: string;
  secret: string;
  startSeq: number;
  scenario: ScenarioName;
  seed: number;
  /** The scenario clock at start (lib/simulator/scenarios CLOCK_AT_START_MS), default 0. */
  clockAtStartMs?: number;
  /** Upload this much of the past (one frame a minute) alongside the live readings; 0 or absent: none. */
  backfillMs?: number;
};

/** The receiver's per-device rate limit (a token bucket counting frames) and body limits, for uploads. */
export type IngestLimits = { ratePerSec: number; burst: number; maxBodyBytes: number; maxFramesPerBody: number };
const DEFAULT_LIMITS: IngestLimits = { ratePerSec: 20, burst: 200, maxBodyBytes: 256 * 1024, maxFramesPerBody: 1000 };
export type { SimulatedEquipment } from "./run-equipment";
export type SimulatorHandle = { stop(): Promise<void>; readonly published: number };

export type SimulatorOptions = {
  brokerUrl: string;
  devices: SimulatedDevice[];
  /** Publish interval per device (one tick), default 1000 ms. */
  intervalMs?: number;
  log?: (msg: string) => void;
  /** Scenario clock multiplier, default 1 (e.g. 60 plays the hour-long deterioration in a minute). */
  speedup?: number;
  /** Infusion pumps and environment loggers (lib/simulator/run-equipment), on the wall clock. */
  equipment?: SimulatedEquipment[];
  /** Their reporting interval, backfill and the receiver's limits. */
  equipmentOptions?: EquipmentOptions;
  /** The receiver's limits the monitors' history upload is paced under. */
  ingestLimits?: IngestLimits;
  /** Spacing of a monitor's uploaded history, default one frame a minute. */
  historyStepMs?: number;
};

type DeviceRunner = {
  device: SimulatedDevice;
  client: MqttClient;
  model: PatientModel;
  topic: string;
  nextSeq: number;
  tick: number;
  inFlight: boolean;
  /** The history upload, planned at start (null: none); sent once the first live frame is acknowledged. */
  history: BackfillPlan | null;
  historyInFlight: boolean;
  /** Metrics due but not yet sent (skipped tick, silence, offline); bounded by the metric vocabulary. */
  pending: Set<ScheduledMetric>;
  lastError: string | null;
  startTimer: ReturnType<typeof setTimeout> | null;
  tickTimer: ReturnType<typeof setInterval> | null;
  /** The history upload's pauses. */
  timers: Set<ReturnType<typeof setTimeout>>;
};

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
    const elapsedMs = (r.device.clockAtStartMs ?? 0) + (Date.now() - startedAt) * speedup;
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
      if (r.history) void uploadHistory(r, r.history);
    });
  };

  const sleep = (r: DeviceRunner, ms: number) => trackedSleep(r.timers, ms);

  const uploadHistory = async (r: DeviceRunner, plan: BackfillPlan): Promise<void> => {
    r.history = null; // once
    const started = Date.now();
    const done = await sendBackfill(plan, {
      connected: () => r.client.connected,
      stopped: () => stopped,
      sleep: (ms) => sleep(r, ms),
      publish: (frames: BackfillFrame[]) =>
        new Promise<Error | null>((resolve) => {
          r.historyInFlight = true;
          r.client.publish(r.topic, JSON.stringify(frames), { qos: 1 }, (err) => {
            r.historyInFlight = false;
            if (!err) published++;
            resolve(err ?? null);
          });
        }),
      onError: (err) => noteError(r, `history upload failed, retrying: ${describeError(err)}`),
    });
    if (done) {
      const span = describeSpan(r.device.backfillMs ?? 0);
      log(
        `simulator: device ${r.device.deviceId}: uploaded its last ${span} (${plan.frameCount} frames) in ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }
  };

  const limits = opts.ingestLimits ?? DEFAULT_LIMITS;
  const firstOutcomes: Promise<void>[] = [];
  opts.devices.forEach((device, i) => {
    const client = connectDevice(opts.brokerUrl, device.deviceId, device.secret);
    const model = createPatientModel({ seed: device.seed, scenario: device.scenario });
    // Planned before the first live sample: the model is sampled in time order, history first.
    const history =
      (device.backfillMs ?? 0) > 0
        ? planMonitorHistory({
            model,
            scenario: device.scenario,
            startedAtMs: startedAt,
            clockAtStartMs: device.clockAtStartMs ?? 0,
            speedup,
            spanMs: device.backfillMs ?? 0,
            stepMs: opts.historyStepMs,
            startSeq: device.startSeq,
            ...limits,
          })
        : null;
    const r: DeviceRunner = {
      device,
      client,
      model,
      topic: `devices/${device.deviceId}/telemetry`,
      nextSeq: history?.nextSeq ?? device.startSeq, // the history's seqs come first: never reused
      tick: 0,
      inFlight: false,
      history: history && history.frameCount > 0 ? history : null,
      historyInFlight: false,
      pending: new Set(),
      lastError: null,
      startTimer: null,
      tickTimer: null,
      timers: new Set(),
    };
    runners.push(r);

    firstOutcomes.push(firstOutcome(client));
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

  const equipment = opts.equipment?.length
    ? startEquipment({ brokerUrl: opts.brokerUrl, devices: opts.equipment, log, ...opts.equipmentOptions })
    : null;
  await Promise.all([...firstOutcomes, equipment?.ready]);

  return {
    get published() {
      return published + (equipment?.published ?? 0);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const r of runners) {
        if (r.startTimer) clearTimeout(r.startTimer);
        if (r.tickTimer) clearInterval(r.tickTimer);
        r.startTimer = null;
        r.tickTimer = null;
        for (const t of r.timers) clearTimeout(t);
        r.timers.clear();
      }
      await Promise.all([...runners.map((r) => endClient(r.client, () => r.inFlight || r.historyInFlight)), equipment?.stop()]);
    },
  };
}

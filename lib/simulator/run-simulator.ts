// The device simulator runner: one real MQTT client per simulated device, authenticating with the device's own
// id and secret and publishing telemetry frames through the broker exactly as hardware would (never into the DB).
// Bedside monitors are run here; pumps and environment loggers by lib/simulator/run-equipment.
import "server-only";
import type { MqttClient } from "mqtt";
import { connectDevice, describeError, endClient, firstOutcome, redactUrl } from "./device-client";
import { startEquipment, type EquipmentOptions, type SimulatedEquipment } from "./run-equipment";
import { isSilent, type ScenarioName } from "./scenarios";
import { metricsDueAt, type ScheduledMetric } from "./schedule";
import { createPatientModel, type PatientModel } from "./vital-model";

export type SimulatedDevice = { deviceId: string; secret: string; startSeq: number; scenario: ScenarioName; seed: number };
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
};

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
    const client = connectDevice(opts.brokerUrl, device.deviceId, device.secret);
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
      }
      await Promise.all([...runners.map((r) => endClient(r.client, () => r.inFlight)), equipment?.stop()]);
    },
  };
}

// Simulated equipment readings on the wall clock: an infusion pump's own health (device_temp, vibration,
// power, battery) or a vaccine fridge logger (env_temp, humidity, battery), from the pure scenario models of
// lib/simulator/device-scenarios. Each device's story is anchored at its demo start (when the demo devices
// were seeded), placed so the demo shows something within minutes: the failing pump's wear is hours under
// way at demo start, the warm fridge's cabinet crosses 8 °C a few minutes after it. Pure and deterministic
// for a seed, an anchor and non-decreasing sample times.
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import {
  createFridgeModel,
  createPumpModel,
  FRIDGE_SCENARIOS,
  PUMP_SCENARIOS,
  type FridgeModel,
  type FridgeScenario,
  type PumpModel,
  type PumpScenario,
} from "./device-scenarios";
import { gaussian, mulberry32 } from "./vital-model";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type EquipmentScenario = PumpScenario | FridgeScenario;
export const EQUIPMENT_SCENARIOS: readonly EquipmentScenario[] = [...PUMP_SCENARIOS, ...FRIDGE_SCENARIOS];

export function isEquipmentScenario(s: string): s is EquipmentScenario {
  return (EQUIPMENT_SCENARIOS as readonly string[]).includes(s);
}

export function isPumpScenario(s: EquipmentScenario): s is PumpScenario {
  return (PUMP_SCENARIOS as readonly string[]).includes(s);
}

/** Where each scenario stands at its demo start (the anchor), relative to its ground truth. */
export const DEMO_TIMELINE = {
  /**
   * The failing pump fails this long after demo start: its wear (6 h, growing quadratically) is then well
   * under way, and the maintenance detector, having learned the pump's normal from the backfilled hours,
   * raises its alarm within minutes of demo start (lib/simulator/equipment-source.test.ts checks this).
   */
  pumpFailureAfterMs: 3.25 * HOUR,
  /** The warm fridge's cabinet crosses 8 °C this long after demo start; the excursion is reported once it has lasted 5 min. */
  fridgeExcursionAfterMs: 3 * MIN,
  /** A healthy device's model time at demo start: past any backfill, so the past is simulated too. */
  healthyAtStartMs: 26 * HOUR,
  /**
   * The scripted events (failure, fault, repair) are drawn this much later on the model clock than the
   * scenario models place them, so the whole uploaded day lies after model time 0 (lib/simulator/device-scenarios).
   */
  eventDelayMs: DAY,
} as const;

/**
 * How much of its recent past a device publishes on its first run: a day, so every chart has 24 h of history
 * (the maintenance detector learns over its first 4 h of it).
 */
export const BACKFILL_MS = 24 * HOUR;

/** Door openings are drawn this far ahead; a demo left running longer simply has no more of them. */
const FRIDGE_HORIZON_MS = 60 * DAY;

export type EquipmentValues = Partial<Record<MetricKey, number>>;

export type EquipmentSource = {
  readonly scenario: EquipmentScenario;
  readonly kind: "pump" | "fridge";
  /** The scenario model's time at the anchor (demo start). */
  readonly modelAtAnchorMs: number;
  readonly pump: PumpModel | null;
  readonly fridge: FridgeModel | null;
  /** Wall time → the model's elapsed time. */
  modelTime(wallMs: number): number;
  /** Model time → wall time (for ground truth such as the failure or the excursion window). */
  wallTime(modelMs: number): number;
  /** A reading at this wall time, or null while the logger is out. Call with non-decreasing times. */
  sample(wallMs: number): EquipmentValues | null;
};

function round(key: MetricKey, value: number): number {
  const def = METRICS[key];
  const f = 10 ** def.decimals;
  return Math.min(def.max, Math.max(def.min, Math.round(value * f) / f));
}

function anchorPosition(pump: PumpModel | null, fridge: FridgeModel | null): number {
  if (pump?.failureAtMs != null) return pump.failureAtMs - DEMO_TIMELINE.pumpFailureAfterMs;
  if (fridge?.excursion) return fridge.excursion.startMs - DEMO_TIMELINE.fridgeExcursionAfterMs;
  return DEMO_TIMELINE.healthyAtStartMs;
}

export function createEquipmentSource(opts: { scenario: EquipmentScenario; seed: number; anchorMs: number }): EquipmentSource {
  const { scenario, seed, anchorMs } = opts;
  const delayMs = DEMO_TIMELINE.eventDelayMs;
  const pump = isPumpScenario(scenario) ? createPumpModel({ seed, scenario, delayMs }) : null;
  // No logger outage in the demo: the logger records throughout, so its uploaded day has no gap to explain.
  const fridge = isPumpScenario(scenario)
    ? null
    : createFridgeModel({ seed, scenario, horizonMs: FRIDGE_HORIZON_MS, delayMs, outage: false });
  const modelAtAnchorMs = anchorPosition(pump, fridge);
  // Extras the models do not cover (battery, humidity) get their own stream, so the models' draws are untouched.
  const extra = mulberry32((seed * 2654435761) >>> 0);
  const humidityBase = 38 + 10 * extra();
  const batteryStart = pump ? 100 : 88 + 8 * extra();

  const modelTime = (wallMs: number) => wallMs - anchorMs + modelAtAnchorMs;
  return {
    scenario,
    kind: pump ? "pump" : "fridge",
    modelAtAnchorMs,
    pump,
    fridge,
    modelTime,
    wallTime: (modelMs) => modelMs - modelAtAnchorMs + anchorMs,
    sample(wallMs: number): EquipmentValues | null {
      const t = Math.max(0, modelTime(wallMs));
      if (pump) {
        // On mains at the bedside: the battery stays topped up.
        return { ...pump.sample(t), battery: batteryStart };
      }
      const r = fridge!.sample(t);
      const noise = gaussian(extra);
      if (r === null) return null;
      // The logger's own battery lasts about a year: a percent every few days.
      const battery = batteryStart - (t / DAY) * 0.3;
      const humidity = humidityBase + 4 * Math.sin((2 * Math.PI * t) / DAY) + 1.5 * noise;
      return { env_temp: r.env_temp, humidity: round("humidity", humidity), battery: round("battery", battery) };
    },
  };
}

/** A stable seed per device id, so a device's story does not depend on which other devices exist. */
export function seedForDevice(deviceId: string): number {
  let h = 2166136261;
  for (let i = 0; i < deviceId.length; i++) {
    h ^= deviceId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

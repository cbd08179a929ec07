// Device types, the metrics each may send, and how long each may stay silent before it counts as
// offline (a technical "INOP" condition). A frame with a metric its type may not send is refused.
// A gateway (e.g. a BLE hub) relays frames for the child devices registered behind it and sends only
// its own health metrics itself.
import type { MetricKey } from "./metrics";

const HEALTH: MetricKey[] = ["battery", "device_temp"];

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * `inactivityTimeoutMs`: silence longer than this makes the device offline. Sized to a few missed
 * reporting intervals of the type: a bedside monitor streams every second, a CGM reports every 5 min,
 * an environment sensor every 10–15 min, a BP cuff and an inhaler send at least an hourly heartbeat.
 */
export const DEVICE_TYPES = {
  bedside_monitor: {
    label: "Bedside monitor",
    metrics: ["heart_rate", "resp_rate", "spo2", "temp", "bp_sys", "bp_dia", "consciousness", "o2_supplement", ...HEALTH],
    inactivityTimeoutMs: 30 * SECOND,
  },
  wearable: { label: "Wearable", metrics: ["heart_rate", "resp_rate", "spo2", "temp", ...HEALTH], inactivityTimeoutMs: 2 * MINUTE },
  cgm: { label: "Continuous glucose monitor", metrics: ["glucose", ...HEALTH], inactivityTimeoutMs: 15 * MINUTE },
  bp_cuff: { label: "Blood pressure cuff", metrics: ["bp_sys", "bp_dia", "heart_rate", ...HEALTH], inactivityTimeoutMs: 65 * MINUTE },
  smart_inhaler: {
    label: "Smart inhaler",
    metrics: ["inhaler_puffs", "controller_puffs", "rescue_puffs", ...HEALTH],
    inactivityTimeoutMs: 65 * MINUTE,
  },
  infusion_pump: { label: "Infusion pump", metrics: ["device_temp", "vibration", "power", "battery"], inactivityTimeoutMs: 2 * MINUTE },
  env_sensor: { label: "Environment sensor", metrics: ["env_temp", "humidity", "battery"], inactivityTimeoutMs: 31 * MINUTE },
  // Asthma triggers at a patient's home (lib/portal correlates them with rescue inhaler use); reports every 30 min.
  home_air_sensor: {
    label: "Home air sensor",
    metrics: ["pm25", "pollen_index", "env_temp", "humidity", "battery"],
    inactivityTimeoutMs: 95 * MINUTE,
  },
  gateway: { label: "Gateway (BLE hub)", metrics: [...HEALTH], inactivityTimeoutMs: 2 * MINUTE },
  // Asset map (lib/asset-tracking): a BLE gateway placed in a room sends tag sightings (and only its own
  // health as telemetry); an asset tag never connects, gateways hear it.
  ble_gateway: { label: "BLE gateway (asset tracking)", metrics: [...HEALTH], inactivityTimeoutMs: 2 * MINUTE },
  asset_tag: { label: "Asset tag", metrics: ["battery"], inactivityTimeoutMs: 24 * 60 * MINUTE },
} as const satisfies Record<string, { label: string; metrics: readonly MetricKey[]; inactivityTimeoutMs: number }>;

export type DeviceType = keyof typeof DEVICE_TYPES;
/** The devices a patient takes home, which their clinicians pair to them (lib/devices/pair-home-device). */
export const HOME_DEVICE_TYPES = ["cgm", "bp_cuff", "smart_inhaler", "home_air_sensor"] as const satisfies readonly DeviceType[];
export const DEVICE_TYPE_KEYS = Object.keys(DEVICE_TYPES) as DeviceType[];

/** Used for a type this build does not know (e.g. added by a newer node sharing the database). */
export const DEFAULT_INACTIVITY_TIMEOUT_MS = 5 * MINUTE;

export function isDeviceType(t: string): t is DeviceType {
  return Object.prototype.hasOwnProperty.call(DEVICE_TYPES, t);
}

export function metricAllowed(type: string, metric: string): boolean {
  return isDeviceType(type) && (DEVICE_TYPES[type].metrics as readonly string[]).includes(metric);
}

/** How long a device of this type may stay silent before it is offline. */
export function inactivityTimeoutMs(type: string): number {
  return isDeviceType(type) ? DEVICE_TYPES[type].inactivityTimeoutMs : DEFAULT_INACTIVITY_TIMEOUT_MS;
}

/** A gateway may send frames for the child devices registered behind it. */
export function isGatewayType(type: string): boolean {
  return type === "gateway";
}

/**
 * Equipment whose own readings the alarm engine watches beyond connectivity: an infusion pump's health
 * (predictive maintenance) and an environment sensor's temperature (excursions, with a profile).
 */
export function isWatchedEquipment(type: string): boolean {
  return type === "infusion_pump" || type === "env_sensor";
}

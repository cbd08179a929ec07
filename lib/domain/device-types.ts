// Device types and the metrics each may send. A frame with a metric its type may not send is refused.
import type { MetricKey } from "./metrics";

const HEALTH: MetricKey[] = ["battery", "device_temp"];

export const DEVICE_TYPES = {
  bedside_monitor: {
    label: "Bedside monitor",
    metrics: ["heart_rate", "resp_rate", "spo2", "temp", "bp_sys", "bp_dia", "consciousness", "o2_supplement", ...HEALTH],
  },
  wearable: { label: "Wearable", metrics: ["heart_rate", "resp_rate", "spo2", "temp", ...HEALTH] },
  cgm: { label: "Continuous glucose monitor", metrics: ["glucose", ...HEALTH] },
  bp_cuff: { label: "Blood pressure cuff", metrics: ["bp_sys", "bp_dia", "heart_rate", ...HEALTH] },
  smart_inhaler: { label: "Smart inhaler", metrics: ["inhaler_puffs", ...HEALTH] },
  infusion_pump: { label: "Infusion pump", metrics: ["device_temp", "vibration", "power", "battery"] },
  env_sensor: { label: "Environment sensor", metrics: ["env_temp", "humidity", "battery"] },
} as const satisfies Record<string, { label: string; metrics: readonly MetricKey[] }>;

export type DeviceType = keyof typeof DEVICE_TYPES;
export const DEVICE_TYPE_KEYS = Object.keys(DEVICE_TYPES) as DeviceType[];

export function isDeviceType(t: string): t is DeviceType {
  return Object.prototype.hasOwnProperty.call(DEVICE_TYPES, t);
}

export function metricAllowed(type: string, metric: string): boolean {
  return isDeviceType(type) && (DEVICE_TYPES[type].metrics as readonly string[]).includes(metric);
}

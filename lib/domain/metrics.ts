// The metric vocabulary: the one place that names what a device may send, its unit (UCUM),
// its LOINC code for FHIR export, and the physically possible range a value must fall in.
// Shared by server and client (labels and units on screen).

export type MetricDefinition = {
  key: string;
  label: string;
  unit: string;
  /** Unit as shown on screen. */
  display: string;
  loinc?: string;
  /** Values outside [min, max] cannot come from a working sensor and are refused. */
  min: number;
  max: number;
  integer?: boolean;
  decimals: number;
  /** Computed by the platform, never sent by a device (no device type lists it). */
  derived?: boolean;
};

const defs = [
  { key: "heart_rate", label: "Pulse", unit: "/min", display: "bpm", loinc: "8867-4", min: 0, max: 400, decimals: 0 },
  { key: "resp_rate", label: "Resp. rate", unit: "/min", display: "/min", loinc: "9279-1", min: 0, max: 150, decimals: 0 },
  { key: "spo2", label: "SpO₂", unit: "%", display: "%", loinc: "59408-5", min: 0, max: 100, decimals: 0 },
  { key: "temp", label: "Temp", unit: "Cel", display: "°C", loinc: "8310-5", min: 15, max: 46, decimals: 1 },
  { key: "bp_sys", label: "BP systolic", unit: "mm[Hg]", display: "mmHg", loinc: "8480-6", min: 0, max: 350, decimals: 0 },
  { key: "bp_dia", label: "BP diastolic", unit: "mm[Hg]", display: "mmHg", loinc: "8462-4", min: 0, max: 300, decimals: 0 },
  { key: "consciousness", label: "ACVPU", unit: "code", display: "", min: 0, max: 4, integer: true, decimals: 0 },
  { key: "o2_supplement", label: "On oxygen", unit: "1", display: "", min: 0, max: 1, integer: true, decimals: 0 },
  { key: "glucose", label: "Glucose", unit: "mg/dL", display: "mg/dL", loinc: "99504-3", min: 0, max: 1000, decimals: 0 },
  { key: "inhaler_puffs", label: "Inhaler puffs", unit: "{puff}", display: "puffs", min: 0, max: 50, integer: true, decimals: 0 },
  // A smart inhaler knows its medication's role: a controller (preventer, taken on a schedule) or a rescue
  // (reliever, taken when symptoms flare). `inhaler_puffs` stays for an inhaler that does not know it.
  { key: "controller_puffs", label: "Controller puffs", unit: "{puff}", display: "puffs", min: 0, max: 50, integer: true, decimals: 0 },
  { key: "rescue_puffs", label: "Rescue puffs", unit: "{puff}", display: "puffs", min: 0, max: 50, integer: true, decimals: 0 },
  { key: "env_temp", label: "Env. temp", unit: "Cel", display: "°C", min: -90, max: 100, decimals: 1 },
  { key: "humidity", label: "Humidity", unit: "%", display: "%", min: 0, max: 100, decimals: 0 },
  // Environmental asthma triggers measured at home (home_air_sensor): fine particulate matter (PM2.5, µg/m³)
  // and a pollen index on the usual 0–12 scale (0–2.4 low, 2.5–4.8 low-medium, 4.9–7.2 medium,
  // 7.3–9.6 medium-high, 9.7–12 high).
  { key: "pm25", label: "PM2.5", unit: "ug/m3", display: "µg/m³", min: 0, max: 1000, decimals: 0 },
  { key: "pollen_index", label: "Pollen index", unit: "{index}", display: "", min: 0, max: 12, decimals: 1 },
  { key: "device_temp", label: "Device temp", unit: "Cel", display: "°C", min: -40, max: 150, decimals: 1 },
  { key: "vibration", label: "Vibration", unit: "g", display: "g", min: 0, max: 100, decimals: 2 },
  { key: "power", label: "Power", unit: "W", display: "W", min: 0, max: 10_000, decimals: 1 },
  { key: "battery", label: "Battery", unit: "%", display: "%", min: 0, max: 100, decimals: 0 },
  // NEWS2 total (SNOMED CT 1104051000000101), computed live by lib/alerts from the latest fresh readings.
  { key: "news2", label: "NEWS2", unit: "{score}", display: "", min: 0, max: 20, integer: true, decimals: 0, derived: true },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof defs)[number]["key"];

export const METRICS: Readonly<Record<MetricKey, MetricDefinition>> = Object.fromEntries(defs.map((d) => [d.key, d])) as Record<
  MetricKey,
  MetricDefinition
>;

export const METRIC_KEYS = defs.map((d) => d.key) as readonly MetricKey[];

export function isMetricKey(key: string): key is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}

/** Device id of the platform's own NEWS2 observations. */
export const NEWS2_DEVICE_ID = "platform:news2";

/** Per-parameter NEWS2 scores (0–3) are stored beside the total as observations "news2.<parameter>". */
export function news2ComponentCode(parameter: string): string {
  return `news2.${parameter}`;
}

/** The vitals shown on a ward tile, in display order. */
export const WARD_VITALS = ["heart_rate", "spo2", "resp_rate", "bp_sys", "bp_dia", "temp"] as const satisfies readonly MetricKey[];

export function formatMetric(key: MetricKey, value: number): string {
  return value.toFixed(METRICS[key].decimals);
}

// The clinical wording the demo model uses: NEWS2 response bands (RCP 2017, as in the product brief),
// which single parameters are red flags, and what to check for each metric. Deterministic text only.
import { METRICS, formatMetric, type MetricKey } from "@/lib/domain/metrics";
import { scoreConsciousness, scorePulse, scoreRespRate, scoreSpo2Scale1, scoreSystolicBp, scoreTemperature } from "@/lib/domain/news2";
import type { Series } from "./extract";

export function news2Response(total: number, anySingleThree: boolean): string {
  if (total >= 7) return "high: emergency review within 30 minutes by a team with critical-care skills; continuous monitoring";
  if (total >= 5) return "medium: urgent review within 1 hour; observations at least hourly";
  if (anySingleThree) return "low-medium (a single parameter scores 3): urgent ward-based review";
  return "low: ward-based care; observations at least every 4–6 hours";
}

/** The NEWS2 score (0–3) of a single latest value, where the metric is a NEWS2 parameter (scale 1). */
export function singleScore(metric: MetricKey, value: number): number | null {
  switch (metric) {
    case "resp_rate":
      return scoreRespRate(value);
    case "spo2":
      return scoreSpo2Scale1(value);
    case "bp_sys":
      return scoreSystolicBp(value);
    case "heart_rate":
      return scorePulse(value);
    case "consciousness":
      return scoreConsciousness(value);
    case "temp":
      return scoreTemperature(value);
    default:
      return null;
  }
}

const CHECKS: Partial<Record<MetricKey, string>> = {
  spo2: "check the probe and waveform, airway and breathing, and oxygen delivery against the target range",
  resp_rate: "count the rate over a full minute and look at the work of breathing",
  heart_rate: "check rhythm and perfusion; consider pain, fever, bleeding and fluid status",
  bp_sys: "repeat the blood pressure manually and check perfusion and fluid balance",
  bp_dia: "repeat the blood pressure manually",
  temp: "look for a source of infection and consider a sepsis screen",
  consciousness: "assess ACVPU and check blood glucose",
  glucose: "confirm with a capillary reading and follow the hypo/hyperglycaemia protocol",
  battery: "charge or replace the battery",
  device_temp: "check ventilation and load, and take the device out of service if it overheats",
  vibration: "inspect the pump mechanism for wear and schedule service",
  power: "check the power supply and the load",
  env_temp: "check the door seal and thermostat and move stock if the excursion continues",
  humidity: "check the room's ventilation",
};

export function checksFor(metric: MetricKey): string | undefined {
  return CHECKS[metric];
}

const TREND_STEP: Partial<Record<MetricKey, number>> = {
  spo2: 2,
  heart_rate: 10,
  resp_rate: 3,
  temp: 0.5,
  bp_sys: 10,
  bp_dia: 8,
  glucose: 20,
  news2: 2,
};

export function trendWord(s: Series): string {
  if (s.count < 2) return "single reading";
  const step = TREND_STEP[s.metric] ?? (Math.abs(s.first) * 0.1 || 1);
  const delta = s.last - s.first;
  if (delta >= step) return "rising";
  if (delta <= -step) return "falling";
  return "steady";
}

export function metricText(metric: MetricKey, value: number): string {
  const def = METRICS[metric];
  const unit = def.display ? (def.display === "%" ? " %" : ` ${def.display}`) : "";
  return `${formatMetric(metric, value)}${unit}`;
}

export function metricLabel(metric: MetricKey): string {
  return METRICS[metric].label;
}

/** "SpO₂ 91 % (91–97, falling)" */
export function describeSeries(s: Series): string {
  const range = s.count > 1 && s.min !== s.max ? `${formatMetric(s.metric, s.min)}–${formatMetric(s.metric, s.max)}, ` : "";
  return `${metricLabel(s.metric)} ${metricText(s.metric, s.last)} (${range}${trendWord(s)})`;
}
